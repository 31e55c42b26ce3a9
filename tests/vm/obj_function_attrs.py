# function objects: __defaults__, __kwdefaults__, __annotations__, __dict__, __wrapped__, __name__, __qualname__, __module__, __doc__
def f(a, b=2, *args, c, d=4, **kw) -> int:
    "f doc"
    return a
print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__, f.__annotations__)
def g(x: int, y: "str" = "s") -> None: pass
print(g.__annotations__, g.__defaults__, g.__kwdefaults__)
f.__defaults__ = (20,)
print(f(1, c=3), f.__defaults__)
f.__kwdefaults__ = {"c": 30, "d": 40}
print(f.__kwdefaults__, f(1))
f.custom = "attr"
print(f.__dict__, f.custom, "custom" in dir(f))
f.__dict__["other"] = 1
print(f.other)
del f.custom
print(hasattr(f, "custom"))
def deco(fn):
    def wrapper(*a, **k):
        return fn(*a, **k)
    wrapper.__wrapped__ = fn
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__qualname__ = "wrapped." + fn.__qualname__
    return wrapper
@deco
def h():
    "h doc"
    return "h"
print(h(), h.__name__, h.__doc__, h.__qualname__, h.__wrapped__.__name__)
lam = lambda x, y=1: x + y
print(lam.__name__, lam.__qualname__, lam.__defaults__, lam(1))
class C:
    def m(self): pass
    class N:
        def k(self):
            def inner(): pass
            return inner
print(C.m.__qualname__, C.N.k.__qualname__, C.N().k().__qualname__)
try:
    f.__defaults__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    f.__name__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError", e)
try:
    f.__kwdefaults__ = 1
except TypeError as e:
    print("TypeError", e)
print(type(f).__name__, type(f.__code__).__name__, f.__globals__ is globals(), f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
print(f.__closure__, callable(f))
def noanno(): pass
print(noanno.__annotations__, noanno.__defaults__, noanno.__kwdefaults__, noanno.__doc__)
noanno.__annotations__ = {"a": 1}
print(noanno.__annotations__)
noanno.__doc__ = "new doc"
print(noanno.__doc__)
def k(*, a=1, b): return a, b
print(k.__kwdefaults__, k(b=2))
f.__qualname__ = "renamed.q"
print(f.__qualname__, repr(f)[:25])
def gen(): yield 1
print(gen.__code__.co_flags & 0x20 != 0, type(gen()).__name__)
print(sorted(a for a in dir(f) if a.startswith("__") and a in ("__call__", "__get__", "__name__", "__dict__", "__code__")))
