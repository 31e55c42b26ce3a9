# len() and the __len__ protocol: results must be non-negative ints that fit an index, errors otherwise;
# truth testing falls back to __len__.
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(len(L(3)), bool(L(0)), bool(L(2)), len([1, 2]), len('abc'), len({'a': 1}), len(range(5, 1, -1)), len(b'xy'))
for obj in [L(-1), L('3'), L(2 ** 70), L(2.0), 5, None, iter([])]:
    try:
        print(len(obj))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
class Idx:
    def __index__(self): return 4
print(len(L(Idx())), len(L(True)))
class NoLen:
    pass
print(bool(NoLen()))
class BoolLen:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(BoolLen()), len(BoolLen()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
try:
    if L(-5):
        pass
except ValueError as e:
    print('ValueError:', e)
try:
    len()
except TypeError as e:
    print('TypeError:', e)
try:
    len([], [])
except TypeError as e:
    print('TypeError:', e)
