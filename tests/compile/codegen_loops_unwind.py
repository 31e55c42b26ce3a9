def f(xs):
    for x in xs:
        try:
            if x:
                return x
            with open(x) as fh:
                if fh:
                    break
                continue
        except OSError as e:
            return e
        finally:
            print("done")
    else:
        return None
    while True:
        try:
            break
        except:
            pass
    async def g():
        async with a as b:
            return b
        async for i in b:
            if i:
                break
        return [await z for z in y]
    return g
