# __del__ resurrection: the object survives, __del__ runs only once (PEP 442), exceptions in __del__ are printed
saved = []
class R:
    def __init__(self, n): self.n = n
    def __del__(self):
        print("del", self.n)
        saved.append(self)
r = R(1)
del r
print("saved", len(saved), saved[0].n)
saved.clear()
print("cleared: no second __del__")
class Finalizer:
    # not a function: CPython's "Exception ignored in: %r" then shows this repr, not an address
    def __init__(self, exc): self.exc = exc
    def __repr__(self): return "<Finalizer " + type(self.exc).__name__ + ">"
    def __call__(self): raise self.exc
class Bad:
    def __init__(self): pass
Bad.__del__ = Finalizer(ValueError("in del"))
b = Bad()
del b
print("after bad del")
def div(x): return 1 / x
class Bad2Fin:
    def __repr__(self): return "<Bad2Fin>"
    def __call__(self): div(0)
class Bad2:
    __del__ = Bad2Fin()
x = Bad2()
x = None
print("after bad2")
def f():
    y = Bad()
f()
print("after f")
class Counter:
    count = 0
    def __del__(self):
        Counter.count += 1
for i in range(100):
    Counter()
print(Counter.count)
class Chain:
    def __init__(self, nxt): self.nxt = nxt
    def __del__(self): print("chain del", self.nxt is None)
c = Chain(Chain(Chain(None)))
del c
print("chain done")
