# compile(source, filename, mode, _ast.PyCF_ONLY_AST) for the four modes: the trees, with every field and position
# attribute, printed by a small ast.dump (include_attributes=True); the operator/context nodes are shared instances.
import _ast


def dump(node):
    if isinstance(node, _ast.AST):
        cls = type(node)
        args = []
        for name in node._fields + node._attributes:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            args.append('%s=%s' % (name, dump(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(args))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump(x) for x in node)
    return repr(node)


def show(source, mode='exec', flags=0):
    tree = compile(source, '<test>', mode, _ast.PyCF_ONLY_AST | flags)
    print(dump(tree))


show('x = 1 + 2 * -y')
show('a, *b = c[1:2, ::3] = d.e')
show('del a[0], b.c')
show('x += 1; y @= 2; z **= 3')
show('x: int = 5\ny.z: "str"\n(w): float')
show('if a and b or not c:\n    pass\nelif d:\n    ...\nelse:\n    raise E from F')
show('for i, j in k:\n    break\nelse:\n    continue')
show('while x < y <= z != w:\n    x = x is not None')
show('with a as b, c:\n    pass')
show('async def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    await g\n    async for x in y: pass\n    async with z: pass')
show('@dec\nclass C(B, metaclass=M, **kw):\n    "doc"\n    def m(self): return (yield)\n    def n(self): yield from x')
show('try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass')
show('try:\n    pass\nexcept* E:\n    pass')
show('import a.b as c, d\nfrom .. import e\nfrom f import (g as h)\nfrom . import *')
show('global a, b\nnonlocal c')
show('assert x, "msg"')
show('lambda x, *, y=1: x if y else -x')
show('[x for x in y if x if not x]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x async for x in y)')
show('{1: 2, **d}\n{1, 2}\n[]\n()\n(1,)')
show("f'a{b!r:>{c}}d' 'e' f'{x=}'")
show('b"bytes"; u"text"; 1.5; 2j; 0x10; True; None; ...; 10**100')
show('(x := 5)\nf(*a, b, k=1, **kw)')
show('match p:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {"k": v, **kw}: pass\n'
     '    case Point(x, y=0) if x: pass\n    case None | True: pass\n    case str() as s: pass\n    case _: pass\n'
     '    case -1 | 1+2j | a.b: pass')
show('x = "é" + "中文"  # comment\ny = x')
show('def f(a,  # type: int\n      ):\n    # type: (...) -> None\n    pass\nx = 1  # type: int\n'
     'for y in z:  # type: int\n    pass\n', flags=_ast.PyCF_TYPE_COMMENTS)
show('x = 1  # type: ignore[foo]\nimport y  # type: ignore', flags=_ast.PyCF_TYPE_COMMENTS)
show('x + 1', 'eval')
show('(a,\n   b)', 'eval')
show('x = 1', 'single')
show('if x:\n    y\n', 'single')
show('(int, str) -> List[int]', 'func_type')
show('() -> None', 'func_type')
show('await x', flags=_ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
show(b'# -*- coding: latin-1 -*-\nx = "\xe9"\n')

t = compile('x = a + b - c', '<test>', 'exec', _ast.PyCF_ONLY_AST)
a = t.body[0].value
print(a.op is a.left.op, a.left.right.ctx is t.body[0].targets[0].ctx, a.left.left.ctx is a.left.right.ctx)
print(type(a.left.left.ctx) is _ast.Load, isinstance(t, _ast.mod), isinstance(a, _ast.expr))
print(compile(t, '<test>', 'exec', _ast.PyCF_ONLY_AST) is t)

for bad in ['x = (', 'def f(:', 'x = 1\n  y = 2']:
    try:
        compile(bad, '<test>', 'exec', _ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
for mode in ['func', 'func_type']:
    try:
        compile('x', '<test>', mode)
    except ValueError as e:
        print(e)
try:
    compile('x', '<test>', 'bogus', _ast.PyCF_ONLY_AST)
except ValueError as e:
    print(e)
