# Async generators: async for, __anext__/asend/athrow/aclose, StopAsyncIteration, ag_* attributes.
def run(coro):
    try:
        while True:
            v = coro.send(None)
            print('  loop got', v)
    except StopIteration as e:
        return e.value

class Tick:
    def __await__(self):
        yield 'tick'

async def agen(n):
    for i in range(n):
        await Tick()
        yield i
    print('agen done')

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(consume()))

a = agen(2)
print(type(a).__name__, a.__name__, a.__qualname__, a.ag_running, a.ag_await, a.ag_code is agen.__code__)
print(a.__aiter__() is a)
nx = a.__anext__()
print(type(nx).__name__)
print(run(nx))
try:
    run(nx)
except RuntimeError as e:
    print('RuntimeError:', e)
print(run(a.__anext__()))
try:
    run(a.__anext__())
except StopAsyncIteration as e:
    print('StopAsyncIteration', e.args)
try:
    run(a.__anext__())
except StopAsyncIteration as e:
    print('again StopAsyncIteration')

# asend
async def echo():
    v = None
    while True:
        v = yield v
        if v == 'stop':
            return
e = echo()
print(run(e.asend(None)))
print(run(e.asend('hi')))
print(run(e.asend(42)))
try:
    run(e.asend('stop'))
except StopAsyncIteration:
    print('echo stopped')

# athrow
async def catcher():
    while True:
        try:
            yield 'ready'
        except KeyError as err:
            print('catcher caught', repr(err))
c = catcher()
print(run(c.__anext__()))
print(run(c.athrow(KeyError('k'))))
print(run(c.athrow(KeyError, 'k2')))
try:
    run(c.athrow(ValueError('v')))
except ValueError as err:
    print('propagated', err)
try:
    run(c.__anext__())
except StopAsyncIteration:
    print('catcher finished')

# aclose runs finally blocks
async def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup finally')
cl = cleanup()
print(run(cl.__anext__()))
print(run(cl.aclose()))
try:
    run(cl.__anext__())
except StopAsyncIteration:
    print('closed -> StopAsyncIteration')
print(run(cl.aclose()))

# aclose when the generator yields in finally
async def stubborn():
    try:
        yield 1
    finally:
        yield 'no'
s = stubborn()
run(s.__anext__())
try:
    run(s.aclose())
except RuntimeError as err:
    print('RuntimeError:', err)

# await inside finally during aclose
async def awaits_in_finally():
    try:
        yield 1
    finally:
        await Tick()
        print('awaited in finally')
af = awaits_in_finally()
run(af.__anext__())
run(af.aclose())

# errors
async def bad_stop():
    yield 1
    raise StopAsyncIteration
b = bad_stop()
run(b.__anext__())
try:
    run(b.__anext__())
except RuntimeError as err:
    print('RuntimeError:', err)

async def bad_stop2():
    raise StopIteration
    yield
try:
    run(bad_stop2().__anext__())
except RuntimeError as err:
    print('RuntimeError:', err)

try:
    async def f():
        async for x in [1, 2]:
            pass
    run(f())
except TypeError as err:
    print('TypeError:', err)

class NoANext:
    def __aiter__(self):
        return self
try:
    async def f2():
        async for x in NoANext():
            pass
    run(f2())
except TypeError as err:
    print('TypeError:', err)

# a user-defined async iterator
class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def count():
    async for v in Countdown(3):
        print('count', v)
    else:
        print('async for else')
run(count())

class BadANext:
    def __aiter__(self): return self
    def __anext__(self): return 5
try:
    async def f3():
        async for x in BadANext():
            pass
    run(f3())
except TypeError as err:
    print('TypeError:', err, '| cause:', err.__cause__)

# break out of async for, exception inside body
async def brk():
    async for v in agen(5):
        if v == 1:
            break
    print('broke at', v)
    try:
        async for v in agen(5):
            raise ValueError(v)
    except ValueError as err:
        print('body raised', err)
run(brk())
print(repr(agen(1)).startswith('<async_generator object agen at'))
