# sys.getrefcount through calls, comprehensions, generators, properties, decorators and copies.
import sys
rc = sys.getrefcount
def f(): pass
print('func', rc(f))
class C:
    def m(self): pass
print('method func', rc(C.__dict__['m']))
c = C()
c.m(); c.m()
print('after calls', rc(C.__dict__['m']), rc(c))
def g(x):
    return rc(x)
o = object()
print('param', g(o))
print('kwarg', (lambda *, k: rc(k))(k=o))
print('star', (lambda *a: rc(a[0]))(o))
gen = (rc(o) for _ in range(1))
print('genexpr', next(gen))
l = [o]
print('iter', [rc(x) for x in l])
d = {1: o}
print('dict values', [rc(v) for v in d.values()])
class P:
    @property
    def me(self): return rc(self)
p = P()
print('property', p.me)
def deco(fn):
    return fn
@deco
def h(): pass
print('decorated', rc(h))
x = [object() for _ in range(3)]
y = x[:]
print('slice copy', rc(x[0]))
z = x * 2
print('repeat', rc(x[0]))
s = sorted(x, key=id)
print('sorted', rc(x[0]))
del y, z, s
e = enumerate(x)
print('enumerate', rc(x))
t = tuple(x)
print('tuple()', rc(x[1]))
