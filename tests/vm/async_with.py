# async with: __aenter__/__aexit__ awaited, exceptions passed to and suppressed by __aexit__, errors.
def run(coro):
    try:
        while True:
            v = coro.send(None)
            if v is not None:
                print('  loop got', v)
    except StopIteration as e:
        return e.value

class Tick:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        yield self.tag
        return self.tag

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print('enter', self.name, await Tick('aenter'))
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val)
        await Tick('aexit')
        return self.suppress

async def main():
    async with ACM('a') as v:
        print('body', v)
    async with ACM('b', suppress=True):
        raise ValueError('swallowed')
    print('after suppressed')
    try:
        async with ACM('c'):
            raise KeyError('kept')
    except KeyError as e:
        print('propagated', repr(e))
    async with ACM('x') as x, ACM('y') as y:
        print('nested', x, y)
    for i in range(3):
        async with ACM('loop%d' % i):
            if i == 1:
                continue
            if i == 2:
                break
            print('loop body', i)
    return 'main done'
print(run(main()))

async def ret_inside():
    async with ACM('r'):
        return 'returned'
print(run(ret_inside()))

class NotACM:
    pass
class OnlyEnter:
    async def __aenter__(self): return 1
class SyncCM:
    def __enter__(self): return 1
    def __exit__(self, *a): return False
class BadEnter:
    def __aenter__(self): return 1
    async def __aexit__(self, *a): return False
class BadExit:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 2

for obj in [NotACM(), OnlyEnter(), SyncCM(), BadEnter(), BadExit()]:
    async def use():
        async with obj:
            pass
    try:
        run(use())
    except TypeError as e:
        print(type(obj).__name__, 'TypeError:', e)

# sync with in a coroutine with awaits
class CM:
    def __enter__(self): print('sync enter'); return self
    def __exit__(self, *a): print('sync exit'); return False
async def mixed():
    with CM():
        await Tick('inside sync with')
run(mixed())
