# compile(compile(src, f, mode, PyCF_ONLY_AST), f, mode) makes the same code object as compile(src, f, mode):
# bytecode, constants, names, line and exception tables and positions, nested code included; then the code runs.
# Also trees built by hand (without end positions) and trees changed after parsing.
import _ast

SOURCES = [
    ('x = 1 + 2 * 3\nprint(x, -x)', 'exec'),
    ('def f(a, b=2, *c, d, **e):\n    "doc"\n    return a + b + len(c) + d + len(e)\nprint(f(1, d=4))', 'exec'),
    ('class C:\n    x: int = 3\n    def m(self):\n        return [i * self.x for i in range(3)]\nprint(C().m())', 'exec'),
    ('try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print("caught", e)\nfinally:\n    print("done")',
     'exec'),
    ('def g():\n    yield 1\n    yield from (2, 3)\nprint(list(g()))', 'exec'),
    ('match [1, 2]:\n    case [a, *b]:\n        print(a, b)\n    case _:\n        pass', 'exec'),
    ('with open.__class__ as t:\n    pass', 'exec'),
    ("s = 'é'\nprint(f'{s!r:>5} {len(s)}')", 'exec'),
    ('async def co():\n    async with x as y:\n        await y\n    return [z async for z in w]', 'exec'),
    ('import sys as s\nfrom sys import (path as p, argv)\nprint(s is not None)', 'exec'),
    ('lambda x: (y := x) + y', 'eval'),
    ('{k: v for k, v in zip("ab", (1, 2)) if v} | {"c": 3}', 'eval'),
    ('x = 42', 'single'),
    ('for i in range(2):\n    print(i)\n', 'single'),
    ('assert x, "m"\ndel x\nglobal g\nwhile 0:\n    break\nelse:\n    pass', 'exec'),
]


def describe(code, depth=0):
    pad = '  ' * depth
    print(pad + code.co_name, code.co_flags, code.co_argcount, code.co_stacksize, code.co_firstlineno)
    print(pad + ' code', code.co_code.hex())
    print(pad + ' names', code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars)
    print(pad + ' lines', code.co_linetable.hex(), code.co_exceptiontable.hex())
    print(pad + ' positions', list(code.co_positions()))
    for c in code.co_consts:
        if hasattr(c, 'co_code'):
            describe(c, depth + 1)
        else:
            print(pad + ' const', repr(c))


def same(a, b):
    if a.co_code != b.co_code or a.co_names != b.co_names or a.co_varnames != b.co_varnames:
        return False
    if a.co_linetable != b.co_linetable or a.co_exceptiontable != b.co_exceptiontable:
        return False
    if list(a.co_positions()) != list(b.co_positions()) or len(a.co_consts) != len(b.co_consts):
        return False
    for x, y in zip(a.co_consts, b.co_consts):
        if hasattr(x, 'co_code'):
            if not same(x, y):
                return False
        elif type(x) is not type(y) or x != y:
            return False
    return True


for source, mode in SOURCES:
    direct = compile(source, '<src>', mode)
    tree = compile(source, '<src>', mode, _ast.PyCF_ONLY_AST)
    via_tree = compile(tree, '<src>', mode)
    print(mode, repr(source[:30]), same(direct, via_tree))
    describe(via_tree)

exec(compile(compile('print("ran", 6 * 7)', '<x>', 'exec', _ast.PyCF_ONLY_AST), '<x>', 'exec'))
print(eval(compile(compile('[1, 2][-1] + 40', '<x>', 'eval', _ast.PyCF_ONLY_AST), '<x>', 'eval')))

# A tree changed after parsing.
tree = compile('print(a + b)', '<x>', 'exec', _ast.PyCF_ONLY_AST)
tree.body[0].value.args[0].op = _ast.Mult()
tree.body[0].value.args[0].right = _ast.Constant(100, lineno=1, col_offset=10)
a = 3
exec(compile(tree, '<x>', 'exec'))

# A tree made by hand: no end positions (they default to the start), no fix_missing_locations.
P = dict(lineno=1, col_offset=0)
hand = _ast.Module([
    _ast.Assign([_ast.Name('v', _ast.Store(), **P)], _ast.BinOp(_ast.Constant(6, **P), _ast.Pow(),
                                                               _ast.Constant(2, **P), **P), **P),
    _ast.If(_ast.Compare(_ast.Name('v', _ast.Load(), lineno=2, col_offset=3), [_ast.Gt()],
                         [_ast.Constant(30, lineno=2, col_offset=7)], lineno=2, col_offset=3),
            [_ast.Expr(_ast.Call(_ast.Name('print', _ast.Load(), lineno=3, col_offset=4),
                                 [_ast.Name('v', _ast.Load(), lineno=3, col_offset=10)], [],
                                 lineno=3, col_offset=4), lineno=3, col_offset=4)],
            [], lineno=2, col_offset=0),
], [])
code = compile(hand, '<hand>', 'exec')
describe(code)
exec(code)
print(_ast.dump if hasattr(_ast, 'dump') else 'no dump in _ast')

# compile() flags with a tree: future features and optimize.
tree = compile('def f(x: undefined): pass\nprint(f.__annotations__)', '<x>', 'exec', _ast.PyCF_ONLY_AST)
exec(compile(tree, '<x>', 'exec', flags=0x1000000))
tree = compile('assert False, "no"\nprint(__debug__)', '<x>', 'exec', _ast.PyCF_ONLY_AST)
exec(compile(tree, '<x>', 'exec', optimize=1))
