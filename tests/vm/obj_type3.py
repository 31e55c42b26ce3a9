# type() with three arguments, class attributes __name__/__qualname__/__module__/__doc__/__bases__/__mro__
def hello(self):
    return "hello from " + type(self).__name__

A = type("A", (), {"x": 1, "hello": hello})
a = A()
print(A.__name__, A.__qualname__, A.__module__, A.__bases__, A.__doc__)
print(a.x, a.hello())
B = type("B", (A,), {"__doc__": "B doc", "y": 2})
print(B.__name__, B.__bases__ == (A,), B.__mro__ == (B, A, object), B.__doc__)
b = B()
print(b.x, b.y, b.hello(), isinstance(b, A))
print(type(b) is B, type(B) is type, type(type) is type, type(object) is type)
print(repr(A)[:15], repr(B)[:15])
class Outer:
    class Inner:
        def m(self): pass
    def f(self):
        class Local: pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.Inner.m.__qualname__)
print(Outer().f().__qualname__)
print(Outer.__module__, Outer.__dict__['__module__'])
class D:
    "docstring of D"
print(D.__doc__)
class E: pass
print(E.__doc__)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type("X")
except TypeError as e:
    print("TypeError", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    type("X", (), 5)
except TypeError as e:
    print("TypeError", e)
C = type("C", (object,), {})
C.z = 5
print(C.z, C().z)
C.__name__ = "Renamed"
print(C.__name__)
try:
    int.foo = 1
except TypeError as e:
    print("TypeError", e)
print(type.__name__, object.__name__, int.__qualname__, int.__module__)
print(object.__bases__, type.__bases__, int.__mro__, bool.__mro__)
print(object.__base__, int.__base__, bool.__base__, type.__base__)
