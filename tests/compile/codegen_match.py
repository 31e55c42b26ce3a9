match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [first, *_, last]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y) if y > 0:
        pass
    case (1 | 2 | 3) as n:
        pass
    case None | True | False:
        pass
    case str() | bytes():
        pass
    case _:
        pass
def f(p):
    match p:
        case {"a": [b, *c], **d} if b:
            return b, c, d
        case [x, y, *z]:
            return z
