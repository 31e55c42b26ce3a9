# Coroutine and async generator misuse: "already executing", reuse of awaited asend/athrow objects, anext on a
# running async generator, athrow/aclose on finished generators, sending into closed wrappers.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def self_send():
    me.send(None)
me = self_send()
try:
    me.send(None)
except ValueError as e:
    print('ValueError:', e)

async def ag():
    yield 1
    yield 2

a = ag()
asend = a.asend(None)
try:
    asend.send(None)
except StopIteration as e:
    print('first value', e.value)
try:
    asend.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    asend.throw(ValueError)
except RuntimeError as e:
    print('RuntimeError:', e)

class Tick:
    def __await__(self):
        yield 'tick'

async def slow():
    await Tick()
    yield 'slow value'

s = slow()
first = s.__anext__()
print(first.send(None))
second = s.__anext__()
try:
    second.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    s.aclose().send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    s.athrow(KeyError).send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    first.send(None)
except StopIteration as e:
    print('slow gave', e.value)

done = ag()
run(done.aclose())
print(run(done.aclose()))
try:
    run(done.athrow(ValueError))
except StopAsyncIteration:
    print('athrow on closed -> StopAsyncIteration')
except StopIteration:
    print('athrow on closed -> StopIteration')
closer = ag().aclose()
run(closer)
try:
    closer.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    ag().athrow()
except TypeError as e:
    print('TypeError:', e)
try:
    ag().asend()
except TypeError as e:
    print('TypeError:', e)
x = ag().aclose()
try:
    x.send('value')
except RuntimeError as e:
    print('RuntimeError:', e)

async def simple():
    return 1
c = simple()
w = c.__await__()
try:
    next(w)
except StopIteration as e:
    print('wrapper done', e.value)
try:
    next(w)
except RuntimeError as e:
    print('RuntimeError:', e)
c2 = simple()
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
c3 = simple()
try:
    c3.throw(KeyError('before start'))
except KeyError as e:
    print('KeyError at start:', e)
try:
    c3.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
