s = 'abcdefghij'
for sl in [(None, None, None), (2, None, None), (None, 3, None), (-3, None, None), (None, -3, None), (1, 8, 2), (None, None, -1),
           (8, 1, -2), (100, None, None), (-100, 3, None), (None, None, 3), (5, 5, None), (7, 2, None), (None, None, -3), (-1, -11, -1)]:
    print(sl, repr(s[slice(*sl)]))
for i in [0, 5, -1, -10, 10, -11]:
    try:
        print(i, s[i])
    except IndexError as e:
        print(i, 'IndexError', e)
try:
    s[1.5]
except TypeError as e:
    print('TypeError', e)
try:
    s[0] = 'x'
except TypeError as e:
    print('TypeError', e)
words = ['b', 'a', 'B', 'A', 'ab', 'aB', '', 'é', 'z', 'Z', '😀', '\uffff', 'a\x00', 'a']
print(sorted(words))
print([a < b for a, b in zip(words, words[1:])], [a == b for a, b in zip(words, words[1:])])
print('abc' == 'abc', 'a' * 0 == '', 'ab' + 'cd', 'x' in 'xyz', '' in 'abc', 'yz' not in 'xyz', 'A' < 'a', 'é' > 'z')
print(hash('') == 0, hash('abc') == hash('ab' + 'c'), len({'a', 'a' + '', 'b'}), min('hello'), max('hello'), sorted('hello'))
print(list('héllo'), tuple('ab'), list(reversed('abc')), list(enumerate('ab')), 'abc'.__iter__().__next__(), ''.join(reversed('stressed')))
it = iter('ab')
print(next(it), next(it), next(it, 'done'))
try:
    'a' < 1
except TypeError as e:
    print('TypeError', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError', e)
try:
    1 + 'a'
except TypeError as e:
    print('TypeError', e)
try:
    'a' * 'b'
except TypeError as e:
    print('TypeError', e)
try:
    'a' * 1.5
except TypeError as e:
    print('TypeError', e)
