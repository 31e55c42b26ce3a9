# Running code objects: a function's __code__ with exec(), the closure= argument for code with free variables,
# eval() refusing them, and the co_* attributes of what compile() makes.
def make(n):
    def inner():
        print("inner sees", n)
    return inner

f = make(5)
code = f.__code__
print(code.co_name, code.co_freevars, code.co_argcount, code.co_flags & 0x10 != 0)
try:
    exec(code)
except TypeError as err:
    print("TypeError:", err)
try:
    exec(code, {}, {}, closure=())
except TypeError as err:
    print("TypeError:", err)
try:
    exec(code, {}, {}, closure=(1,))
except TypeError as err:
    print("TypeError:", err)
exec(code, {}, {}, closure=f.__closure__)
try:
    eval(code)
except TypeError as err:
    print("TypeError:", err)

def plain():
    print("plain function body runs under exec")
exec(plain.__code__)

c = compile("def g(a, b=1, *args, c, **kw):\n    x = a\n    return x\n", "<file.py>", "exec")
print(c.co_name, c.co_filename, c.co_argcount, c.co_names, c.co_firstlineno, c.co_varnames, c.co_nlocals)
g = [k for k in c.co_consts if hasattr(k, "co_code")][0]
print(g.co_name, g.co_qualname, g.co_argcount, g.co_kwonlyargcount, g.co_posonlyargcount, g.co_varnames)
print(g.co_nlocals, g.co_flags, g.co_cellvars, g.co_freevars, g.co_firstlineno, g.co_stacksize)
print(list(g.co_lines())[-1][2], [p[0] for p in g.co_positions()][:3])
print(type(g.co_code).__name__, len(g.co_code) % 2, type(g.co_linetable).__name__, type(g.co_exceptiontable).__name__)
print(compile("x", "f", "eval").co_consts, compile("'doc'", "f", "exec").co_consts)

# A function's code runs as a call without arguments: parameters are checked, generator code makes a generator.
def needs(a, b):
    return a + b
try:
    exec(needs.__code__)
except TypeError as err:
    print("TypeError:", err)
def gen():
    yield "from generator code"
made = eval(gen.__code__)
print(type(made).__name__, next(made))
print(exec(gen.__code__))
def uses_global():
    return marker
print(eval(uses_global.__code__, {"marker": "globals given to eval"}))
