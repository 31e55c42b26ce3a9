# slice objects: attributes, indices() clamping, repr, equality, hashing, use on sequences and str.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None))
print(s.indices(5), slice(None).indices(3), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
print(slice(-100, 100).indices(5), slice(10, -10, -2).indices(6), slice(0, 0).indices(0))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError:', e)
try:
    s.indices(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    slice('a', 'b').indices(3)
except TypeError as e:
    print('TypeError:', e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
try:
    hash(slice(1, 2))
    print('slice hashable')
except TypeError as e:
    print('TypeError:', e)
l = list(range(10))
print(l[s], l[slice(None, None, -3)], 'abcdef'[slice(1, 4)], (1, 2, 3)[slice(-2, None)])
class Idx:
    def __index__(self): return 2
print(l[Idx():5], l[slice(Idx(), None)])
try:
    l['a':]
except TypeError as e:
    print('TypeError:', e)
try:
    slice()
except TypeError as e:
    print('TypeError:', e)
print(type(s).__name__, slice(1, 2, 3) < slice(1, 2, 4))
print(l[::2][::-1], l[-1:-5:-1], l[5:-5], l[-5:5])
