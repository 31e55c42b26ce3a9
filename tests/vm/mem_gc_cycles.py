# the cycle collector: gc.collect() counts, __del__ of objects in cycles (PEP 442), enable/disable, thresholds
import gc
gc.collect()
print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
class Node:
    def __init__(self, name): self.name = name; self.other = None
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
class WithDel:
    def __init__(self, name): self.name = name
    def __del__(self): print("finalize", self.name)
x = WithDel("x"); y = WithDel("y")
x.peer = y; y.peer = x
del x, y
print("collecting")
n = gc.collect()
print("collected", n)
print(gc.collect())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
gc.enable()
print(gc.isenabled())
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}), gc.is_tracked(Node("q")))
print(gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked(([],)))
t = []
for i in range(10):
    n1 = Node(i); n2 = Node(i)
    n1.other = n2; n2.other = n1
del n1, n2
print(gc.collect())
def make_cycle_fn():
    def f(): return f
    return f
make_cycle_fn()
print(gc.collect())
print(type(gc.get_count()).__name__, len(gc.get_count()))
print(gc.garbage)
