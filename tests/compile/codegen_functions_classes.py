def f(a, b=1, *args, c, d=2, **kw):
    """doc"""
    x = a + b
    def g():
        nonlocal x
        x += 1
        return x
    return g

class C(Base, metaclass=M):
    x = 1
    def m(self):
        return super().m()
    @property
    def p(self): return self.__priv

@dec(1)
def h(x: int) -> str:
    yield x
    yield from h(x)

lam = lambda y, z=3: y * z
sq = [i * i for i in range(10) if i % 2]
gen = (j for j in y for k in j)
dc = {k: v for k, v in items}
sc = {s for s in t}

async def co():
    await x
    async with a as b:
        pass
    async for i in it:
        pass
    return [q async for q in aiter()]

def closure():
    v = 1
    return lambda: v
