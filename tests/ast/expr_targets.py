# Assignment and deletion targets: contexts are Store/Del all the way down.
a = b = c
a, b = c
[a, *b] = c
(a, (b, [c, *d])) = e
a.b.c = d
a[b][c] = d
a().b = c
a(b)[c] = d
(a) = ((b)) = c
() = []
[] = ()
for (a, b), [c] in d: pass
with a as (b, c), d as e.f: pass
del a, (b, c), [d], e.f, g[h]
del (a), (a.b)
x: int = 1
a.b: int
a[0] += 1
