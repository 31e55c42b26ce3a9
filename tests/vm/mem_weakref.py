# weak references: ref, callbacks, dead refs, proxy, getweakrefcount/getweakrefs, hashing and equality
import _weakref
import sys
ref = _weakref.ref
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"
o = Obj(1)
r = ref(o)
print(r() is o, r(), type(r).__name__, _weakref.getweakrefcount(o))
r2 = ref(o)
print(r is r2, r == r2)
def cb(wr):
    print("callback", wr is rc, wr())
rc = ref(o, cb)
print(_weakref.getweakrefcount(o), len(_weakref.getweakrefs(o)))
del o
print("after del", r(), rc())
print(_weakref.getweakrefcount(r))
try:
    ref(1)
except TypeError as e:
    print("TypeError", e)
try:
    ref([])
except TypeError as e:
    print("TypeError", e)
def f(): pass
print(ref(f)() is f)
class K: pass
print(ref(K)() is K)
o2 = Obj(2)
p = _weakref.proxy(o2)
print(p.n, repr(p)[:14], type(p).__name__)
p.n = 5
print(o2.n)
del o2
try:
    p.n
except ReferenceError as e:
    print("ReferenceError", e)
o3 = Obj(3)
h = ref(o3)
print(hash(h) == hash(o3))
a = Obj(4)
ra = ref(a)
print(ra == ref(a), ra != ref(Obj(5)))
del a
print(ra() is None)
class WithSlots:
    __slots__ = ("x",)
try:
    ref(WithSlots())
except TypeError as e:
    print("TypeError", e)
class WithWeakSlot:
    __slots__ = ("x", "__weakref__")
w = WithWeakSlot()
print(ref(w)() is w)
order = []
o4 = Obj(4)
r41 = ref(o4, lambda w: order.append("first"))
r42 = ref(o4, lambda w: order.append("second"))
del o4
print(order)
print(repr(r41)[:12])
class Sub(_weakref.ref):
    def __init__(self, ob, cb=None):
        super().__init__(ob, cb)
        self.extra = "x"
o5 = Obj(5)
s = Sub(o5, None)
print(s() is o5, s.extra, isinstance(s, _weakref.ref))
