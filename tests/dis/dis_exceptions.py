# Golden input: exception handling, async code, generators, pattern matching.
def f(x):
    try:
        x()
    except ValueError as e:
        raise RuntimeError('bad') from e
    except (TypeError, KeyError):
        return 2
    else:
        return 3
    finally:
        print('done')
def g():
    try:
        pass
    except* OSError as eg:
        print(eg)
async def h(items):
    async with items as it:
        async for i in it:
            await i
    return [j async for j in items]
def gen():
    x = yield 1
    yield from range(x)
def m(cmd):
    match cmd:
        case [1, 2, *rest]:
            return rest
        case {'k': v, **kw}:
            return v
        case Point(x=0, y=yy) if yy > 1:
            return yy
        case 'a' | 'b':
            return None
        case _:
            return cmd
