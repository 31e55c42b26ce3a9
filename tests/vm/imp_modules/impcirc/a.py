print("a starts")
A1 = "a1"
from impcirc import b
A2 = "a2 after b: " + b.B
print("a ends")
