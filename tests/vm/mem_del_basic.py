# __del__ runs when the last reference goes: del, rebinding, leaving a function, container removal, order
class D:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
a = D("a")
print("before del a")
del a
print("after del a")
b = D("b")
b = D("b2")
print("rebound")
def scope():
    x = D("local")
    print("leaving scope")
scope()
print("after scope")
l = [D("l0"), D("l1")]
l.pop(0)
print("popped")
l.clear()
print("cleared")
d = {"k": D("in dict")}
d["k"] = None
print("replaced")
t = (D("t0"), D("t1"))
del t
print("tuple gone")
def ret():
    return D("returned")
ret()
print("discarded result")
x = ret()
print("kept", x.name)
x = None
class Parent:
    def __init__(self): self.child = D("child")
    def __del__(self): print("del parent")
p = Parent()
del p
print("parent and child")
class Sub(D):
    def __del__(self):
        print("sub del", self.name)
        super().__del__()
s = Sub("s")
del s
for i in range(2):
    tmp = D(f"loop{i}")
print("loop done")
del tmp
e = D("exc")
try:
    raise ValueError(e)
except ValueError:
    pass
del e
print("after exc")
print("end")
last = D("global at exit")
