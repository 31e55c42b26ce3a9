# aiter() and anext() with and without a default; their TypeErrors.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def agen():
    yield 'a'
    yield 'b'

class Tick:
    def __await__(self):
        yield

async def main():
    it = aiter(agen())
    print(type(it).__name__)
    print(await anext(it))
    print(await anext(it, 'default'))
    print(await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    print(await anext(it, None))
    return 'done'
print(run(main()))

for bad in [1, [1], 'x']:
    try:
        aiter(bad)
    except TypeError as e:
        print('TypeError:', e)
    try:
        anext(bad)
    except TypeError as e:
        print('TypeError:', e)

class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        await Tick()
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i

async def custom():
    a = aiter(AIt())
    print(await anext(a), await anext(a), await anext(a, 'end'))
run(custom())

class BadAIter:
    def __aiter__(self): return 5
try:
    aiter(BadAIter())
except TypeError as e:
    print('TypeError:', e)

try:
    anext()
except TypeError as e:
    print('TypeError:', e)
try:
    aiter()
except TypeError as e:
    print('TypeError:', e)

aw = anext(agen(), 'x')
print(type(aw).__name__)
aw2 = anext(agen())
print(type(aw2).__name__)
print(run(aw2.__await__()) if hasattr(aw2, '__await__') else None)
