"""doc"""
import a.b.c as d
from x import (y, z as w)
from . import q
from .. m import *
try:
    a = 1
except ValueError as e:
    print(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    b = 2
finally:
    c = 3
with open("f") as f, open("g"):
    data = f.read()
x = f"a{b!r:>{c}}d{e}"
del x, a.b, c[1]
x, *y, z = w
[a, b] = c
a.b.c = d[e:f, ::2]
a[1] += 2
a.b -= 3
assert x, "msg"
match p:
    case [1, 2, *rest]:
        pass
    case {"k": v, **kw}:
        pass
    case Point(x=0, y=yy) | Point(x=yy, y=0):
        pass
    case str() as s if s:
        pass
    case _:
        pass
for i in x:
    if i: break
    elif not i: continue
else:
    pass
x = a if b else c
y = a and b or c
z = a < b < c
print(*args, **kw)
f(a, *b, c=1, **d)
o.m(1, k=2)
{**a, 'b': 1}
{1, 2, 3}
{'a': 1, 'b': 2}
[1, 2, 3, 4]
global gg
x: int = 5
y: str
z.a: int
raise ValueError from None
