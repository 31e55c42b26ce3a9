# When objects die: at the last reference (__del__ then weakref callbacks), in the order CPython frees them, and
# cycles only at gc.collect() (whose return value counts the unreachable objects).
import gc
import sys
import _weakref as weakref

class D:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __del__(self):
        self.log.append('del ' + self.name)
    def __repr__(self):
        return 'D(%s)' % self.name

log = []
def cb(name):
    return lambda ref: log.append('cb ' + name)

# Last reference goes: __del__ first, then the weakref callback, right away.
a = D('a', log)
r = weakref.ref(a, cb('a'))
del a
log.append('after del a')
print(log, r())
log.clear()

# A list frees its items in order from the last one (list_dealloc walks backwards).
items = [D(str(i), log) for i in range(4)]
refs = [weakref.ref(x, cb(x.name)) for x in items]
del items
print(log)
log.clear()

# A tuple and a dict free in the order of their items.
t = (D('t0', log), D('t1', log))
del t
d = {'x': D('dx', log), 'y': D('dy', log)}
del d
print(log)
log.clear()

# Rebinding a name frees the old object before the statement ends.
v = D('old', log)
v = D('new', log)
log.append('rebound')
print(log)
del v
log.clear()

# An attribute chain: the outer object dies first, then what only it held.
o = D('outer', log)
o.child = D('child', log)
del o
print(log)
log.clear()

# id() is stable while the object lives.
x = D('x', log)
i1 = id(x)
lst = [x] * 3
print(id(x) == i1, all(id(y) == i1 for y in lst))
del lst, x
log.clear()

# Cycles: nothing happens until gc.collect(); then weakrefs die and __del__ runs once per object.
gc.disable()
gc.collect()
p = D('p', log); q = D('q', log)
p.other = q; q.other = p
rp = weakref.ref(p, cb('p'))
del p, q
print('before collect', log, rp() is not None)
n = gc.collect()
print('collected', n, sorted(log), rp())
log.clear()

# Self-referencing list and dict.
l = []; l.append(l)
dd = {}; dd['me'] = dd
del l, dd
print('containers', gc.collect())

# A cycle of instances with __slots__ (no instance dicts).
class S:
    __slots__ = ('link', '__weakref__')
s1 = S(); s2 = S(); s1.link = s2; s2.link = s1
del s1, s2
print('slots cycle', gc.collect())

# Nothing left to collect.
print('again', gc.collect())

# A cycle kept alive from outside is not garbage.
keep = D('kept', log)
keep.self = keep
holder = [keep]
del keep
print('kept alive', gc.collect(), log)
del holder
print('released', gc.collect(), log)
log.clear()

# Resurrection: __del__ stores the object; it is finalized once only.
saved = []
class R:
    def __del__(self):
        saved.append(self)
        print('R.__del__')
r1 = R()
r1.me = r1
del r1
print('resurrect', gc.collect(), len(saved))
saved.clear()
print('second time', gc.collect())
gc.enable()
print(gc.isenabled())
