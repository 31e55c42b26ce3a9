# Precedence and associativity of every operator level, from lambda down to await.
x = a or b and not c
y = not a == b != c < d <= e > f >= g is h is not i in j not in k
z = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
w = -a ** -b ** c
v = ~+-x
u = a if b else c if d else e
t = lambda: a if b else c
s = (a, b), [c, *d], {e, *f}, {g: h, **i}
r = await_ = 1
async def f():
    return await a ** await b, -await c
q = (yield)
p = a < b < c
