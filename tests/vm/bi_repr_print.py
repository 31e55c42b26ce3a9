# repr/ascii/str of builtins, print's sep/end/file/flush and its errors, print of objects with __str__/__repr__.
import sys
print(repr('a\nb'), repr("it's"), repr('"'), repr('\x00\x7f\u20ac'), ascii('\u20ac caf\xe9'), ascii(['\xe9']))
print(repr(1.0), repr(1e16), repr(-0.0), repr(1e-5), repr(0.1 + 0.2), str(1e100), repr(float('nan')), repr(-float('inf')))
print(repr(None), repr(True), repr(...), repr(NotImplemented), repr(b'\x00a\''), repr([]), repr(()), repr({}))
print(repr(len), repr(object)[:13], repr(int), repr(type))
class R:
    def __repr__(self): return 'R!'
class S:
    def __str__(self): return 'S!'
class Both(R):
    def __str__(self): return 'both-str'
print(R(), [R()], S(), str(R()), repr(Both()), str(Both()), f'{Both()!r} {Both()!s} {Both()}')
print(ascii(R()), ascii('plain'))
print(1, 2, 3, sep=', ', end='!\n')
print('a', 'b', sep='')
print('no newline', end='')
print()
print(sep='x')
print('x', end='')
print('y', sep=None, end=None)
print(None, 1.5, [1, 'a'], {'k': (1,)}, {1}, sep=' | ')
print('to stdout', file=sys.stdout, flush=True)
print('to stderr', file=sys.stderr)
print('file None', file=None)
for kw in [{'sep': 5}, {'end': 3}, {'file': 5}, {'bogus': 1}]:
    try:
        print('x', **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
class Writer:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = Writer()
print('a', 'b', file=w, sep='-', end='.')
print(w.parts)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class BadStr:
    def __str__(self): raise ValueError('no str')
try:
    print(BadStr())
except ValueError as e:
    print('ValueError:', e)
r = []; r.append(r); d = {}; d['d'] = d
print(r, d, repr(r))
print(str(b'x'), str(123), str(), repr(''), str('s'))
