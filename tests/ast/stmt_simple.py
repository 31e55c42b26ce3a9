# Simple statements of every kind.
x = 1
x = y = z = f()
a, b = c
[a, *b] = c
(a, b), c = d
x: int
x: int = 1
(x): int = 1
a.b: "str"
a[0]: int = 3
x += 1; x.y -= 2; x[0] **= 3; x //= y; x @= y
x >>= 1; y <<= 2; z ^= 3; w |= 4; v &= 5; u %= 6; t /= 7; s *= 8
def g():
    x = yield
    y = yield from z
    return x, y
pass
for i in r:
    break
    continue
def h():
    global a, b
    def k():
        nonlocal a
del x, y[0], z.a, (p, q), [r]
assert x, "message"
assert y
raise
raise E
raise E from None
import os
import os.path as p, sys
from . import a
from .. import (b as c, d,)
from ...pkg.mod import *
from .... import e
from __future__ import annotations
x = 1  # trailing comment
f(x); g(y);
