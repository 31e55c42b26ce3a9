import sys
rc = sys.getrefcount
class C:
    def m(self): pass
def f():
    x = C()
    print('local', rc(x))
    l = [x]
    print('in list', rc(x))
    l.append(x)
    print('twice', rc(x))
    del l
    print('after del', rc(x))
    d = {'a': x}
    print('dict value', rc(x))
    d2 = {x: 1}
    print('dict key', rc(x))
    del d, d2
    t = (x, x, x)
    print('tuple', rc(x))
    del t
    bm = x.m
    print('bound method', rc(x))
    del bm
    s = {x}
    print('set', rc(x))
    del s
    y = x
    print('alias', rc(x))
    del y
    print('end', rc(x))
    def inner():
        return x
    print('closure', rc(x))
    del inner
    print('after closure', rc(x))
    return x
g = C()
print('global', rc(g))
def h(a=g): pass
print('default', rc(g))
del h
print('after default del', rc(g))
print('temp', rc(C()))
print('f result', rc(f()))
print('obj', rc(object()))
o = object()
print('obj local', rc(o))
lst = [object()]
print('list elem', rc(lst[0]))
print('class', rc(C) > 2)
print('none', rc(None) > 100)
print('small int', rc(1) > 10)
s = "".join(["some", " string"])
print('str', rc(s))
fl = float("3.5")
print('float', rc(fl))
big = int("1" + "0" * 30)
print('bigint', rc(big))
b = [1, 2]
print('list', rc(b))
def gen():
    yield 1
gg = gen()
print('gen', rc(gg))
import gc
class Node:
    pass
a = Node(); bb = Node(); a.o = bb; bb.o = a
print('cycle', rc(a), rc(bb))
for i in range(2):
    print('loopvar', rc(a))
print([rc(a) for _ in range(1)])
print('method self', C().m is not None)
class D:
    def get(self):
        return sys.getrefcount(self)
dd = D()
print('self in method', dd.get())
print('dict attr', rc(dd.__dict__))

# Errors and the argument itself.
try:
    sys.getrefcount()
except TypeError as e:
    print(e)
try:
    sys.getrefcount(1, 2)
except TypeError as e:
    print(e)
# A value reached only through a container and the call's argument.
print('nested', rc([[]][0]))
# Objects kept alive by a frame's locals while it runs.
def outer():
    v = C()
    def show():
        return rc(v)
    return show()
print('cell', outer())
# Refcounts move back after a loop that binds and drops references.
k = C()
before = rc(k)
for _ in range(100):
    tmp = [k, k]
    del tmp
print('loop balance', rc(k) == before)
# Exceptions hold their arguments.
arg = C()
try:
    raise ValueError(arg)
except ValueError as e:
    print('exc arg', rc(arg))
print('after except', rc(arg))
