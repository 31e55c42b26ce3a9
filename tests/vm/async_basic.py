# Coroutines driven by a hand-written loop: await chains, return values, cr_* attributes, send/throw/close.
def run(coro):
    steps = 0
    try:
        while True:
            v = coro.send(None)
            steps += 1
            if v is not None:
                print('  yielded to loop:', v)
    except StopIteration as e:
        print('  steps', steps)
        return e.value

class Suspend:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        got = yield self.tag
        return ('resumed', self.tag, got)

async def leaf(x):
    r = await Suspend(x)
    print('leaf resumed with', r)
    return x * 10

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

print(run(middle()))

async def simple():
    return 'value'
c = simple()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_code is simple.__code__, c.cr_origin, c.cr_suspended)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
print(c.close())

async def waits():
    await Suspend('w')
w = waits()
print(w.send(None))
print(type(w.cr_await).__name__, w.cr_suspended)
try:
    w.send(None)
except StopIteration as e:
    print('StopIteration', e.value)

# throw into a coroutine suspended at an await
async def guarded():
    try:
        await Suspend('g')
    except ValueError as e:
        print('guarded caught', e)
        return 'handled'
g = guarded()
g.send(None)
try:
    g.throw(ValueError('bad'))
except StopIteration as e:
    print('result', e.value)

# close runs finally
async def fin():
    try:
        await Suspend('f')
    finally:
        print('fin finally')
f = fin()
f.send(None)
f.close()
print(f.cr_suspended)

# send a non-None value to a just-started coroutine
f2 = fin()
try:
    f2.send(1)
except TypeError as e:
    print('TypeError:', e)
f2.close()

# coroutines are not iterable
try:
    iter(simple())
except TypeError as e:
    print('TypeError:', e)
c3 = simple()
try:
    for x in c3:
        pass
except TypeError as e:
    print('TypeError:', e)
c3.close()

# __await__ returns a coroutine_wrapper
c4 = simple()
wr = c4.__await__()
print(type(wr).__name__)
try:
    next(wr)
except StopIteration as e:
    print('wrapper StopIteration', e.value)

# awaiting things that are not awaitable
async def bad(x):
    return await x
for obj in [1, 'str', [1], None]:
    try:
        run(bad(obj))
    except TypeError as e:
        print('TypeError:', e)

class BadAwait:
    def __await__(self):
        return 5
try:
    run(bad(BadAwait()))
except TypeError as e:
    print('TypeError:', e)

class CoroAwait:
    def __await__(self):
        return simple()
try:
    run(bad(CoroAwait()))
except TypeError as e:
    print('TypeError:', e)

class GenAwait:
    def __await__(self):
        yield 'from gen'
        return 'gen done'
print(run(bad(GenAwait())))

# awaiting the same coroutine twice
async def twice():
    inner = leaf(5)
    await inner
    await inner
try:
    run(twice())
except RuntimeError as e:
    print('RuntimeError:', e)

# StopIteration inside a coroutine
async def raises_stop():
    raise StopIteration('x')
try:
    run(raises_stop())
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)

print(simple.__code__.co_flags & 0x80 != 0 if hasattr(simple.__code__, 'co_flags') else True)
