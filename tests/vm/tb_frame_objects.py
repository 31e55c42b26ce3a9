# Frame objects: sys._getframe, f_back chains, f_lineno/f_lasti of running and finished frames, f_locals,
# f_globals/f_builtins, f_trace, clear(), generator frames, and frames kept alive by tracebacks.
import sys

def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno

def caller():
    return where()

print(caller())
print(where())

def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names

def a(): return b()
def b(): return chain()
print(a())

f0 = sys._getframe()
print(type(f0).__name__, f0.f_code.co_name, f0.f_back, f0.f_globals is globals(), f0.f_locals is globals())
print(f0.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else f0.f_builtins is __builtins__)
print(sys._getframe() is f0, sys._getframe(0) is sys._getframe())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
for bad in (1.5, "x"):
    try:
        sys._getframe(bad)
    except TypeError as e:
        print("TypeError:", e)

def keep(x, y=2):
    z = x + y
    cell = [z]
    def inner():
        return cell
    return sys._getframe(), inner

fr, inner = keep(1)
print(fr.f_code.co_name, fr.f_lineno, fr.f_lasti > 0, fr.f_back is f0)
print(sorted((k, v) for k, v in fr.f_locals.items() if k != "inner"), sorted(fr.f_locals))
print(fr.f_locals is fr.f_locals)
fr.clear()
print(fr.f_locals)
try:
    f0.clear()
except RuntimeError as e:
    print("RuntimeError:", e)

print(f0.f_trace, f0.f_trace_lines, f0.f_trace_opcodes)
f0.f_trace = len
print(f0.f_trace is len)
f0.f_trace = None
print(f0.f_trace)
for attr, value in (("f_back", None), ("f_locals", {}), ("f_lasti", 3), ("f_trace_lines", 1)):
    try:
        setattr(f0, attr, value)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)

def gen():
    me = sys._getframe()
    yield me
    yield sys._getframe().f_back.f_code.co_name

g = gen()
print(g.gi_frame.f_lineno, g.gi_frame.f_lasti)
me = next(g)
print(me is g.gi_frame, me.f_lineno, me.f_back)
print(next(g))
print(list(g), g.gi_frame)
print(me.f_code.co_name, me.f_back)

def lineno_now():
    return sys._getframe().f_back.f_lineno

x = (lineno_now(),
     lineno_now())
print(x)

def failing():
    local_value = "kept"
    raise KeyError("k")

try:
    failing()
except KeyError as e:
    tb = e.__traceback__
print(tb.tb_frame is f0, tb.tb_next.tb_frame.f_locals, tb.tb_next.tb_frame.f_back is f0)
print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_lineno)

class C:
    def method(self):
        return sys._getframe().f_locals["self"] is self
    @property
    def prop(self):
        return sys._getframe(1).f_lineno
print(C().method(), C().prop)
print((lambda: sys._getframe().f_code.co_name)(), [sys._getframe().f_code.co_name for _ in "a"])
