# Classes, functions and exceptions defined in imported modules; a traceback through a module.
import impclasses
from impclasses import Base, ModError
class Child(Base):
    pass
print(Base().describe(), Child().describe())
print(Base.__module__, Child.__module__, impclasses.explode.__module__)
print(repr(Base).replace("impclasses.", "M."), ModError.__qualname__)
try:
    impclasses.explode(3)
except ModError as e:
    print(type(e).__name__, e, isinstance(e, Exception))
impclasses.explode(1)
