# classes derived from built-in types: list, dict, str, int, float, tuple, set with attributes, super() and slots
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "L"
    def sum(self): return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, len(l), l.sum(), l.tag, type(l).__name__, isinstance(l, list), l[1:3], l == [1, 2, 3, 4])
class D(dict):
    def __missing__(self, k): return k * 2
    def __repr__(self): return "D" + super().__repr__()
d = D(a=1)
d["b"] = 2
print(d, d["zz"], len(d), sorted(d), d.get("a"), isinstance(d, dict))
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hello")
s.extra = 1
print(s, s.shout(), len(s), s + "x", s[1:], type(s + "x").__name__, s == "hello", hash(s) == hash("hello"), s.extra)
class I(int):
    def double(self): return self * 2
i = I(21)
print(i, i.double(), i + 1, type(i + 1).__name__, i == 21, hash(i) == hash(21), isinstance(i, int), repr(i), -i, abs(I(-3)))
print(I("ff", 16), I())
class F(float):
    pass
f = F(2.5)
print(f, f * 2, type(f * 2).__name__, f == 2.5, repr(f), int(f), round(f))
class T(tuple):
    def first(self): return self[0]
t = T([3, 4])
t.note = "n"
print(t, t.first(), len(t), t + (5,), t.note, isinstance(t, tuple), hash(t) == hash((3, 4)))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self): return f"Point(x={self.x}, y={self.y})"
p = Point(1, 2)
print(p, p.x, p.y, p == (1, 2), list(p))
class St(set):
    pass
st = St([3, 1, 2])
st.add(4)
print(sorted(st), len(st), isinstance(st, set), type(st).__name__)
class Stack(list):
    push = list.append
    def peek(self): return self[-1]
st2 = Stack()
st2.push(1); st2.push(2)
print(st2, st2.peek(), st2.pop(), st2)
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper("abc"), type(Upper("abc")).__name__)
try:
    class Bad(tuple):
        __slots__ = ("x",)
except TypeError as e:
    print("TypeError", e)
class Slotted(list):
    __slots__ = ("extra",)
sl = Slotted([1])
sl.extra = 5
print(sl, sl.extra)
try:
    sl.other = 1
except AttributeError as e:
    print("AttributeError", e)
