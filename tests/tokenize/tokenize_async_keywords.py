async def f():
    await x
    async with a as b:
        pass
    async for i in y:
        yield i
match command.split():
    case [action]:
        pass
    case _:
        pass
type X = int
