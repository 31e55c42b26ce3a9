# tuple: construction, methods, slicing, comparison, hashing, repr of 1-tuples, concatenation errors.
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), len(t), t[1:], t[::-1], t[-1])
try:
    t.index(9)
except ValueError as e:
    print('ValueError:', e)
try:
    t[10]
except IndexError as e:
    print('IndexError:', e)
try:
    t[0] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    del t[0]
except TypeError as e:
    print('TypeError:', e)
try:
    t + [1]
except TypeError as e:
    print('TypeError:', e)
try:
    t.append(1)
except AttributeError as e:
    print('AttributeError:', e)
print((1,), (), tuple(), tuple('ab'), tuple([1, 2]), tuple(range(3)), tuple({'a': 1}))
print((1, 2) + (3,), (1,) * 3, 2 * (0,), (1, 2) * 0)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), () < (0,), (1, 'a') < (1, 'b'))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, 2)) != hash((2, 1)))
print(hash((1, 2, 3)), hash(()), hash((None,)) == hash((None,)))
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
a, *b = (1, 2, 3); print(a, b)
x, y = y, x = 1, 2; print(x, y)
print(repr((1, 'a', (2,), [])), str(('x',)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], 3 in nested[1], (3, (4, 5)) in nested)
print(type(()).__name__, tuple.__name__, isinstance((), tuple))
print(tuple(x * 2 for x in range(3)))
print(max((1, 5, 3)), min(()) if False else 'skip', sum((1, 2)))
try:
    tuple(1)
except TypeError as e:
    print('TypeError:', e)
print((1, 2, 3)[5:], (1, 2, 3)[-5:1])
t2 = (1, 2)

