import os, sys as system
from . import x
from ..a.b import (c as d, e)
x: int = 1
y: 'str'
(z): int
def f(a, /, b=2, *args, c, d=4, **kw) -> None: pass
lambda: 0
with a, b as (c, d): pass
{**d, 'a': 1}
[i for i in range(3) if i if not i]
global g
del a[1:2:3], b.c
match p:
    case [1, *rest] | {'k': _, **kw} | Point(x=0) | None:
        pass
