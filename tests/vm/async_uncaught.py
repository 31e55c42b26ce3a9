# An exception escaping nested coroutines driven by a hand-written loop: traceback through every await.
class Yield:
    def __await__(self):
        yield 'tick'

async def leaf():
    await Yield()
    raise ValueError('deep failure')

async def middle():
    return await leaf()

async def top():
    await middle()

coro = top()
while True:
    print('step', coro.send(None))
