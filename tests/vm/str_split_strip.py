samples = ['', ' ', 'a', ' a ', 'a b c', '  a  b  c  ', 'a,b,,c,', ',a,', '\ta\nb\x0bc\x0cd\re\x1cf\x1dg\x1eh\x1fi\x85j\xa0k\u3000l',
           'one::two::three', ':::']
for s in samples:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(','), s.rsplit(',', 1), s.split('::'), s.rsplit('::', 1))
    print('  ', repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(' a')), repr(s.strip(',:')), s.partition(','), s.rpartition('::'))
for maxsplit in [-1, 0, 1, 2, 10]:
    print(maxsplit, 'a b c d'.split(' ', maxsplit), 'a b c d'.rsplit(' ', maxsplit), ' a b c '.split(maxsplit=maxsplit), ' a b c '.rsplit(maxsplit=maxsplit))
for bad in [lambda: 'a'.split(''), lambda: 'a'.split(1), lambda: 'a'.strip(1), lambda: 'a'.partition(''), lambda: 'a'.split(sep=',', maxsplit='x'),
            lambda: 'a'.rsplit(x=1), lambda: 'a'.join([1])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
