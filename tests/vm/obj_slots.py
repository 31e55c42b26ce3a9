# __slots__: no __dict__, AttributeError messages, __weakref__, inheritance, class variable conflicts
class P:
    __slots__ = ("x", "y")
    def __init__(self, x): self.x = x
p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError", e)
p.y = 2
print(p.x, p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)
print(type(P.x).__name__, P.__slots__, hasattr(p, "__weakref__"))
class Q(P):
    pass
q = Q(5)
q.z = 6
print(q.x, q.z, q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(1)
r.w = 2
print(r.x, r.w, hasattr(r, "__dict__"))
class S:
    __slots__ = "single"
s = S()
s.single = 1
print(s.single, S.__slots__)
class W:
    __slots__ = ("__weakref__", "a")
print(hasattr(W(), "__weakref__"), W().__weakref__)
class Dct:
    __slots__ = ("__dict__", "a")
d = Dct()
d.b = 2
d.a = 1
print(d.__dict__, d.a)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError", e)
try:
    class Bad2:
        __slots__ = ("a", "a")
except TypeError as e:
    print("TypeError", e)
try:
    class Bad3:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError", e)
class Mangled:
    __slots__ = ("__private",)
    def set(self, v): self.__private = v
    def get(self): return self.__private
m = Mangled()
m.set(9)
print(m.get(), Mangled.__slots__, "_Mangled__private" in dir(Mangled))
class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print("AttributeError", e)
print(P.x.__name__, P.x.__objclass__ is P)
class WithDefault:
    __slots__ = ("v",)
    def __init__(self):
        pass
    def __repr__(self):
        return f"WD({getattr(self, 'v', 'unset')})"
print(WithDefault())
