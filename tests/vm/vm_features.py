def deco(tag):
    def wrap(f):
        def inner(*args, **kwargs):
            return f"<{tag}>" + str(f(*args, **kwargs)) + f"</{tag}>"
        inner.__name__ = f.__name__
        return inner
    return wrap
@deco("b")
def greet(name, punct="!"):
    return "hi " + name + punct
print(greet("ann"), greet("bob", punct="?"), greet.__name__)
memo = {}
def fibm(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fibm(n - 1) + fibm(n - 2)
    memo[n] = r
    return r
print(fibm(90))
if (n := len("walrus")) > 3:
    print("walrus", n)
def describe(v):
    match v:
        case 0:
            return "zero"
        case [a, b]:
            return f"pair {a} {b}"
        case {"k": val}:
            return f"dict {val}"
        case str() as s if len(s) > 2:
            return "long str " + s
        case Point(x=0):
            return "point on y axis"
        case _:
            return "other"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
print([describe(v) for v in (0, [1, 2], {"k": 3}, "abcd", Point(0, 5), 3.5)])
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in gen_finally():
    print(v)
class A:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v * 2
    def __getitem__(self, k):
        return self.items[k]
    def __delitem__(self, k):
        del self.items[k]
a = A(); a["x"] = 5; print(a["x"]); del a["x"]; print(a.items)
print(" ".join(str(i) for i in range(5)), "\t|".expandtabs() if False else "")
s = "x"
s += "y" * 3
print(s, s.upper().lower(), s.count("y"), s.index("y"))
print(float("1_000.5"), 1_000_000, 0x_ff, 0o17, 0b101)
x = 5
x **= 2
x >>= 1
x <<= 3
x &= 0xff
x |= 1
x ^= 3
print(x)
print((lambda *a, **k: (a, k))(1, 2, z=3))
print([i for i in range(20) if i % 2 if i % 3], [(i, j) for i in range(3) for j in range(i)])
print(type(range(3)), type(print), type([].append), type(len), type(lambda: 0))
