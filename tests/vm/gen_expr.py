# Generator expressions: laziness, scoping, the eagerly evaluated first iterable, nested loops and conditions.
def src(n):
    print('src called', n)
    return range(n)

g = (x * x for x in src(4))
print('created')
print(type(g).__name__, g.__name__, g.__qualname__)
print(list(g), list(g))

g = (x for x in range(10) if x % 3 == 0)
print(next(g), next(g), list(g))

pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))

x = 'outer'
res = list(x for x in 'abc')
print(res, x)

def f():
    y = 10
    return (y + i for i in range(3))
print(list(f()))

try:
    (1 for x in 5)
except TypeError as e:
    print('TypeError:', e)

lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(next(lazy, 'exhausted'))

print(sum(x for x in range(101)))
print(max((len(w), w) for w in ['aa', 'b', 'cccc']))
print(''.join(c.upper() for c in 'hello'))
print(dict((k, v) for k, v in zip('ab', [1, 2])))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []))

ge = (i for i in range(3))
print(ge.send(None))
ge.close()
print(list(ge))

ge = (i for i in range(3))
try:
    ge.send(1)
except TypeError as e:
    print('TypeError:', e)

nested = ((i, j) for i in range(2) for j in (k * 10 for k in range(2)))
print(list(nested))

class A:
    vals = [1, 2]
    gen = list(v for v in vals)
print(A.gen)
try:
    class B:
        n = 3
        gen = list(i * n for i in range(2))
except NameError as e:
    print('NameError:', e)
