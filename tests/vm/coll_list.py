# list: every method, slicing and slice assignment, comparisons, errors with CPython's messages.
a = [3, 1, 2]
a.append(4); print(a)
a.extend((5, 6)); print(a)
a.extend(x for x in 'ab'); print(a)
a.insert(0, 'first'); a.insert(100, 'last'); a.insert(-100, 'very'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove('first'); print(a)
print(a.index(2), a.index(5, 2), a.count(1), a.count('zz'))
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
for bad in [lambda: a.index('nope'), lambda: a.remove('nope'), lambda: [].pop(), lambda: a.pop(99),
            lambda: a.index(2, 0, 1), lambda: a[99], lambda: a.insert(), lambda: a.append(1, 2),
            lambda: a['x'], lambda: [1] + (2,), lambda: a.pop('x')]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)
l = list(range(10))
print(l[2:5], l[::-1], l[::3], l[-3:], l[:-7], l[5:2], l[1:8:2], l[100:], l[-100:2])
l[2:5] = ['a', 'b']; print(l)
l[::2] = 'XYZWV'; print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print('ValueError:', e)
del l[::3]; print(l)
del l[1:3]; print(l)
l[1:1] = [9, 9]; print(l)
l[:] = []; print(l)
print([1, 2] * 3, 3 * [0], [1] * 0, [1] * -1)
m = [1, 2]; m *= 2; print(m)
m += 'ab'; print(m)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, 2] != [1, 2.0])
try:
    [1] < ['a']
except TypeError as e:
    print('TypeError:', e)
print(list(), list('abc'), list({'k': 1}), list(range(3)), list((1, 2)))
print(len([1, [2, 3]]), 2 in [1, 2], 5 not in [1, 2])
r = [1, 2]; r.append(r); print(r)
print(list.__name__, type([]).__name__)
nested = [[0] * 2] * 2; nested[0][0] = 1; print(nested)
x = [5, 3, 8]
print(sorted(x), x, x.sort(), x)
print(max([3, 7, 1]), min([3, 7, 1]), sum([1, 2, 3]))
print(repr([1, 'a', None, 2.5, [], (1,)]))
try:
    list(5)
except TypeError as e:
    print('TypeError:', e)
print(hash.__name__)
try:
    hash([])
except TypeError as e:
    print('TypeError:', e)
z = [1, 2, 3]
z[-1] = 'last'; print(z)
try:
    z[5] = 1
except IndexError as e:
    print('IndexError:', e)
try:
    del z[5]
except IndexError as e:
    print('IndexError:', e)
