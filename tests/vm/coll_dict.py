# dict: every method, insertion order, |, |=, fromkeys, setdefault, popitem (LIFO), errors, mutation during iteration.
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d)
print(d.setdefault('a', 100), d.setdefault('new', []), d)
d['new'].append(1); print(d)
print(d.pop('new'), d.pop('zz', 'default'))
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError:', e)
try:
    d['missing']
except KeyError as e:
    print('KeyError:', e, repr(e))
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
d.update({'x': 1}, y=2); d.update([('z', 3)]); d.update(w=4); print(d)
try:
    d.update([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print('ValueError:', e)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys(range(2), []))
c = d.copy(); c.clear(); print(c, d)
print(dict(a=1, b=2), dict([('k', 'v')]), dict({'x': 1}, y=2), dict(zip('ab', range(2))))
e = {'a': 1, 'b': 2}
f = {'b': 3, 'c': 4}
print(e | f, f | e, e)
e |= f; print(e)
e |= [('z', 0)]; print(e)
try:
    e | [('q', 1)]
except TypeError as err:
    print('TypeError:', err)
del e['z']; print(e)
try:
    del e['z']
except KeyError as err:
    print('KeyError:', err)
g = {1: 'one', 1.0: 'float one', True: 'true'}
print(g)
try:
    {[1]: 2}
except TypeError as err:
    print('TypeError:', err)
h = {'k': 1}
try:
    for k in h:
        h['other'] = 2
except RuntimeError as err:
    print('RuntimeError:', err)
h = {'a': 1, 'b': 2}
try:
    for k in h:
        del h['b']
except RuntimeError as err:
    print('RuntimeError:', err)
h = {'a': 1, 'b': 2}
for k in h:
    h[k] = 0
print('value changes are fine', h)
o = {}
for i in range(10):
    o[i] = i
for i in range(0, 10, 2):
    del o[i]
o[0] = 'back'
print(o, list(o))
print({'a': 1} == {'a': 1}, {'a': 1} == {'a': 1.0}, {'a': 1} != {'b': 1})
try:
    {'a': 1} < {'b': 2}
except TypeError as err:
    print('TypeError:', err)
nested = {'x': {'y': [1, 2]}}
print(nested['x']['y'][1])
r = {}; r['self'] = r; print(r)
print(repr({'q': "it's", 1: None}))
print(dict.__name__, type({}).__name__)
print(sorted({3: 1, 1: 2, 2: 3}.items()))
print(list(reversed({'a': 1, 'b': 2, 'c': 3})), list(reversed({'a': 1}.items())))
try:
    dict(1)
except TypeError as err:
    print('TypeError:', err)
try:
    dict([1])
except TypeError as err:
    print('TypeError:', err)
