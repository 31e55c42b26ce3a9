# Circular imports: the partial module is visible; names not yet defined give CPython's messages.
import sys
import impcirc.a
print(impcirc.a.A2)
try:
    import impcirc.x
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0] + "/", ""))
print("impcirc.x" in sys.modules, "impcirc.y" in sys.modules)
import impcirc.p
print(impcirc.q.Q, impcirc.p.P)
