# Relative imports inside a package (from . / from .. / from .x import y) and their errors.
import imprel
print(imprel.INIT)
print(imprel.inner.deep.DEEP, imprel.inner.deep.__package__)
try:
    import imprel.inner.toofar
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("one", globals(), None, [], 1)
except ImportError as e:
    print(type(e).__name__, e)
print(__import__("one", {"__package__": "imprel"}, None, ["ONE"], 1).ONE)
print(__import__("", {"__package__": "imprel.inner"}, None, ["sibling"], 1).__name__)
print(__import__("inner.deep", {"__name__": "imprel.x"}, None, [], 1).__name__)
try:
    __import__("x", {"__package__": 5}, None, [], 1)
except TypeError as e:
    print("TypeError:", e)
try:
    __import__("x", {}, None, [], 1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    __import__("x", {"__name__": "top"}, None, [], 2)
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("x", {"__package__": "a.b"}, None, [], 3)
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("x", [], None, [], 1)
except TypeError as e:
    print(type(e).__name__, e)
