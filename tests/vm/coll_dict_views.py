# dict views: keys/values/items, their set operations, reprs, live updates, reversed, len, contains.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(type(k).__name__, type(v).__name__, type(it).__name__)
d['d'] = 4
print(len(k), list(v), ('d', 4) in it, 'd' in k, 4 in v, ('d', 5) in it)
print(k & {'a', 'z'}, k | {'z'}, k - {'a'}, k ^ {'a', 'z'})
print(sorted(k & ['a', 'b']), k == {'a', 'b', 'c', 'd'}, k < {'a', 'b', 'c', 'd', 'e'}, k >= {'a'})
print(it & {('a', 1), ('b', 9)}, sorted(it - {('a', 1)}))
print(k.isdisjoint({'x'}), k.isdisjoint(['a']))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
try:
    v & {1}
except TypeError as e:
    print('TypeError:', e)
print(v == v, v == d.values())
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
ki = iter(k)
print(type(ki).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
print(next(ki), next(ki))
d['e'] = 5
try:
    next(ki)
except RuntimeError as err:
    print('RuntimeError:', err)
print({1: 'x'}.keys() | {2}, {1: 2}.items() | {(3, 4)})
print(set(k), tuple(v), dict(it))
print(len(d.items()), bool({}.keys()), bool(d.keys()))
