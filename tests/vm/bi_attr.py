# hasattr/getattr/setattr/delattr, dir, vars, callable, id stability, hash of builtins and user objects.
class C:
    cls_attr = 'class'
    def method(self): return 'm'
    @property
    def prop(self): return 'p'
    @property
    def broken(self): raise KeyError('inside property')
c = C()
setattr(c, 'x', 1)
print(getattr(c, 'x'), getattr(c, 'y', 'dflt'), getattr(c, 'cls_attr'), getattr(c, 'prop'), getattr(c, 'method')())
print(hasattr(c, 'x'), hasattr(c, 'nope'), hasattr(c, 'prop'), hasattr(C, 'method'))
try:
    hasattr(c, 'broken')
except KeyError as e:
    print('KeyError propagates from hasattr:', e)
try:
    getattr(c, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(c, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    getattr(c)
except TypeError as e:
    print('TypeError:', e)
try:
    setattr(c, 1, 2)
except TypeError as e:
    print('TypeError:', e)
delattr(c, 'x')
print(hasattr(c, 'x'))
try:
    delattr(c, 'x')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(None, 'foo')
except AttributeError as e:
    print('AttributeError:', e)
print(vars(c), sorted(k for k in vars(C) if not k.startswith('__')))
c.a = 1; c.b = 2
print(vars(c))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
print([n for n in dir(c) if not n.startswith('__')])
print('append' in dir([]), 'keys' in dir({}), 'upper' in dir(''), dir(c) == sorted(dir(c)))
class WithDir:
    def __dir__(self): return ['z', 'a', 'm']
print(dir(WithDir()))
print(callable(len), callable(C), callable(c), callable(c.method), callable(5), callable(lambda: 0), callable(None))
class CallMe:
    def __call__(self): return 'called'
print(callable(CallMe()), CallMe()())
a = object()
print(id(a) == id(a), id(a) != id(object()) or True, type(id(a)).__name__)
l = [1]
print(id(l) == id(l), hash(1) == hash(1.0) == hash(True), hash('a') == hash('a'), hash(None) == hash(None))
print(hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61), hash(1.5), hash(-0.0), hash(float('inf')))
print(hash((1, 'a')) == hash((1, 'a')), hash(frozenset()) == hash(frozenset()))
class H:
    def __hash__(self): return 42
class HBig:
    def __hash__(self): return 2 ** 70
class HBad:
    def __hash__(self): return 'no'
class HNone:
    __hash__ = None
class EqOnly:
    def __eq__(self, other): return True
print(hash(H()), hash(HBig()))
for obj in [HBad(), HNone(), EqOnly(), [], {}]:
    try:
        hash(obj)
    except TypeError as e:
        print('TypeError:', e)
print(type(hash(c)).__name__)
