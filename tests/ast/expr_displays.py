# Displays and comprehensions.
empty = [], (), {}, set()
one = [1], (1,), {1}, {1: 2}
many = [1, 2, 3,], (1, 2, 3), {1, 2, 3}, {1: 2, 3: 4, **rest}
nested = [[1, [2]], ((3,),), {4: {5: 6}}]
lc = [x * y for x in range(3) if x for y in range(x) if y if not x]
sc = {x for x, in pairs}
dc = {k: v for k, v in items.items() if k}
gc = (x for x in y)
ac = [x async for x in y]
walrus = [y := f(x), y ** 2]
starred = [*a, *b], {*a}, (*a, *b)
tgt = [x for x.attr in y], [x for x[0] in y], [x for (a, *b) in y]
