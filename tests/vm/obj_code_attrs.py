# code objects: co_* attributes
def f(a, b, /, c, *args, d, e=1, **kw):
    x = a + b
    y = [x for _ in range(2)]
    def inner():
        return x + c
    return inner
co = f.__code__
print(co.co_name, co.co_qualname, co.co_filename.rsplit('/', 1)[-1], co.co_firstlineno)
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_names, co.co_stacksize, co.co_flags)
print(type(co.co_code).__name__, len(co.co_code) > 0, type(co.co_consts).__name__)
inner = f(1, 2, 3, d=4)
ic = inner.__code__
print(ic.co_name, ic.co_qualname, ic.co_freevars, ic.co_varnames, ic.co_argcount, ic.co_flags)
print(type(co.co_lnotab).__name__, type(co.co_linetable).__name__, type(co.co_exceptiontable).__name__)
print([c for c in co.co_consts if not hasattr(c, "co_name")])
print([c.co_name for c in co.co_consts if hasattr(c, "co_name")])
lines = sorted(set(l for _, _, l in co.co_lines() if l is not None))
print(lines)
pos = list(co.co_positions())
print(len(pos) == len(co.co_code) // 2, pos[0])
def g(): pass
print(g.__code__.co_flags, g.__code__.co_stacksize, g.__code__.co_consts, g.__code__.co_nlocals)
lam = lambda: 0
print(lam.__code__.co_name, lam.__code__.co_qualname)
print(co == co, hash(co) == hash(co))
def gen():
    yield
async def coro(): pass
print(gen.__code__.co_flags, coro.__code__.co_flags)
print(repr(g.__code__).startswith("<code object g at "), repr(g.__code__).endswith(', file "obj_code_attrs.py", line 21>'))
