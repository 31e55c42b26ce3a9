# match: mapping patterns (MATCH_MAPPING, MATCH_KEYS), **rest, duplicate keys, non-dict mappings, get() usage.
def m(v):
    match v:
        case {'type': 'point', 'x': x, 'y': y}:
            return f'point {x},{y}'
        case {'type': 'circle', 'r': r, **rest}:
            return f'circle {r} rest={rest}'
        case {'type': t}:
            return f'unknown type {t}'
        case {1: one, 2.0: two}:
            return f'numbers {one} {two}'
        case {}:
            return 'some mapping'
        case _:
            return 'not a mapping'

for v in [{'type': 'point', 'x': 1, 'y': 2}, {'type': 'circle', 'r': 5, 'color': 'red', 'z': 0},
          {'type': 'blob'}, {1: 'a', 2: 'b'}, {}, {'other': 1}, [('type', 'point')], 'str', None]:
    print(m(v))

class K:
    A = 'a'
    B = 'a'
try:
    match {'a': 1, 'b': 2}:
        case {K.A: 1, K.B: 2}:
            pass
except ValueError as e:
    print('ValueError:', e)
try:
    match {'a': 1, 'b': 2}:
        case {'a': 1, K.B: 2}:
            pass
except ValueError as e:
    print('ValueError:', e)
class Unhashable:
    L = [1]
try:
    match {'a': 1}:
        case {Unhashable.L: 1}:
            pass
except TypeError as e:
    print('TypeError:', e)

key = 'k'
class C:
    K = 'k'
match {'k': 10}:
    case {C.K: v}:
        print('value-pattern key', v)

match {'a': 1, 'b': 2}:
    case {'a': 1, **rest}:
        print('rest', rest, type(rest).__name__)

match {'a': 1}:
    case {'a': 1, **rest} if not rest:
        print('empty rest')

class GetOnly:
    def __init__(self, d): self.d = d
    def keys(self): return self.d.keys()
    def __getitem__(self, k): return self.d[k]
    def get(self, k, default=None):
        print('get', k)
        return self.d.get(k, default)
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
match GetOnly({'a': 1}):
    case {'a': x}:
        print('matched non-dict', x)
    case _:
        print('GetOnly is not a mapping (no collections.abc registration)')
