# Ranges beyond a machine word: len raises OverflowError, indexing/slicing/contains/index/count/iteration/
# reversed/equality/hash work on int objects (CPython keeps PyLongs; longrange_iterator).
big = range(10 ** 20)
print(big, big[10 ** 19], big[-1], 10 ** 19 in big, (10 ** 20) in big, -1 in big, bool(big), bool(range(10 ** 20, 0)))
try:
    len(big)
except OverflowError as e:
    print('OverflowError:', e)
r64 = range(2 ** 64)
print(r64[2 ** 63], r64[1:][-1], r64[::2 ** 62], r64[2 ** 63:][:3], list(r64[:3]))
print(range(-2 ** 70, 2 ** 70, 2 ** 69), list(range(-2 ** 70, 2 ** 70, 2 ** 69)))
it = iter(range(2 ** 64, 2 ** 64 + 3))
print(type(it).__name__, list(it), list(it))
print(list(reversed(range(2 ** 64, 2 ** 64 + 7, 3))), type(reversed(range(2 ** 65))).__name__)
s = range(3, 10 ** 30, 7)
print(s.start, s.stop, s.step, s.index(3 + 7 * 10 ** 20), s.count(10), s.count(10 ** 25), (3 + 7 * 5) in s)
try:
    s.index(4)
except ValueError as e:
    print('ValueError:', e)
try:
    big[10 ** 20]
except IndexError as e:
    print('IndexError:', e)
print(range(10 ** 20) == range(0, 10 ** 20), range(10 ** 20) == range(10 ** 20 + 1), range(2 ** 64, 2 ** 64) == range(0))
print(hash(range(10 ** 20)) == hash(range(0, 10 ** 20, 1)), hash(range(2 ** 64, 2 ** 64)) == hash(range(0)))
print(range(10 ** 20)[5:10], range(10 ** 20)[-3:], range(0, -10 ** 20, -1)[10 ** 19], range(0, -10 ** 20, -1)[-2:])
print(range(2 ** 63 - 1, 2 ** 63 + 2)[1], len(range(2 ** 63 - 1, 2 ** 63 + 2)), list(range(2 ** 62, 2 ** 62 + 2)))
print(5.0 in range(10 ** 20), max(range(2 ** 64, 2 ** 64 + 2)), sum(range(2 ** 64, 2 ** 64 + 3)))
for v in range(2 ** 66, 2 ** 66 + 2):
    print(v)
