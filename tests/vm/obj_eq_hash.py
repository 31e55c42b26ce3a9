# __eq__ / __hash__ rules: __eq__ alone makes the class unhashable, __hash__ = None, inheriting, hash() results
class A:
    def __eq__(self, o): return isinstance(o, A)
print(A.__hash__)
try:
    hash(A())
except TypeError as e:
    print("TypeError", e)
try:
    {A()}
except TypeError as e:
    print("TypeError", e)
class B(A):
    __hash__ = object.__hash__
print(type(hash(B())).__name__, B.__hash__ is object.__hash__)
class C:
    def __eq__(self, o): return True
    def __hash__(self): return 42
print(hash(C()), len({C(), C()}))
class D(C):
    def __eq__(self, o): return False
print(D.__hash__)
class E(C):
    pass
print(hash(E()))
class H:
    def __hash__(self): return 2**70
print(hash(H()), hash(H()) == hash(2**70))
class HN:
    def __hash__(self): return -1
print(hash(HN()))
class HBad:
    def __hash__(self): return "x"
try:
    hash(HBad())
except TypeError as e:
    print("TypeError", e)
class HBool:
    def __hash__(self): return True
print(hash(HBool()))
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
import sys
print(isinstance(NoHash(), object), NoHash.__hash__ is None)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
d = {Eq(1): "one"}
print(d[Eq(1)], Eq(1) in d, Eq(2) in d)
print(Eq(1) != Eq(2), Eq(1) != Eq(1))
class OnlyNe:
    def __ne__(self, o): return "ne called"
print(OnlyNe() != 1, OnlyNe() == OnlyNe())
o = object()
print(o == o, o != o, o == object())
print(hash(1) == hash(1.0) == hash(True), hash(None) == hash(None))
class Int(int):
    pass
print(hash(Int(5)), Int(5) == 5)
class StrEq(str):
    def __eq__(self, o): return True
print(StrEq.__hash__)
print(object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1))
