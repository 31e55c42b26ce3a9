# automatic collection: cycles made in a loop are reclaimed without gc.collect(); weakrefs to cycle members die
import gc, _weakref
class Node:
    instances = 0
    def __init__(self):
        Node.instances += 1
        self.peer = None
    def __del__(self):
        Node.instances -= 1
gc.collect()
for i in range(5000):
    a = Node(); b = Node()
    a.peer = b; b.peer = a
del a, b
print("alive after loop is small:", Node.instances < 2000)
gc.collect()
print("alive after collect:", Node.instances)
class Holder: pass
h = Holder()
h.me = h
r = _weakref.ref(h, lambda w: print("weakref callback, referent gone:", w() is None))
del h
print("before collect", r() is not None)
print("collected", gc.collect())
print("after collect", r())
class Res:
    saved = None
    def __del__(self):
        print("finalizing once")
        Res.saved = self
x = Res(); x.self = x
del x
print(gc.collect())
print(Res.saved is not None, gc.is_finalized(Res.saved))
Res.saved = None
print(gc.collect())
def gen_cycle():
    l = [1, 2]
    d = {"l": l}
    l.append(d)
    return len(l)
total = sum(gen_cycle() for _ in range(1000))
print(total, gc.collect() >= 0)
gc.disable()
for i in range(3000):
    c = []; c.append(c)
print(gc.collect())
gc.enable()
