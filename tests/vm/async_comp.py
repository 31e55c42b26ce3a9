# Async comprehensions, await in comprehensions, async generator expressions.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Tick:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield
        return self.v

async def arange(n):
    for i in range(n):
        yield i

async def double(x):
    return await Tick(x * 2)

async def main():
    print([x async for x in arange(4)])
    print([x async for x in arange(6) if x % 2])
    print({x: x * x async for x in arange(3)})
    print({x % 2 async for x in arange(5)})
    print([await double(x) for x in range(3)])
    print([await double(x) async for x in arange(3) if await double(x) > 0])
    print([(x, y) async for x in arange(2) for y in range(2)])
    g = (x * 10 async for x in arange(3))
    print(type(g).__name__)
    print([v async for v in g])
    g2 = (await double(x) for x in range(3))
    print(type(g2).__name__, [v async for v in g2])
    nested = [[y async for y in arange(x)] async for x in arange(3)]
    print(nested)
    return 'ok'
print(run(main()))

def sync_uses_agen():
    return (x async for x in arange(2))
ag = sync_uses_agen()
print(type(ag).__name__)
async def drain(a):
    return [x async for x in a]
print(run(drain(ag)))
