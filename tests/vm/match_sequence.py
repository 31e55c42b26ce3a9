# match: sequence patterns (MATCH_SEQUENCE, GET_LEN, UNPACK_EX), star patterns, str/bytes are not sequences.
def s(v):
    match v:
        case []:
            return 'empty'
        case [x]:
            return f'one {x}'
        case [1, 2, *rest]:
            return f'1,2 then {rest}'
        case [first, *middle, last] if len(middle) > 2:
            return f'long {first}..{last} ({len(middle)} in middle)'
        case [a, b]:
            return f'two {a} {b}'
        case [_, _, _]:
            return 'three'
        case [*_, 'end']:
            return 'ends with end'
        case _:
            return 'no match'

for v in [[], [1], (2,), [1, 2], [1, 2, 3, 4], (5, 6), [1, 0, 2, 3, 4, 9], range(3), 'ab', b'xy',
          ['a', 'b', 'c', 'end'], [0, 0, 0, 0], {1: 2}, {1, 2}, iter([1])]:
    print(type(v).__name__, s(v))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print('nested', a, b, c, d)

match (1, 2, 3):
    case (1, *rest):
        print('rest is list', rest, type(rest).__name__)

match [1, 2]:
    case [x, y] | [x, y, _]:
        print('or with captures', x, y)

match (1, 'a'):
    case (int() | float() as n, str() as t):
        print('types', n, t)

class Seq:
    def __len__(self): return 2
    def __getitem__(self, i): return i
match Seq():
    case [a, b]:
        print('user class matched?')
    case _:
        print('user class without registration is not a sequence')

from_list = list(range(10))
match from_list:
    case [0, 1, *_, 8, 9]:
        print('prefix and suffix')

