import sys
g = sys.getsizeof
d = {'a': 1, 'b': 2}
print(g(d.copy()), g(dict(d)), g({**d}), g(dict.fromkeys('abcdefg')), g(dict(zip('abc', range(3)))), g(dict([(1, 2)])))
m = {'a': 1, 'b': 2, 'c': 3, 'd': 4}; m[5] = 5; print('mixed', g(m))
m = {'a': 1}; m[1] = 1; print('mixed1', g(m))
x = {}; x['a'] = 1; del x['a']; print('emptied', g(x)); x.clear(); print('cleared', g(x))
x = {i: i for i in range(100)}; print(g(x))
for i in range(90): del x[i]
print('after dels', g(x)); x[1000] = 1; print(g(x))
print(g(list(iter([1, 2, 3]))), g(list(map(str, range(20)))), g(sorted([3, 1, 2])), g(sorted(range(20))), g(list(reversed([1,2,3]))))
print(g(list({1, 2, 3})), g(list(enumerate('ab'))), g(list(zip('ab', 'cd'))), g(list(range(100))))
s = set('abcdefghij'); print(g(s)); s.clear(); print(g(s))
print(g({1, 2, 3, 4, 5}), g({i for i in range(10)}), g(frozenset('abc')), g(set(range(100))))
print(g(()), g(tuple(range(7))), g(tuple([1, 2])))
print(g(b'x' * 10), g(bytes(5)), g(bytearray(10)))
print(g(1.0), g(3 + 4j), g(2 ** 64), g(-(2 ** 64)), g(10 ** 100))
print(g('x' * 1000), g('\u1234' * 10), g('\U00012345' * 3), g('abc'.upper()), g(str(12345)))
l = []
for i in range(20):
    l.insert(0, i)
print(g(l))
l = [1] * 5; l *= 3; print(g(l))
l = [1, 2, 3]; l[1:1] = [9] * 10; print(g(l))
l = list(range(10)); l[2:8] = []; print(g(l))
print(g(list(x for x in range(3))), g(list(x for x in range(9))), g(list(x for x in range(20))), g(list('abc')), g(list({1:2,3:4})), g(list((1,2,3,4,5))), g(list(range(0))))
l=list(range(20)); r=[]
while l: l.pop(); r.append(g(l))
print(r)
l=list(range(20)); l.clear(); print(g(l))
l=[1,2,3]; l.extend([4,5]); print(g(l)); l.extend(range(10)); print(g(l))
l=[]; l.extend(range(5)); print(g(l)); l=[]; l.extend((1,2,3)); print(g(l)); l = []; l += [1]; print(g(l))
l=list(range(20)); del l[5:]; print(g(l)); l.insert(0, 1); print(g(l)); l.remove(1); print(g(l))
print(g([*range(3)]), g([1, *[2, 3]]), g(sorted([3,1,2])), g([1,2]+[3]), g([1,2,3][:2]), g(list(map(str, range(5)))))
# In-place repeat keeps the list and resizes it (list_inplace_repeat).
a = [1, 2]; b = a; a *= 3; print(a is b, a, g(a)); a *= 0; print(a is b, a, g(a))
# A dict's table as it grows and shrinks with str keys, then with a non-str key added.
d = {}
sizes = []
for i in range(12):
    d['k%d' % i] = i
    sizes.append(g(d))
d[0] = 0
sizes.append(g(d))
print(sizes)
# Sets growing past the small table and after removals.
s = set()
sizes = []
for i in range(30):
    s.add('x%d' % i)
    sizes.append(g(s))
for i in range(25):
    s.discard('x%d' % i)
sizes.append(g(s))
print(sizes)
