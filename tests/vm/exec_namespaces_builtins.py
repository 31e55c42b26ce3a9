# globals(), locals() and vars() as exec() and eval() rely on them.
g = globals()
print(g is globals(), g["__name__"], "g" in g)
print(locals() is globals())
def f(a, b=2):
    c = a + b
    snapshot = locals()
    d = 4
    again = locals()
    return sorted(snapshot), snapshot is again, sorted(again)
print(f(1))
def with_cells():
    x = 1
    def inner():
        return x
    return sorted(locals())
print(with_cells())
def deleted():
    a = 1
    first = dict(locals())
    del a
    return sorted(first), sorted(locals())
print(deleted())
class C:
    attr = 1
    names = sorted(locals())
print(C.names)
class Obj:
    def __init__(self):
        self.x = 1
print(vars(Obj()), sorted(k for k in vars(C) if not k.startswith("__")))
def uses_vars():
    v = "value"
    return vars()
print(uses_vars())
import sys
print(vars(sys) is sys.__dict__)
try:
    vars(5)
except TypeError as err:
    print("TypeError:", err)

# exec() in a function writes to the frame's locals dict, which locals() returns afterwards.
def run():
    exec("made = 'by exec'")
    return locals().get("made")
print(run())
# eval() and exec() default to the caller's globals and locals.
def caller():
    local_name = "local"
    return eval("local_name + '!'"), eval("__name__")
print(caller())
