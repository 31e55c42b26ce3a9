# Importing a module from the script's folder: binding, attributes, identity, sys.modules.
import sys
import impbasic
import impbasic as alias
from impbasic import VALUE, double as dbl, Thing

print(impbasic.VALUE, alias is impbasic, VALUE, dbl(21), Thing())
print(impbasic.__name__, impbasic.__package__ == "", impbasic.__doc__)
print(impbasic.__file__.endswith("/impbasic.py"), impbasic.__file__.startswith(sys.path[0]))
cached = impbasic.__cached__
print("__pycache__" in cached, sys.implementation.cache_tag in cached, cached.endswith(".pyc"))
print("impbasic" in sys.modules, sys.modules["impbasic"] is impbasic)
print(type(impbasic).__name__, repr(impbasic).startswith("<module 'impbasic' from '"))
print(impbasic.bump(), impbasic.bump(), impbasic.counter)
import impbasic
print(impbasic.counter, impbasic._private)
print(sorted(k for k in vars(impbasic) if k.startswith("__") and k != "__builtins__"))
print(type(vars(impbasic)["__builtins__"]).__name__)
try:
    impbasic.missing
except AttributeError as e:
    print("AttributeError:", e)
def local_import():
    import impbasic as inner
    return inner.double(5)
print(local_import(), "inner" in globals())
print(sys.modules["sys"] is sys, repr(sys), "builtins" in sys.modules)
