# Every shape of lambda parameters.
l0 = lambda: 0
l1 = lambda a, b=1, *c, d, e=2, **f: (a, b, c, d, e, f)
l2 = lambda a, /, b, *, c: 0
l3 = lambda a=1, /, b=2, *, c=3: 0
l4 = lambda *, a, b=1: 0
l5 = lambda *a: a
l6 = lambda **k: k
l7 = lambda a,: a
l8 = lambda x: lambda y: x + y
l9 = lambda a, b=1, /, c=2, *d, e, f=3, **g: 0
