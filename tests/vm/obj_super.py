# super(): zero-argument and two-argument forms, in classmethods, in __new__, properties through super
class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
    @staticmethod
    def s(): return "A.s"
    @property
    def p(self): return "A.p"
    def __repr__(self): return "<A>"
class B(A):
    def f(self): return "B.f>" + super().f()
    @classmethod
    def c(cls): return "B.c>" + super().c()
    def g(self): return super().s()
    @property
    def p(self): return "B.p>" + super().p
class C(A):
    def f(self): return "C.f>" + super().f()
class D(B, C):
    def f(self): return "D.f>" + super().f()
    @classmethod
    def c(cls): return "D.c>" + super(D, cls).c()
print(D().f(), D.c(), D().c(), D().g(), D().p)
print(super(B, D()).f(), super(C, D()).f())
print(super(D, D).c())
s = super(B, D())
print(type(s).__name__, s.f(), repr(s))
print(super(B, B).f(B()))
class N:
    def __new__(cls, *a):
        obj = super().__new__(cls)
        obj.args = a
        return obj
print(N(1, 2).args)
class Init:
    def __init__(self, x):
        super().__init__()
        self.x = x
print(Init(3).x)
try:
    super(B, 1)
except TypeError as e:
    print("TypeError", e)
try:
    super(1, B())
except TypeError as e:
    print("TypeError", e)
class E:
    def m(self):
        return super().missing
try:
    E().m()
except AttributeError as e:
    print("AttributeError", e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError", e)
class F:
    def m(self):
        def inner():
            return __class__
        return inner()
print(F().m().__name__)
class G(list):
    def append(self, x):
        super().append(x * 2)
g = G()
g.append(3)
print(g)
class H(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
h = H()
h["a"] = 1
print(h)
class Sup(A):
    def f(self):
        sup = super()
        return sup.f(), sup.__thisclass__.__name__, sup.__self_class__.__name__, sup.__self__ is self
print(Sup().f())
