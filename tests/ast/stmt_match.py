# match statements and every pattern form.
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(x, y=0) | Point(0, y):
        pass
    case [Point(x=0, y=0), *rest]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, None: a, -2: b, 1+2j: c, a.b: d}:
        pass
    case -1 | 1.5 | -1-2j | "s" "t" | b"b":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case (1, 2) as t:
        pass
    case [*_] | (*_,) | ():
        pass
    case _ if x > 0:
        pass
    case x:
        pass

match a, *b:
    case (p, q) if p:
        pass
    case {}:
        pass
    case C():
        pass

match = case = _ = 1
match.attr = case
print(match, case, _)
