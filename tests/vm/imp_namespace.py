# Namespace packages: a folder without __init__.py.
import impns.part.mod
print(impns.part.mod.NS_VALUE)
print(impns.__file__, [p.endswith("/impns") for p in impns.__path__])
print(impns.__package__, impns.part.__package__, impns.part.mod.__package__)
print(impns.part.mod.__file__.endswith("impns/part/mod.py"))
from impns.part import mod
print(mod is impns.part.mod)
