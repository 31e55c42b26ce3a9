# range: len of huge ranges, slicing, indexing, index/count, contains fast path and slow path, repr, equality.
r = range(10)
print(r, range(1, 5), range(0, 10, 3), range(5, 0, -1), range(0))
print(len(r), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)))
print(r[2], r[-1], r[2:5], r[::-1], r[::2], r[1:100], r[-3:], range(0, 10, 3)[1:])
print(list(range(0, -10, -4)), list(range(5, 0, -2)), list(range(3)[::-1]))
print(len(range(0, 10 ** 18, 7)), range(10 ** 18)[-1], 10 ** 17 in range(10 ** 18))
print(r.index(3), r.count(3), r.count(11), range(0, 20, 5).index(15))
try:
    r.index(11)
except ValueError as e:
    print('ValueError:', e)
try:
    r[10]
except IndexError as e:
    print('IndexError:', e)
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    range()
except TypeError as e:
    print('TypeError:', e)
print(3 in r, 3.0 in r, 3.5 in r, '3' in r, -1 in r, True in r)
class Eq:
    def __eq__(self, other):
        return other == 4
print(Eq() in r)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 10, 2) == range(0, 9, 2), range(1) == range(2))
print(hash(range(0)) == hash(range(3, 3)), hash(range(3)) == hash(range(0, 3)))
print(r.start, r.stop, r.step, range(1, 7, 2).stop)
print(type(reversed(range(3))).__name__, list(reversed(range(1, 10, 4))))
print(type(iter(r)).__name__)
print(bool(range(0)), bool(range(1)), range(5)[True])
print(range(-5, 5)[::-3], list(range(-5, 5)[::-3]))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
it = iter(range(3))
print(next(it), list(it), list(it))
print(range(0, 10)[3:7][1], range(10)[slice(None, None, -2)])
