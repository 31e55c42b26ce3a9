# classes changed after creation: new methods and dunders take effect (slots refresh), deletions, subclasses follow
class A:
    pass
class B(A):
    pass
a, b = A(), B()
A.greet = lambda self: "hi from " + type(self).__name__
print(a.greet(), b.greet())
A.__repr__ = lambda self: "<A-ish>"
print(repr(a), repr(b))
A.__len__ = lambda self: 3
print(len(a), len(b), bool(b))
A.__add__ = lambda self, o: f"add {o}"
print(a + 1, b + 2)
B.__add__ = lambda self, o: "B add"
print(a + 1, b + 2)
del B.__add__
print(b + 3)
A.__eq__ = lambda self, o: True
print(a == 1, b == "x")
A.__hash__ = lambda self: 7
print(hash(a), hash(b))
A.__call__ = lambda self, *x: ("called", x)
print(a(1, 2), b())
A.__getitem__ = lambda self, k: k * 2
print(a[4], b["z"])
A.__iter__ = lambda self: iter([1, 2])
print(list(a), list(b))
A.__getattr__ = lambda self, n: "dyn " + n
print(a.missing, b.other)
del A.__getattr__
try:
    a.missing
except AttributeError as e:
    print("AttributeError", e)
A.__bool__ = lambda self: False
print(bool(a), "yes" if b else "no")
A.__contains__ = lambda self, x: x == 9
print(9 in a, 8 in b)
A.__neg__ = lambda self: "neg"
print(-a, -b)
A.__str__ = lambda self: "str of A"
print(str(a), f"{b}")
A.__init__ = lambda self, x=0: setattr(self, "x", x)
print(A(5).x, B(6).x)
A.__lt__ = lambda self, o: "lt"
print(a < b)
A.__del__ = lambda self: print("del", type(self).__name__)
tmp = B()
del tmp
print("end")
