# C3 linearisation, mro(), __mro__, errors for inconsistent hierarchies, __subclasses__
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])
print(Z.mro() == list(Z.__mro__), type(Z.mro()).__name__)
try:
    class Bad(A, O, B): pass
except TypeError as e:
    print("TypeError", e)
class X: pass
class Y(X): pass
try:
    class W(X, Y): pass
except TypeError as e:
    print("TypeError", e)
try:
    class V(A, A): pass
except TypeError as e:
    print("TypeError", e)
print(sorted(c.__name__ for c in O.__subclasses__()))
print([c.__name__ for c in A.__subclasses__()])
print([c.__name__ for c in K1.__subclasses__()])
print(type(O.__subclasses__()).__name__)
class Diamond1(A): pass
class Diamond2(A): pass
class Diamond(Diamond1, Diamond2): pass
print([k.__name__ for k in Diamond.__mro__])
class Meta(type):
    def mro(cls):
        return [cls, MixIn] + list(type.mro(cls))[1:]
class MixIn:
    def hello(self): return "mixin"
class WithCustom(metaclass=Meta):
    pass
print([k.__name__ for k in WithCustom.__mro__], WithCustom().hello())
print(int.mro(), bool.mro())
print(issubclass(bool, int), issubclass(Z, O), issubclass(O, Z), issubclass(Z, (int, K3)))
