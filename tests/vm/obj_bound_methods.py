# bound methods: __self__, __func__, equality, hash, repr, binding builtins, calling unbound
class C:
    def m(self, x=1): return (self.v, x)
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, C) and self.v == o.v
    def __hash__(self): return hash(self.v)
a, b = C(1), C(1)
m = a.m
print(m(), m(2), m.__self__ is a, m.__func__ is C.m, m.__name__, m.__qualname__, m.__doc__)
print(a.m == a.m, a.m is a.m, a.m == b.m, a.m != C(2).m, hash(a.m) == hash(a.m))
print(repr(m).startswith("<bound method C.m of <__main__.C object at "))
print(C.m(a), C.m(a, 3))
bm = "abc".upper
print(bm(), bm.__self__, bm.__name__, type(bm).__name__, repr(bm)[:30])
print([].append == [].append, "x".upper == "x".upper)
l = [1]
print(l.append.__self__ is l)
class D:
    def __repr__(self): return "D!"
    def f(self): pass
print(repr(D().f))
m2 = type(m)(C.m, b)
print(m2(), type(m).__name__)
try:
    m.newattr = 1
except AttributeError as e:
    print("AttributeError", e)
C.m.attr = "on func"
print(a.m.attr)
print(m.__func__.__code__.co_name, m.__module__)
def free(self): return "free " + str(self.v)
a.f = free
try:
    a.f()
except TypeError as e:
    print("TypeError", e)
import sys
print(type(C.m).__name__, type(C.__init__).__name__, type(object.__init__).__name__, type(object().__init__).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__, (1).__add__(2))
print(type(str.join).__name__, str.join(",", "ab"))
print(type(dict.fromkeys).__name__, dict.fromkeys("ab"))
print(type(C.__dict__["__init__"]).__name__)
print(a.__eq__(b), a.__ne__(b), a.__hash__() == hash(1))
print(int.__add__(1, 2), object.__repr__(a)[:20])
print(type(len).__name__, repr(len), len.__name__, len.__qualname__)
