# compile(tree) with malformed trees: the TypeError/ValueError/OverflowError messages of CPython's obj2ast_*
# functions (wrong node type, missing required field, wrong field type, None in a required field) and of its
# validator (Python/ast.c: contexts, empty bodies, positions, constants, patterns, arguments...).
import _ast as A

P = dict(lineno=1, col_offset=0)


def N(id, ctx=None, **kw):
    return A.Name(id, ctx or A.Load(), **(kw or P))


def C(v):
    return A.Constant(v, **P)


def E(e):
    return A.Expr(e, **P)


def M(*stmts):
    return A.Module(list(stmts), [])


def check(label, tree, mode='exec'):
    try:
        code = compile(tree, '<tree>', mode)
        print(label, 'ok', type(code).__name__)
    except (TypeError, ValueError, OverflowError, SyntaxError, RecursionError) as e:
        print(label, type(e).__name__ + ':', e)


class Odd:
    def __repr__(self):
        return '<Odd>'


check('not a mod', E(C(1)))
check('wrong mod', M(), 'eval')
check('wrong mod 2', A.Expression(C(1)), 'single')
check('interactive ok', A.Interactive([E(C(1))]), 'single')
check('expression ok', A.Expression(C(1)), 'eval')
check('body missing', A.Module())
check('type_ignores missing', A.Module([]))
check('body not list', A.Module((), []))
check('body not list 2', A.Module(None, []))
check('stmt is int', M(3))
check('stmt is odd', M(Odd()))
check('stmt None', M(None))
check('expr None in list', M(E(A.Tuple([C(1), None], A.Load(), **P))))
check('lineno missing', M(A.Pass()))
check('col_offset missing', M(A.Pass(lineno=1)))
check('lineno str', M(A.Pass(lineno='1', col_offset=0)))
check('lineno huge', M(A.Pass(lineno=2 ** 31, col_offset=0)))
check('lineno negative huge', M(A.Pass(lineno=-2 ** 31 - 1, col_offset=0)))
check('lineno bool', M(A.Pass(lineno=True, col_offset=False)))
check('expr lineno missing', M(E(A.Name('x', A.Load()))))
check('field missing', M(E(A.Name(**P))))
check('ctx missing', M(E(A.Name('x', **P))))
check('field None', M(E(A.Name(None, A.Load(), **P))))
check('identifier int', M(E(A.Name(3, A.Load(), **P))))
check('ctx odd', M(E(A.Name('x', Odd(), **P))))
check('op wrong', M(E(A.BinOp(C(1), 5, C(2), **P))))
check('binop left None', M(E(A.BinOp(None, A.Add(), C(2), **P))))
check('binop right missing', M(E(A.BinOp(C(1), A.Add(), **P))))
check('store context', M(E(N('x', A.Store()))))
check('assign load target', M(A.Assign([N('x')], C(1), **P)))
check('assign call target', M(A.Assign([A.Call(N('f'), [], [], **P)], C(1), **P)))
check('del target', M(A.Delete([N('x', A.Store())], **P)))
check('empty targets', M(A.Assign([], C(1), **P)))
check('name None', M(E(N('None'))))
check('name True', M(A.Assign([N('True', A.Store())], C(1), **P)))
check('constant list', M(E(C([1]))))
check('constant object', M(E(C(Odd()))))
check('constant nested', M(E(C((1, (2, {3}))))))
check('constant ok', M(E(C((1, 2.5, 3j, 'a', b'b', None, ..., True, frozenset({4}))))))


class S(str):
    pass


check('constant str subclass', M(E(C(S('x')))))
check('constant kind int', M(E(A.Constant('x', 3, **P))))
check('boolop one value', M(E(A.BoolOp(A.And(), [C(1)], **P))))
check('compare no comparators', M(E(A.Compare(C(1), [], [], **P))))
check('compare mismatch', M(E(A.Compare(C(1), [A.Lt()], [C(2), C(3)], **P))))
check('dict mismatch', M(E(A.Dict([C(1)], [], **P))))
check('dict None key ok', M(E(A.Dict([None], [N('d')], **P))))
check('if empty body', M(A.If(C(1), [], [], **P)))
check('while empty body', M(A.While(C(1), [], [], **P)))
check('for empty body', M(A.For(N('x', A.Store()), N('y'), [], [], **P)))
check('def empty body', M(A.FunctionDef('f', A.arguments([], [], None, [], [], None, []), [], [], **P)))
check('class empty body', M(A.ClassDef('C', [], [], [], [], **P)))
check('with no items', M(A.With([], [A.Pass(**P)], **P)))
check('try nothing', M(A.Try([A.Pass(**P)], [], [], [], **P)))
check('try orelse', M(A.Try([A.Pass(**P)], [], [A.Pass(**P)], [A.Pass(**P)], **P)))
check('try empty', M(A.Try([], [], [], [], **P)))
check('handler empty', M(A.Try([A.Pass(**P)], [A.ExceptHandler(None, None, [], **P)], [], [], **P)))
check('raise cause only', M(A.Raise(None, N('c'), **P)))
check('import empty', M(A.Import([], **P)))
check('importfrom negative', M(A.ImportFrom('m', [A.alias('x', **P)], -1, **P)))
check('importfrom level None', M(A.ImportFrom('m', [A.alias('x', **P)], None, **P)))
check('global empty', M(A.Global([], **P)))
check('annassign simple', M(A.AnnAssign(A.Attribute(N('a'), 'b', A.Store(), **P), N('int'), None, 1, **P)))
check('annassign simple missing', M(A.AnnAssign(N('a', A.Store()), N('int'), None, **P)))
check('lambda defaults', M(E(A.Lambda(A.arguments([], [], None, [], [], None, [C(1)]), C(1), **P))))
check('kw_defaults', M(E(A.Lambda(A.arguments([], [], None, [A.arg('a', **P)], [], None, []), C(1), **P))))
check('kw_defaults None ok', M(E(A.Lambda(A.arguments([], [], None, [A.arg('a', **P)], [None], None, []), C(1), **P))))
check('arguments missing', M(E(A.Lambda(A.arguments(), C(1), **P))))
check('arg position missing', M(E(A.Lambda(A.arguments([], [A.arg('a')], None, [], [], None, []), C(1), **P))))
check('comprehension none', M(E(A.ListComp(N('x'), [], **P))))
check('comprehension target', M(E(A.ListComp(N('x'), [A.comprehension(N('x'), N('y'), [], 0)], **P))))
check('comprehension ok', M(E(A.ListComp(N('x'), [A.comprehension(N('x', A.Store()), N('y'), [], 0)], **P))))
check('starred ctx', M(A.Assign([A.Tuple([A.Starred(N('x'), A.Store(), **P)], A.Store(), **P)], N('y'), **P)))
check('line range', M(A.Pass(lineno=3, col_offset=0, end_lineno=2, end_col_offset=0)))
check('column range', M(A.Pass(lineno=3, col_offset=5, end_lineno=3, end_col_offset=2)))
check('negative line', M(A.Pass(lineno=-1, col_offset=0, end_lineno=1, end_col_offset=0)))
check('negative column', M(A.Pass(lineno=1, col_offset=-1, end_lineno=1, end_col_offset=3)))
check('end None', M(A.Pass(lineno=2, col_offset=3, end_lineno=None, end_col_offset=None)))
check('namedexpr target', M(E(A.NamedExpr(A.Attribute(N('a'), 'b', A.Store(), **P), C(1), **P))))


PP = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=0)


def match(*cases):
    return M(A.Match(N('s'), list(cases), **P))


def case(pattern, body=None):
    return A.match_case(pattern, None, body or [A.Pass(**P)])


check('pattern end missing', match(case(A.MatchAs(None, None, **P))))
check('match no cases', match())
check('match empty body', match(A.match_case(A.MatchAs(None, None, **PP), None, [])))
check('match value name', match(case(A.MatchValue(N('x'), **PP))))
check('match value none', match(case(A.MatchValue(C(None), **PP))))
check('match singleton', match(case(A.MatchSingleton(1, **PP))))
check('match star', match(case(A.MatchStar('x', **PP))))
check('match capture _', match(case(A.MatchAs(None, '_', **PP))))
check('match as no name', match(case(A.MatchAs(A.MatchAs(None, None, **PP), None, **PP))))
check('match or one', match(case(A.MatchOr([A.MatchAs(None, None, **PP)], **PP))))
check('match mapping', match(case(A.MatchMapping([C(1)], [], None, **PP))))
check('match class cls', match(case(A.MatchClass(C(1), [], [], [], **PP))))
check('match class kwd', match(case(A.MatchClass(N('C'), [], ['a'], [], **PP))))
check('match ok', match(case(A.MatchSequence([A.MatchStar('r', **PP), A.MatchValue(C(1), **PP)], **PP))))
check('match complex', match(case(A.MatchValue(A.BinOp(C(1), A.Add(), C(2j), **PP), **PP))))
check('match bad complex', match(case(A.MatchValue(A.BinOp(C(1), A.Mult(), C(2j), **PP), **PP))))

# Errors from the compiler itself (after validation) are SyntaxErrors with the tree's positions.
check('return outside', M(A.Return(None, lineno=3, col_offset=4, end_lineno=3, end_col_offset=10)))
check('break outside', M(A.Break(**P)))
check('await outside', M(E(A.Await(N('x'), **P))))
check('nonlocal at module', M(A.Nonlocal(['x'], **P)))

# Deep nesting
e = C(1)
for i in range(100):
    e = A.UnaryOp(A.USub(), e, **P)
check('deep ok', A.Expression(e), 'eval')


def nest(n, make):
    e = C(1)
    for i in range(n):
        e = make(e)
    return A.Expression(e)


unary = lambda e: A.UnaryOp(A.USub(), e, **P)
inlist = lambda e: A.List([e], A.Load(), **P)
kwcall = lambda e: A.Call(N('f'), [], [A.keyword('k', e, **P)], **P)
# obj2ast counts one recursion level per field it converts, on top of the Python frames.
for n in [990, 998, 999, 1200]:
    check('unary %d' % n, nest(n, unary), 'eval')
for n in [497, 498, 499, 500, 996, 997]:
    check('list %d' % n, nest(n, inlist), 'eval')
    check('keyword %d' % n, nest(n, kwcall), 'eval')


def in_function(n):
    check('in function %d' % n, nest(n, unary), 'eval')


in_function(997)
in_function(998)
