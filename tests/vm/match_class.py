# match: class patterns with __match_args__, keyword sub-patterns, the self-matching builtins, their TypeErrors.
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return 'origin'
        case Point3(x, y, 0):
            return f'flat3 {x} {y}'
        case Point(0, y):
            return f'on y axis at {y}'
        case Point(x=0):
            return 'x=0 kw'
        case Point(x, y=0):
            return f'on x axis at {x}'
        case Point(x, y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'some point'
        case _:
            return 'not a point'

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0), Point3(0, 0, 1), 'x']:
    print(where(p))

def kinds(v):
    match v:
        case bool(b):
            return f'bool {b}'
        case int(i):
            return f'int {i}'
        case float(f):
            return f'float {f}'
        case str() as s:
            return f'str {s!r}'
        case bytes(b):
            return f'bytes {b!r}'
        case list([a, *_]):
            return f'list starting {a}'
        case tuple((a, b)):
            return f'pair {a} {b}'
        case dict({'k': val}):
            return f'dict k={val}'
        case set() | frozenset():
            return f'a set of {len(v)}'
        case _:
            return f'other {type(v).__name__}'

for v in [True, 3, 2.5, 'hi', b'by', [9, 8], (1, 2), {'k': 'v'}, {1, 2}, frozenset(), None, [], (1,)]:
    print(kinds(v))

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print('TypeError:', e)

class BadArgs:
    __match_args__ = ['a']
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print('TypeError:', e)

class Few:
    __match_args__ = ('a',)
    a = 1
try:
    match Few():
        case Few(1, 2):
            pass
except TypeError as e:
    print('TypeError:', e)

try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print('TypeError:', e)

try:
    not_a_class = 3
    match 5:
        case not_a_class():
            pass
except TypeError as e:
    print('TypeError:', e)
except NameError as e:
    print('NameError:', e)

class Dup:
    __match_args__ = ('a', 'a')
    a = 1
try:
    match Dup():
        case Dup(x, y):
            print(x, y)
except TypeError as e:
    print('TypeError:', e)

class KwDup:
    __match_args__ = ('a',)
    a = 1
try:
    match KwDup():
        case KwDup(x, a=y):
            print(x, y)
except TypeError as e:
    print('TypeError:', e)

class NotStr:
    __match_args__ = (1,)
try:
    match NotStr():
        case NotStr(x):
            pass
except TypeError as e:
    print('TypeError:', e)

class Missing:
    __match_args__ = ('nope',)
match Missing():
    case Missing(x):
        print('matched?', x)
    case _:
        print('missing attribute -> no match')

class Prop:
    __match_args__ = ('v',)
    @property
    def v(self):
        raise KeyError('from property')
try:
    match Prop():
        case Prop(1):
            pass
except KeyError as e:
    print('KeyError propagates:', e)


class Meta(type):
    def __instancecheck__(cls, inst):
        print('instancecheck called')
        return inst == 'magic'
class Virtual(metaclass=Meta):
    pass
match 'magic':
    case Virtual():
        print('virtual match')
match 'plain':
    case Virtual():
        print('not reached')
    case _:
        print('instancecheck said no')
