# Exceptions across awaits: try/except/finally in coroutines, exception context, throw() into awaiting chains,
# close() of a coroutine suspended in a nested await, return in finally.
def run(coro):
    try:
        while True:
            v = coro.send(None)
            if v is not None:
                print('  loop:', v)
    except StopIteration as e:
        return e.value

class Yield:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        r = yield self.tag
        return r

async def fails(msg):
    await Yield('before fail')
    raise KeyError(msg)

async def handles():
    try:
        await fails('x')
    except KeyError as e:
        print('caught', repr(e))
        try:
            await fails('y')
        except KeyError as e2:
            print('nested caught', repr(e2), 'context', repr(e2.__context__))
    finally:
        print('finally in handles')
        await Yield('awaiting in finally')
    return 'handled'
print(run(handles()))

async def inner():
    try:
        await Yield('inner waits')
    except ValueError as e:
        print('inner got thrown', e)
        raise RuntimeError('converted') from e

async def outer():
    try:
        await inner()
    except RuntimeError as e:
        print('outer got', e, 'cause', repr(e.__cause__))
        return 'outer done'

o = outer()
print(o.send(None))
try:
    o.throw(ValueError('injected'))
except StopIteration as e:
    print('result', e.value)

async def cleanup_chain():
    try:
        try:
            await Yield('deep')
        finally:
            print('inner finally')
    finally:
        print('outer finally')
cc = cleanup_chain()
cc.send(None)
cc.close()
print('closed chain')

async def return_in_finally():
    try:
        raise ValueError('swallowed')
    finally:
        return 'finally wins'
print(run(return_in_finally()))

async def reraise():
    try:
        await fails('z')
    except KeyError:
        raise
try:
    run(reraise())
except KeyError as e:
    print('reraised', repr(e))

async def exc_group_like():
    errors = []
    for i in range(3):
        try:
            if i % 2:
                raise IndexError(i)
            await Yield('ok %d' % i)
        except IndexError as e:
            errors.append(e)
    return [repr(e) for e in errors]
print(run(exc_group_like()))
