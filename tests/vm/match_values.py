# match: literal, value (dotted), capture, wildcard, or, as, guard patterns; singletons compare by identity.
class Color:
    RED = 'red'
    GREEN = 'green'
    class Nested:
        BLUE = 'blue'

def v(x):
    match x:
        case 0 | 1 | 2:
            return 'small'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case 'a' 'b':
            return 'concatenated ab'
        case b'raw':
            return 'bytes'
        case None:
            return 'None'
        case True:
            return 'True'
        case False:
            return 'False'
        case Color.RED:
            return 'red'
        case Color.Nested.BLUE:
            return 'blue'
        case str() as s if s.startswith('x'):
            return f'x-string {s}'
        case int(n) if n > 100:
            return f'big {n}'
        case [Color.GREEN, *_] as whole:
            return f'green list {whole}'
        case other:
            return f'captured {other!r}'

for x in [0, 2, -1, 1.5, 'ab', b'raw', None, True, False, 1.0, 0.0, 'red', 'blue', 'xyz',
          500, 50, ['green', 1], ('green',), 'other']:
    print(repr(x), '->', v(x))

# guards see captures; a failing guard leaves the capture bound (CPython binds before the guard)
def g(x):
    match x:
        case [a, b] if a > b:
            return 'desc'
        case [a, b]:
            return f'not desc a={a}'
print(g([2, 1]), g([1, 2]))

calls = []
def side(val):
    calls.append(val)
    return val
match 3:
    case 1 if side('g1'):
        pass
    case 3 if side('g2'):
        print('guard order', calls)

x = 'outer'
match 42:
    case x:
        pass
print('capture rebinds', x)

match [1, 2]:
    case [1, _] | [_, 1]:
        print('or of sequences')

# the match subject is evaluated once
def subject():
    print('subject evaluated')
    return 7
match subject():
    case 1: pass
    case 2: pass
    case _: print('fell through')

# no case matched: nothing happens
match 'nothing':
    case 'a':
        print('no')
print('done')
