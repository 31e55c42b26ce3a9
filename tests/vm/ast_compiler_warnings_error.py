# Under `-W error::SyntaxWarning` (ast_compiler_warnings_error.flags) the compiler's and the tokenizer's
# SyntaxWarnings become SyntaxErrors at the location being compiled (CPython: compiler_warn → compiler_error;
# the tokenizer's parser_warn), with the file's line as text when the file exists (here it does not).
srcs = [
    'assert (x, "msg")',
    'x = 1\nif x is 1: pass',
    'y = (a,\n     b) is "s"',
    'def f():\n    return [1, 2](3)',
    'z = "abc"[1.5]',
    'z = None[0]',
    'x = 1if y else 2',
    'x = 0x1for y in z',
    'ok = 1 == 1',
]
for s in srcs:
    print('---', repr(s))
    for mode in ['exec', 'single'] if '\n' not in s else ['exec']:
        try:
            compile(s, '<w>', mode)
            print('compiled')
        except SyntaxError as e:
            print(type(e).__name__, e.args[0], e.args[1][1:], e.filename)
try:
    exec('assert (1, 2)')
except SyntaxError as e:
    print('exec:', e)
try:
    eval('1 is 1')
except SyntaxError as e:
    print('eval:', e)
import _ast
tree = compile('print((1)(2))', '<t>', 'exec', _ast.PyCF_ONLY_AST)
try:
    compile(tree, '<tree>', 'exec')
except SyntaxError as e:
    print('tree:', e.args)
