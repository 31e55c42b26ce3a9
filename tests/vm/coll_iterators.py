# The iteration builtins: enumerate(start), zip(strict=True) and its ValueErrors, map over several iterables,
# filter(None), reversed with __reversed__ and the sequence protocol, iter(callable, sentinel), next(default),
# and the iterator types' names.
print(list(enumerate('abc')), list(enumerate('ab', 5)), list(enumerate([], start=-1)), list(enumerate('x', start=10)))
e = enumerate(['p', 'q'])
print(type(e).__name__, next(e), list(e), list(e))
try:
    enumerate(5)
except TypeError as err:
    print('TypeError:', err)
print(list(zip()), list(zip('ab')), list(zip('abc', [1, 2])), list(zip('ab', 'cd', 'ef')))
print(list(zip('ab', [1, 2], strict=True)))
for args in [('abc', [1, 2]), ('ab', [1, 2, 3]), ('a', 'b', 'cd'), ('ab', 'cd', 'e'), ('ab', 'cd', 'efg')]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as err:
        print('ValueError:', err)
z = zip('ab', [1, 2, 3], strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as err:
    print('ValueError:', err)
try:
    zip(1, 2)
except TypeError as err:
    print('TypeError:', err)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(map(str, range(3))), type(map(str, [])).__name__)
try:
    map(abs)
except TypeError as err:
    print('TypeError:', err)
try:
    list(map(abs, 5))
except TypeError as err:
    print('TypeError:', err)
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, True])), list(filter(lambda x: x % 2, range(6))))
print(type(filter(None, [])).__name__)
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(4))), list(reversed(range(1, 10, 3))))
print(type(reversed([])).__name__, type(reversed(())).__name__, type(reversed(range(2))).__name__, type(reversed('')).__name__)
print(type(reversed({})).__name__, type(reversed({}.values())).__name__, type(reversed({}.items())).__name__)
class Rev:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Rev())))
class SeqProto:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(reversed(SeqProto())), list(SeqProto()), 20 in SeqProto())
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
for bad in [NoRev(), 5, {1, 2}, iter([1])]:
    try:
        reversed(bad)
    except TypeError as err:
        print('TypeError:', err)
lst = [1, 2, 3]
r = reversed(lst)
next(r)
lst.clear()
print(list(r))
counter = iter([1, 2, 3, 4])
def nxt():
    return next(counter)
ci = iter(nxt, 3)
print(type(ci).__name__, list(ci), list(ci))
calls = []
def produce():
    calls.append(1)
    return len(calls)
print(list(iter(produce, 4)))
try:
    iter(5, 1)
except TypeError as err:
    print('TypeError:', err)
def boom():
    raise StopIteration
print(list(iter(boom, None)))
it = iter([1])
print(next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as err:
    print('StopIteration', err.args)
try:
    next([1])
except TypeError as err:
    print('TypeError:', err)
try:
    iter(5)
except TypeError as err:
    print('TypeError:', err)
for obj in [[], (), '', {}, set(), frozenset(), range(0), {}.keys(), {}.values(), {}.items(), b'', iter([]), zip(), enumerate([])]:
    print(type(iter(obj)).__name__, end=' ')
print()
print(type(iter('\u20ac')).__name__)
it2 = iter([1, 2])
print(it2.__next__(), it2.__iter__() is it2)
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)), max(Countdown(5)))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as err:
    print('TypeError:', err)
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(enumerate('xy')))
g = (x for x in [1, 2])
print(list(zip(g, g)))
