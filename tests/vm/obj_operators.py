# dunder operator dispatch: binary, reflected (subclass first), in-place fallbacks, NotImplemented, unary
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __add__(self, o):
        if isinstance(o, V): return V(self.v + o.v)
        if isinstance(o, int): return V(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return V(o + self.v) if isinstance(o, int) else NotImplemented
    def __mul__(self, o): return V(self.v * o) if isinstance(o, int) else NotImplemented
    __rmul__ = __mul__
    def __sub__(self, o): return V(self.v - o.v)
    def __neg__(self): return V(-self.v)
    def __pos__(self): return self
    def __abs__(self): return V(abs(self.v))
    def __invert__(self): return V(~self.v)
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __pow__(self, o, mod=None): return ("pow", o, mod)
    def __rpow__(self, o): return ("rpow", o)
    def __truediv__(self, o): return "truediv"
    def __floordiv__(self, o): return "floordiv"
    def __mod__(self, o): return "mod"
    def __divmod__(self, o): return "divmod"
    def __rdivmod__(self, o): return "rdivmod"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __rand__(self, o): return "rand"
a, b = V(1), V(2)
print(a + b, a + 3, 3 + a, a * 2, 2 * a, -a, +a, abs(V(-3)), ~a)
print(a @ b, 1 @ a, a ** 2, pow(a, 2, 5), 2 ** a, a / 1, a // 1, a % 1, divmod(a, 1), divmod(1, a))
print(a << 1, a >> 1, a & 1, a | 1, a ^ 1, 1 & a)
try:
    a + "x"
except TypeError as e:
    print("TypeError", e)
try:
    "x" + a
except TypeError as e:
    print("TypeError", e)
try:
    a - 1
except AttributeError as e:
    print("AttributeError", e)
try:
    1 | a
except TypeError as e:
    print("TypeError", e)
class W(V):
    def __radd__(self, o):
        print("W.radd")
        return "W wins"
print(V(1) + W(2))
x = V(10)
x += 5
print(x)
x *= 2
print(x)
class I:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __repr__(self): return f"I{self.items}"
i = I(); j = i
i += 1; i += 2
print(i, i is j)
class NI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "add fallback"
n = NI(); n += 1
print(n)
class Nothing: pass
try:
    Nothing() < Nothing()
except TypeError as e:
    print("TypeError", e)
try:
    -Nothing()
except TypeError as e:
    print("TypeError", e)
try:
    Nothing() ** 2
except TypeError as e:
    print("TypeError", e)
try:
    z = Nothing(); z += 1
except TypeError as e:
    print("TypeError", e)
try:
    Nothing() @ 1
except TypeError as e:
    print("TypeError", e)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt", self.v, o.v); return self.v < o.v
    def __gt__(self, o): print("gt", self.v, o.v); return self.v > o.v
class SubCmp(Cmp):
    def __gt__(self, o): print("SubCmp.gt"); return True
print(Cmp(1) < Cmp(2), Cmp(1) > Cmp(2))
print(Cmp(1) < SubCmp(2))
print(sorted([Cmp(3), Cmp(1), Cmp(2)], key=lambda c: c.v)[0].v)
print(1 < 2 < 3, [1, 2] < [1, 3], (1, "a") < (1, "b"))
class RichNI:
    def __eq__(self, o): return NotImplemented
print(RichNI() == RichNI(), RichNI() != 1)
class L:
    def __lt__(self, o): return "truthy string"
print(L() < L(), L() > L() if False else "skip")
class Index:
    def __index__(self): return 2
print([10, 20, 30][Index()], bin(Index()), range(Index()))
