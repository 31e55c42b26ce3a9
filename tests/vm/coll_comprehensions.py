# Comprehensions: list/set/dict, nested loops and conditions, scoping of the loop variable, closures capturing
# comprehension variables, the first iterable evaluated in the enclosing scope, errors inside.
print([x * y for x in range(1, 4) for y in range(x)])
print([x for x in range(20) if x % 2 if x % 3])
print({x % 4 for x in range(10)}, {k: v for k, v in zip('abc', range(3)) if v})
print([[j for j in range(i)] for i in range(4)])
print({(i, j): i * j for i in range(2) for j in range(2)})
x = 'outer'
print([x for x in 'ab'], x)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def scope():
    n = 10
    return [n + k for k in range(3)]
print(scope())
class K:
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
    try:
        scaled = [v * factor for v in items for factor in [2]]
    except NameError as e:
        scaled = str(e)
print(K.doubled, K.scaled)
try:
    [1 // v for v in [1, 0]]
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    {[v]: 1 for v in range(2)}
except TypeError as e:
    print('TypeError:', e)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [v for row in matrix for v in row if v != 5])
print({c: 'abcabc'.count(c) for c in 'abc'}, sorted({len(w) for w in ['a', 'bb', 'cc', 'ddd']}))
d = {'b': 2, 'a': 1}
print({v: k for k, v in d.items()}, [k for k in sorted(d)], {k: d[k] for k in d if k > 'a'})
print([(y := i * i) for i in range(3)], y)
print([i for i in range(3) if (z := i) > 0], z)
nested = [[(a, b) for b in 'xy'] for a in range(2)]
print(nested)
print(sum([i for i in range(100) if i % 7 == 0]), max(len(s) for s in ['a', 'abc']), ''.join([c.upper() for c in 'abc']))
