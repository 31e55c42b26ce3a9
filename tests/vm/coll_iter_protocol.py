# The iteration protocol: __getitem__-only iteration (IndexError ends it), exhausted iterators stay exhausted,
# mutation of a list during a for loop, __iter__ returning non-iterators, StopIteration propagation, iterator
# objects shared between loops.
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError('done')
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), [v for v in Seq()], list(enumerate(Seq())), sorted(Seq(), reverse=True))
it = iter(Seq())
print(type(it).__name__, next(it), list(it), list(it))
class Stops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(Stops()))
class KeyErr:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErr())
except KeyError as e:
    print('KeyError propagates:', e)
it = iter([1, 2, 3])
for v in it:
    if v == 1:
        break
print('rest after break', list(it), list(it))
lst = [1, 2, 3, 4]
out = []
for v in lst:
    out.append(v)
    if v == 2:
        lst.append(5)
print(out)
lst = [1, 2, 3, 4, 5, 6]
for v in lst:
    if v % 2 == 0:
        lst.remove(v)
print(lst)
class Once:
    def __init__(self): self.used = False
    def __iter__(self):
        if self.used:
            return iter([])
        self.used = True
        return iter('abc')
o = Once()
print(list(o), list(o))
class BadNext:
    def __iter__(self): return self
    def __next__(self): raise ValueError('bad next')
try:
    for v in BadNext():
        pass
except ValueError as e:
    print('ValueError:', e)
class NotIter:
    def __iter__(self): return [1, 2]
try:
    for v in NotIter():
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    for v in 5:
        pass
except TypeError as e:
    print('TypeError:', e)
class NoneIter:
    __iter__ = None
try:
    iter(NoneIter())
except TypeError as e:
    print('TypeError:', e)
shared = iter(range(6))
print(list(zip(shared, shared)))
d = {'a': 1}
di = iter(d)
print(next(di), next(di, 'end'))
s = 'ab'
si = iter(s)
print(next(si), next(si), next(si, None))
t = iter((1,))
print(list(t), next(t, 'exhausted'))
for i in range(3):
    pass
print('loop var after loop', i)
for j in []:
    pass
try:
    j
except NameError as e:
    print('NameError:', e)
