# Async generators dropped without an event loop's hooks: finalization closes them like generators (finally
# runs, GeneratorExit delivered); an unstarted one runs nothing; a fully consumed one needs nothing.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print('finally', name)

a = agen('dropped after one item')
print(run(a.__anext__()))
del a
print('after del')

b = agen('never started')
del b
print('unstarted: nothing')

async def consume():
    out = []
    async for v in agen('consumed'):
        out.append(v)
    return out
print(run(consume()))

async def breaks():
    async for v in agen('left by break'):
        break
    print('after break, generator not yet closed')
    return v
print(run(breaks()))
print('after breaks() returned')

async def catches():
    try:
        yield 'x'
    except GeneratorExit:
        print('GeneratorExit in async generator')
        raise
c = catches()
run(c.__anext__())
c = None
print('end')
