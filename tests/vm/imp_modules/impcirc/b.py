print("b starts")
import sys
import impcirc.a
print("b sees partial a:", sys.modules["impcirc.a"].A1, hasattr(sys.modules["impcirc.a"], "A2"))
try:
    impcirc.a
except AttributeError as e:
    print("AttributeError:", e)
B = "b"
