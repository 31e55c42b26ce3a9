import os
print("é")
