# __init_subclass__ with keyword arguments, __set_name__, __class_getitem__
class Base:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append((cls.__name__, tag))

class A(Base, tag="a"): pass
class B(A): pass
class C(B, tag="c"): pass
print(Base.registry, A.tag, B.tag, C.tag)
try:
    class D(Base, unknown=1): pass
except TypeError as e:
    print("TypeError", e)
try:
    class E(unknown=1): pass
except TypeError as e:
    print("TypeError", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Model:
    x = Field()
    y = Field()
m = Model()
print(m.x, m.y)
m.x = 10
print(m.x, m._x, type(Model.x).__name__)

class Late: pass
f = Field()
Late.z = f
print(hasattr(f, "name"))

class G:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(G[int], G["x"], G[1, 2])
class H(G): pass
print(H[3])
print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__)
try:
    object[int]
except TypeError as e:
    print("TypeError", e)

class Counter:
    def __init_subclass__(cls):
        cls.count = 0
class P(Counter): pass
print(P.count)
class Q(P): pass
print(Q.count)

class WithSetNameError:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)
try:
    class R:
        attr = WithSetNameError()
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
