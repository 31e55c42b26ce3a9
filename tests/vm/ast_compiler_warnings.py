# The compiler's SyntaxWarnings (CPython: compile.c compiler_warn) for code given to compile()/exec()/eval():
# `is` with a literal, a call or subscript of a literal that cannot work, a tuple assertion. They go to stderr with
# the file name and the line of the expression being compiled; this program's own code has none.
srcs = [
    'assert (x, "msg")',
    'assert (1, 2)',
    'assert ()',
    'x is 1',
    'x is not "a"',
    '1 is x',
    'x is None; x is True; x is ...; x is -1',
    'x is ()',
    'x is (1, 2)',
    'if x is 1: pass',
    'if a < x is 1: pass',
    'y = x is 1 is 2',
    '(1, 2)(3)',
    '[1](2)',
    '[i for i in x]()',
    '{1: 2}()',
    '{k: 1 for k in x}()',
    '{1}()',
    '{i for i in x}()',
    '(i for i in x)()',
    "f'{x}'()",
    '"abc"()',
    'b"abc"()',
    '1()',
    '1.5()',
    '1j()',
    'None()',
    'True()',
    '...()',
    'f()',
    '(1, 2).count(1)',
    '1[2]',
    'None[0]',
    '...[0]',
    '1.5[0]',
    '2j[0]',
    'True[0]',
    '{1}[0]',
    '{i for i in x}[0]',
    '(i for i in x)[0]',
    '(lambda: 1)[0]',
    '"abc"[0]',
    '"abc"["a"]',
    '"abc"[1.5]',
    '"abc"[None]',
    '"abc"[(1,)]',
    'b"abc"[()]',
    '(1, 2)["a"]',
    '(1, 2)[x, y]',
    '[1, 2][1.0]',
    '[i for i in x]["a"]',
    "f'{x}'[1.5]",
    '[1, 2][[0]]',
    '[1, 2][{0}]',
    '[1, 2][1:2]',
    '[1, 2][True]',
    '[1, 2][f"x"]',
    'x[1.5]',
    '(1, 2)[1] = 3',
    'del (1, 2)["a"]',
    'x = "abc"["a"]\ny = 1\nz = (1)(2)',
    'def f():\n    return 1 is 1\n',
    'class C:\n    x = 1[0]\n',
    'lambda: "a"["b"]',
    '[x for x in (1)(2)]',
    'x = (\n  1,\n  2\n)(\n 3)',
]
for s in srcs:
    print('---', repr(s))
    try:
        compile(s, '<w>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# Nested code, other file names, exec and eval: each compilation warns again.
compile('def f():\n    def g():\n        return x is "s"\n', 'other.py', 'exec')
for i in range(2):
    exec('y = 1 is 1')
    print(eval('2 is 2'))
# With a tree: the warnings come from the compiler, at the tree's positions.
import _ast
tree = compile('x = 5\n\nassert (x, "never")', '<t>', 'exec', _ast.PyCF_ONLY_AST)
tree.body[1].lineno = tree.body[1].end_lineno = 7
compile(tree, '<tree>', 'exec')
# The tokenizer's SyntaxWarning goes the same way.
compile('x = 1if y else 2', '<tok>', 'exec')
print('end')
