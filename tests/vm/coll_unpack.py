# Unpacking: star targets, nested targets, unpacking any iterable, the ValueErrors and TypeErrors.
a, b = 1, 2
a, b = b, a
print(a, b)
(a, b), c = [1, 2], 3
print(a, b, c)
first, *rest = range(5)
*init, last = 'hello'
head, *mid, tail = [1, 2]
print(first, rest, init, last, head, mid, tail)
x, = [7]
print(x)
[p, q] = 'pq'
print(p, q)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
k1, k2 = {'one': 1, 'two': 2}
print(k1, k2)
s1, s2 = {5}, {6}
g1, g2 = (i * 2 for i in range(2))
print(g1, g2)
for args in [(lambda: eval_tuple((1, 2, 3))),]:
    pass
def eval_tuple(t):
    a, b = t
    return a, b
for value in [(1, 2, 3), (1,), [], 'abc', 5, None]:
    try:
        a, b = value
        print('ok', a, b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
for value in [(1,), [], 'a']:
    try:
        a, b, *c = value
    except ValueError as e:
        print('ValueError:', e)
class Endless:
    def __iter__(self):
        i = 0
        while True:
            yield i
            i += 1
try:
    a, b = Endless()
except ValueError as e:
    print('ValueError:', e)
a, *b = Endless() if False else (1, 2, 3)
print(a, b)
print([*range(3), *'ab', *{'k': 1}], (*[1], *(2,)), {*'aab'}, {**{'a': 1}, **{'b': 2}, 'a': 3})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{'x': 1}, **{'y': 2}))
try:
    f(**{'x': 1}, **{'x': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    f(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    f(**[1])
except TypeError as e:
    print('TypeError:', e)
try:
    [*5]
except TypeError as e:
    print('TypeError:', e)
for i, (ch, n) in enumerate(zip('ab', [1, 2])):
    print(i, ch, n)
d = {}
d['a'], d['b'] = 1, 2
lst = [0, 0]
lst[0], lst[1] = 'x', 'y'
print(d, lst)
