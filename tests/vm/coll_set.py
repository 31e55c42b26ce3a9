# set/frozenset: every method and operator, in-place forms, comparisons, errors, hash of frozenset.
a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, a ^ b, b - a)
print(a.union(b, [9]), a.intersection(b, {3}), a.difference(b, [1]), a.symmetric_difference([3, 5]))
print(a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint([7]), a <= a, a < a, a >= {1}, a > {1})
c = set(a)
c.add(10); c.discard(1); c.discard(999); print(c)
c.remove(2); print(c)
try:
    c.remove(999)
except KeyError as e:
    print('KeyError:', e)
p = {5}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print('KeyError:', e)
c.update([20, 21], {22}); print(sorted(c))
c.intersection_update(range(15)); print(c)
c.difference_update({3}); print(c)
c.symmetric_difference_update({10, 11}); print(c)
c.clear(); print(c, len(c))
s = {1, 2}
s |= {3}; s &= {1, 3, 4}; s -= {1}; s ^= {7}; print(s)
f = frozenset([1, 2, 2])
print(f, type(f).__name__, f | {3}, type(f | {3}).__name__, type({3} | f).__name__)
print(hash(f) == hash(frozenset([2, 1])), frozenset() == set(), f == {1, 2})
print(hash(frozenset()), hash(frozenset([1, 2, 3])))
try:
    f.add(1)
except AttributeError as e:
    print('AttributeError:', e)
try:
    {[1]}
except TypeError as e:
    print('TypeError:', e)
try:
    hash({1})
except TypeError as e:
    print('TypeError:', e)
try:
    {1} | [2]
except TypeError as e:
    print('TypeError:', e)
try:
    {1} < [1]
except TypeError as e:
    print('TypeError:', e)
print(set(), frozenset(), set('hello') == set('olleh'), len(set('mississippi')))
print({frozenset({1}): 'x'}[frozenset([1])])
print(sorted({'b', 'a', 'c'}), 2 in {1, 2}, 5 not in frozenset())
print({1, 2}.copy(), frozenset([1]).copy())
s2 = {1, 2, 3}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
print({True, 1, 1.0}, {0, False, 0.0, -0.0})
print(set(range(5)) - set(range(2, 8)), {x % 3 for x in range(10)})
print(repr(set()), repr(frozenset()), repr({1}), repr(frozenset({'a'})))
print(frozenset.union(frozenset({1}), [2]))
