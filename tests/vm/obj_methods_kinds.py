# classmethod / staticmethod: binding, wrapping, __func__, __wrapped__, calls through instances and classes
class C:
    @classmethod
    def cm(cls, x): return (cls.__name__, x)
    @staticmethod
    def sm(x): return ("static", x)
    def im(self, x): return (type(self).__name__, x)
class D(C): pass
print(C.cm(1), C().cm(2), D.cm(3), D().cm(4))
print(C.sm(1), C().sm(2))
print(C.im(C(), 5), D().im(6))
print(type(C.__dict__["cm"]).__name__, type(C.__dict__["sm"]).__name__, type(C.__dict__["im"]).__name__)
print(C.__dict__["cm"].__func__ is C.cm.__func__, C.__dict__["sm"].__func__ is C.sm)
print(C.cm.__self__ is C, D().cm.__self__ is D)
print(type(C.cm).__name__, type(C.sm).__name__, type(C().im).__name__)
sm = staticmethod(len)
print(sm.__func__ is len, sm.__wrapped__ is len)
print(callable(sm), sm("abc"))
cm = classmethod(lambda cls: cls)
class E:
    f = cm
print(E.f() is E, E().f() is E)
# classmethod wrapping a property-like (3.9-3.12: classmethod chains __get__)
class Meta(type): pass
class F:
    @classmethod
    def make(cls, *args, **kw): return cls, args, kw
print(F.make(1, a=2)[1:], F.make.__name__, F.make.__qualname__)
print(C.sm.__name__, C.cm.__doc__)
def deco(f):
    return staticmethod(f)
class G:
    @deco
    def s(): return "s"
print(G.s(), G().s())
try:
    classmethod(1)()
except TypeError as e:
    print("TypeError", e)
print(repr(staticmethod(None))[:22], repr(classmethod(None))[:21])
class H:
    @staticmethod
    def k(): "doc of k"
print(H.__dict__["k"].__doc__, H.k.__doc__)
print(H.__dict__["k"].__name__, H.__dict__["k"].__qualname__)
