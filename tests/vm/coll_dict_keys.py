# dict keys: user __hash__/__eq__, hash collisions, equal keys of different types, NaN keys, mutation through
# __eq__ during lookup, deletion and reinsertion order, big dicts keeping insertion order.
class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return 'Key(%s)' % self.name
d = {Key('a', 1): 'a', Key('b', 1): 'b', Key('c', 2): 'c'}
print(d, d[Key('b', 1)], Key('a', 1) in d, Key('z', 1) in d, len(d))
del d[Key('a', 1)]
print(d, Key('b', 1) in d)
mixed = {1: 'int', 2.0: 'float', 'x': 'str', (1, 2): 'tuple', None: 'none', frozenset({1}): 'fs'}
print(mixed[1.0], mixed[2], mixed[True], mixed[(1, 2)], mixed[frozenset([1])])
nan = float('nan')
nd = {nan: 'same object'}
print(nd[nan], float('nan') in nd)
class Noisy:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, other):
        print('eq called', self.v, getattr(other, 'v', other))
        return self.v == getattr(other, 'v', None)
n = {Noisy(1): 'one'}
print(n[Noisy(1)])
print(Noisy(2) in n)
class BadHash:
    def __hash__(self): raise RuntimeError('no hash')
try:
    {BadHash(): 1}
except RuntimeError as e:
    print('RuntimeError:', e)
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, other): raise ValueError('no eq')
be = {BadEq(): 1}
try:
    be[BadEq()]
except ValueError as e:
    print('ValueError:', e)
order = {}
for k in 'edcba':
    order[k] = ord(k)
del order['c']
order['c'] = 0
order['e'] = 'replaced'
print(list(order), list(order.values()))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:], sum(big.values()))
big.clear()
print(big, len(big))
print({0: 'a', 0.0: 'b', False: 'c'}, {-0.0: 1}, {(): 1, ((),): 2})
print(hash(Key('q', 123)), hash(-1) == hash(-2))
