# Inline caches and quickened instructions must never change behaviour: the attribute, method and global caches
# are invalidated by every change they depend on, polymorphic sites work, fused compare+jump keeps NaN semantics.

class A:
    def __init__(self):
        self.x = 1
        self.y = 2
    def m(self):
        return "A.m"

class B(A):
    def m(self):
        return "B.m"

def get_x(o):
    return o.x

def call_m(o):
    return o.m()

def set_y(o, v):
    o.y = v

a, b = A(), B()
for i in range(3):
    print(get_x(a), get_x(b), call_m(a), call_m(b))

# an instance attribute shadows the method; deleting it unshadows
a.m = lambda: "instance m"
print(call_m(a), call_m(b))
del a.m
print(call_m(a))

# methods replaced on the class, and on a base class
A.m = lambda self: "new A.m"
print(call_m(a), call_m(b))
del B.m
print(call_m(b))

# a data descriptor added to the class later wins over the instance dict
print(get_x(a))
A.x = property(lambda self: "property x")
print(get_x(a), get_x(b))
del A.x
print(get_x(a))

# attributes added in a different order: the hint is wrong, the lookup is right
class C:
    pass
c1, c2 = C(), C()
c1.p, c1.q = 1, 2
c2.q, c2.p = 3, 4
def get_p(o):
    return o.p
for o in (c1, c2, c1, c2):
    print(get_p(o))
del c1.p
try:
    get_p(c1)
except AttributeError as e:
    print("AttributeError", e)
c1.p = 5
print(get_p(c1))

# stores: plain, then through __setattr__ added later, then through a property setter
for v in (10, 11):
    set_y(a, v)
print(a.y)
def setattr_hook(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)
A.__setattr__ = setattr_hook
set_y(a, 12)
print(a.y)
del A.__setattr__
set_y(a, 13)
print(a.y)
A.y = property(lambda self: "py", lambda self, v: print("property set", v))
set_y(a, 14)
print(a.y)
del A.y
print(a.y)

# globals: defined later, rebound, deleted, shadowing a builtin
def use_len():
    return len("abc")
print(use_len())
len = lambda s: "global len"
print(use_len())
del len
print(use_len())
def use_g():
    return g
try:
    use_g()
except NameError as e:
    print("NameError", e)
g = 1
print(use_g())
g = 2
print(use_g())
globals()["g"] = 3
print(use_g())
for k in range(20):
    globals()["filler%d" % k] = k   # resizes the globals dict: entries move
print(use_g())

# compare fused with the following jump: ints, floats, NaN, mixed, objects
nan = float("nan")
def cmp(x, y):
    r = []
    if x < y: r.append("<")
    if x <= y: r.append("<=")
    if x == y: r.append("==")
    if x != y: r.append("!=")
    if x > y: r.append(">")
    if x >= y: r.append(">=")
    if not (x < y): r.append("!<")
    return " ".join(r)
for x, y in [(1, 2), (2, 2), (1.5, 0.5), (nan, 1.0), (nan, nan), (1, 1.0), (2**70, 2**70), ("a", "b"), ((1,), (1,))]:
    print(repr(x), repr(y), cmp(x, y))
i = 0
while i < 5:
    i += 1
print(i)

# superinstructions: an unbound local in the second half reports the right name and line
def unbound(flag):
    if flag:
        z = 1
    w = 2
    return w + z
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def unbound2():
    q = 1
    return q, r
    r = 2
try:
    unbound2()
except UnboundLocalError as e:
    print("UnboundLocalError", e)

# tuple and list subscripts
t = (1, 2, 3)
l = [4, 5, 6]
print(t[0], t[-1], l[1], l[-3])
for idx in (3, -4):
    for s in (t, l):
        try:
            s[idx]
        except IndexError as e:
            print("IndexError", e)

# module attributes through LOAD_ATTR and LOAD_METHOD
import math
def use_math():
    return math.floor(2.5), math.pi
print(use_math())
math.floor = lambda x: "patched"
print(use_math())

# __slots__ members through the cached paths
class S:
    __slots__ = ("u", "v")
    def __init__(self, u):
        self.u = u
def get_u(o):
    return o.u
def set_v(o, x):
    o.v = x
s1 = S(1)
for k in range(3):
    set_v(s1, k)
    print(get_u(s1), s1.v)
del s1.u
try:
    get_u(s1)
except AttributeError as e:
    print("AttributeError", e)
s1.u = 7
print(get_u(s1))
class S2(S):
    __slots__ = ("w",)
s2 = S2(5)
print(get_u(s2), get_u(s1))
S.u = property(lambda self: "property u")
print(get_u(s1), get_u(s2))
