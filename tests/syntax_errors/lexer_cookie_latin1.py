# -*- coding: latin-1 -*-
s = "café"
print(len(s), s)
print(1 +)
