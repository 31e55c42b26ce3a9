# Golden input for the disassembler: a spread of 3.11 instructions and argreprs.
import os, sys as system
from collections import OrderedDict as OD, defaultdict
x = {1: 'a', 'b': (1, 2.5, -0.0, 1j, b'\x00')}
y = x['b'][1:2]
del y
z = -x[1] if not x else ~1
def f(a, /, b=2, *args, c, d=4, **kw) -> int:
    global x
    nonlocal_ = [i for i in a if i in {'x', 'y', 'z', 1, 2, None}]
    a += 1; b -= 2; a *= b; a @= b; a //= 3; a **= 2; a %= 5; a <<= 1; a >>= 1; a &= 7; a |= 8; a ^= 9; a /= 2
    print(a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in b, a not in b, sep='', end='')
    return f"{a!r:>10} {b!s} {c!a} {d:{a}}"
class C(OD, metaclass=type):
    attr: int = 3
    def m(self):
        return super().m(x=1, *self.args, **self.kw)
    @property
    def p(self): return self.attr
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return lambda: v
    return inner
assert x, "message"
with open(__file__) as fh, open(__file__):
    pass
for i in range(3):
    if i == 1:
        continue
    elif i == 2:
        break
else:
    pass
while z:
    z = None
a, *b, c = range(5)
a, b = b, a
s = {*b}; l = [*b]; d = {**x}; t = (*b,)
print(a if a else b, a and b, a or b)
