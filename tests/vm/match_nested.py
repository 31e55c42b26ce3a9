# match: nested combinations of class, mapping, sequence, or and as patterns; an interpreter for a tiny language.
class Num:
    __match_args__ = ('value',)
    def __init__(self, value): self.value = value
class BinOp:
    __match_args__ = ('op', 'left', 'right')
    def __init__(self, op, left, right): self.op, self.left, self.right = op, left, right
class Neg:
    __match_args__ = ('operand',)
    def __init__(self, operand): self.operand = operand

def evaluate(node):
    match node:
        case Num(value=int() | float() as v):
            return v
        case Neg(Num(0)):
            return 0
        case Neg(operand):
            return -evaluate(operand)
        case BinOp('+', Num(0), right) | BinOp('+', right, Num(0)):
            return evaluate(right)
        case BinOp('+' | '-' as op, left, right):
            l, r = evaluate(left), evaluate(right)
            return l + r if op == '+' else l - r
        case BinOp('*', left, right):
            return evaluate(left) * evaluate(right)
        case BinOp(op=op):
            raise ValueError(f'unknown operator {op!r}')
        case _:
            raise TypeError(f'not a node: {node!r}')

tree = BinOp('+', BinOp('*', Num(3), Num(4)), Neg(BinOp('-', Num(10), Num(2.5))))
print(evaluate(tree))
print(evaluate(BinOp('+', Num(0), Num(7))), evaluate(BinOp('+', Num(7), Num(0))), evaluate(Neg(Num(0))))
for bad in [BinOp('/', Num(1), Num(2)), 'text']:
    try:
        evaluate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)

def command(cmd):
    match cmd.split():
        case ['go', ('north' | 'south' | 'east' | 'west') as direction]:
            return f'going {direction}'
        case ['go', other]:
            return f'cannot go {other}'
        case ['pick', 'up', *items] if items:
            return 'picking ' + ', '.join(items)
        case ['drop', item, *rest]:
            return f'dropping {item} (+{len(rest)})'
        case ['quit' | 'exit']:
            return 'bye'
        case []:
            return 'nothing'
        case [verb, *_]:
            return f'unknown verb {verb}'
for c in ['go north', 'go up', 'pick up sword shield', 'pick up', 'drop key a b', 'exit', '', 'dance now']:
    print(repr(c), '->', command(c))

def event(e):
    match e:
        case {'type': 'click', 'pos': [x, y], **extra} if not extra:
            return f'plain click at {x},{y}'
        case {'type': 'click', 'pos': (x, y), 'button': 'left' | 'right' as b}:
            return f'{b} click at {x},{y}'
        case {'type': 'key', 'key': str(k)} if len(k) == 1:
            return f'key {k}'
        case {'type': 'key', 'key': k}:
            return f'special key {k!r}'
        case {'type': t, 'items': [{'id': first_id}, *others]}:
            return f'{t} batch starting {first_id} plus {len(others)}'
        case {'type': _}:
            return 'other typed event'
        case _:
            return 'garbage'
for e in [{'type': 'click', 'pos': [1, 2]}, {'type': 'click', 'pos': (3, 4), 'button': 'left'},
          {'type': 'click', 'pos': (3, 4), 'button': 'middle'}, {'type': 'key', 'key': 'a'},
          {'type': 'key', 'key': 'Enter'}, {'type': 'key', 'key': 5}, {'type': 'batch', 'items': [{'id': 9}, {}, {}]},
          {'type': 'batch', 'items': []}, {'kind': 'x'}, 42]:
    print(event(e))

match (1, (2, [3, {'k': (4,)}])):
    case (a, (b, [c, {'k': (d,)}])):
        print('deep', a, b, c, d)

match [Num(1), Num(2)]:
    case [Num(a), Num(b)] if a < b:
        print('ordered nums', a, b)

values = []
for item in [1, 'a', (1, 2), [3], {'x': 1}, None, 2.5, True]:
    match item:
        case bool():
            values.append('bool')
        case int() | float():
            values.append('number')
        case str():
            values.append('str')
        case (_, _):
            values.append('pair')
        case [_]:
            values.append('single')
        case {'x': _}:
            values.append('has x')
        case None:
            values.append('none')
print(values)
