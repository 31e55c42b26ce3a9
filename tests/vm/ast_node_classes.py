# The _ast classes: hierarchy, _fields/_attributes/__match_args__/__doc__, class-level None defaults, the
# constructor (positional and keyword arguments, missing fields left unset as in 3.11), __reduce__, subclassing,
# pattern matching through __match_args__, and the module's PyCF_* constants.
import _ast

names = sorted(n for n in dir(_ast) if not n.startswith('__'))
print(len(names))
print(names)
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

for name in names:
    cls = getattr(_ast, name)
    if not isinstance(cls, type):
        continue
    own = {k: v for k, v in cls.__dict__.items() if k in ('_fields', '_attributes', '__match_args__')}
    defaults = sorted(k for k, v in cls.__dict__.items() if v is None and not k.startswith('__'))
    print(name, cls.__bases__[0].__name__, cls.__module__, own, defaults, cls._attributes)
    print('   ', repr(cls.__doc__))

print(_ast.Add.__mro__)
print(_ast.AST._fields, _ast.AST._attributes, _ast.AST.__match_args__)
print(issubclass(_ast.Name, _ast.expr), issubclass(_ast.ExceptHandler, _ast.excepthandler),
      issubclass(_ast.arguments, _ast.AST), issubclass(_ast.Load, _ast.expr_context))

# Construction
n = _ast.Name()
print(n.__dict__)
for attr in ['id', 'ctx', 'lineno', 'end_lineno']:
    try:
        print(attr, getattr(n, attr))
    except AttributeError as e:
        print('AttributeError:', e)
print(_ast.Name('x').__dict__)
print(_ast.Name('x', _ast.Load(), lineno=3, col_offset=4, foo='bar').__dict__.keys())
print(_ast.Constant(1, 'u').__dict__)
print(_ast.Return().__dict__, _ast.Return().value, _ast.arg().annotation, _ast.keyword().arg)
print(_ast.Module([_ast.Pass()]).__dict__.keys())
for args, kwargs in [(('x', _ast.Load(), 3), {}), (('x',), {'id': 'y'}), ((1, 2), {}), ((), {'ctx': 1, 'id': 2})]:
    try:
        print(sorted(_ast.Name(*args, **kwargs).__dict__.items(), key=str))
    except TypeError as e:
        print('TypeError:', e)
for cls, args in [(_ast.Pass, (1,)), (_ast.Load, (1,)), (_ast.AST, (1,)), (_ast.Return, (1, 2)), (_ast.alias, (1, 2, 3))]:
    try:
        cls(*args)
    except TypeError as e:
        print('TypeError:', e)
print(_ast.AST(foo=1).foo)

# __reduce__
print(_ast.Name('x', lineno=1).__reduce__())
print(_ast.Load().__reduce__())
print(_ast.AST().__reduce__())

# Instances are independent; the tree objects are plain mutable objects.
a = _ast.BinOp(_ast.Constant(1), _ast.Add(), _ast.Constant(2))
a.left.value = 10
a.extra = [1, 2]
print(a.left.value, a.right.value, type(a.op).__name__, a.extra)
del a.extra
print(hasattr(a, 'extra'), _ast.Load() is _ast.Load(), type(_ast.Load()) is _ast.Load)


# Subclasses keep the constructor and the fields.
class MyName(_ast.Name):
    _fields = ('id', 'ctx', 'extra')


m = MyName('a', None, 'e')
print(m.__dict__, isinstance(m, _ast.expr), MyName.__match_args__)


class WithInit(_ast.Constant):
    def __init__(self, v):
        super().__init__(v * 2, kind=None)


print(WithInit(21).__dict__)

# Pattern matching uses __match_args__.
def describe(node):
    match node:
        case _ast.BinOp(_ast.Constant(l), _ast.Add(), _ast.Constant(r)):
            return 'sum %r %r' % (l, r)
        case _ast.Name(id=name, ctx=_ast.Store()):
            return 'store ' + name
        case _ast.Name(name):
            return 'name ' + name
        case _:
            return 'other'


print(describe(_ast.BinOp(_ast.Constant(1), _ast.Add(), _ast.Constant(2))))
print(describe(_ast.Name('v', _ast.Store())), describe(_ast.Name('w', _ast.Load())), describe(_ast.Pass()))
