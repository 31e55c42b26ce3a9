# property: getter/setter/deleter, decorators, doc, errors, subclass overriding, __set_name__ of property
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        print("set", v)
        self._x = v
    @x.deleter
    def x(self):
        print("del")
        del self._x
    @property
    def ro(self): return "ro"
p = P()
print(p.x); p.x = 5; print(p.x); del p.x
print(hasattr(p, "_x"))
try:
    p.x
except AttributeError as e:
    print("AttributeError", e)
try:
    p.ro = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.ro
except AttributeError as e:
    print("AttributeError", e)
print(P.x.__doc__, P.ro.__doc__, type(P.x).__name__)
print(P.x.fget.__name__, P.x.fset.__name__, P.x.fdel.__name__, P.ro.fset)
q = property(lambda self: 1, doc="manual")
print(q.__doc__)
class Q:
    y = property(lambda self: "got y")
    z = property()
print(Q().y)
try:
    Q().z
except AttributeError as e:
    print("AttributeError", e)
class Base:
    @property
    def v(self): return "base"
class Sub(Base):
    @Base.v.getter
    def v(self): return "sub"
print(Base().v, Sub().v)
class Sub2(Base):
    @property
    def v(self): return "sub2 " + super().v
print(Sub2().v)
p2 = P.x.getter(lambda self: "new getter")
print(p2.fset is P.x.fset, p2.__get__(P()))
print(isinstance(P.x, property), property.__name__)
class Derived(property):
    pass
class UsesDerived:
    @Derived
    def w(self): return "w"
print(UsesDerived().w, type(UsesDerived.__dict__["w"]).__name__)
class Counter:
    count = 0
    @property
    def next(self):
        Counter.count += 1
        return Counter.count
c = Counter()
print(c.next, c.next, c.next)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError", e)
