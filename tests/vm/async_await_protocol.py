# The __await__ protocol: awaiting user awaitables whose __await__ is a generator or returns an iterator,
# awaiting coroutine.__await__() wrappers, generator-based awaitables driven by send/throw, yield from of a
# coroutine in a plain generator (TypeError), values sent back through an await chain.
class Future:
    def __init__(self):
        self.done = False
        self.result = None
    def set(self, v):
        self.done = True
        self.result = v
    def __await__(self):
        while not self.done:
            yield self
        return self.result

class IterAwait:
    def __init__(self, n): self.n = n
    def __await__(self):
        return iter(['step%d' % i for i in range(self.n)])

async def use_future(fut):
    print('waiting on future')
    v = await fut
    print('future gave', v)
    await IterAwait(2)
    return v * 2

fut = Future()
c = use_future(fut)
print(type(c.send(None)).__name__)
print(c.send(None) is fut)
fut.set(21)
print(c.send(None))
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)

class Echo:
    def __await__(self):
        got = yield 'need value'
        return got

async def ask():
    a = await Echo()
    b = await Echo()
    return a + b

q = ask()
print(q.send(None))
print(q.send(10))
try:
    q.send(32)
except StopIteration as e:
    print('sum', e.value)

async def sub():
    return 'sub-result'

class Wrapping:
    def __await__(self):
        return sub().__await__()

async def via_wrapper():
    return await Wrapping()
w = via_wrapper()
try:
    w.send(None)
except StopIteration as e:
    print('wrapper result', e.value)

def plain_gen():
    yield from sub()
pg = plain_gen()
try:
    next(pg)
except TypeError as e:
    print('TypeError:', e)

cw = sub().__await__()
print(type(cw).__name__, iter(cw) is cw)
try:
    next(cw)
except StopIteration as e:
    print('wrapper next', e.value)

class ThrowAware:
    def __await__(self):
        try:
            yield 'suspended'
        except KeyError as e:
            return 'recovered from ' + repr(e)

async def thrower():
    return await ThrowAware()
t = thrower()
print(t.send(None))
try:
    t.throw(KeyError('k'))
except StopIteration as e:
    print(e.value)

async def closer():
    try:
        await ThrowAware()
    finally:
        print('closer finally')
cl = closer()
cl.send(None)
cl.close()
print(cl.cr_await, cl.cr_running)
