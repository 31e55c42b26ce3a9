import sys
def show(e):
    sys.excepthook(type(e), e, e.__traceback__)
def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    show(e)
def fin():
    try:
        1/0
    finally:
        print("fin")
try:
    fin()
except ZeroDivisionError as e:
    show(e)
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False
def w():
    with CM():
        {}[1]
try:
    w()
except KeyError as e:
    show(e)
def chain():
    try:
        [][0]
    except IndexError as e:
        raise ValueError("v") from e
try:
    chain()
except ValueError as e:
    show(e)
def ctx():
    try:
        [][0]
    except IndexError:
        None.x
try:
    ctx()
except AttributeError as e:
    show(e)
try:
    exec("def q():\n    return 1/0\nq()")
except ZeroDivisionError as e:
    show(e)
try:
    compile("x = (1,", "<bad>", "exec")
except SyntaxError as e:
    show(e)
try:
    eval("1 +* 2")
except SyntaxError as e:
    show(e)
def reraise():
    try:
        1/0
    except ZeroDivisionError as e:
        raise e
try:
    reraise()
except ZeroDivisionError as e:
    show(e)
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    show(e)
sys.tracebacklimit = 1
try:
    r(0)
except RecursionError as e:
    show(e)
sys.tracebacklimit = 0
try:
    r(0)
except RecursionError as e:
    show(e)
del sys.tracebacklimit
e = ValueError("x")
try:
    1/0
except ZeroDivisionError as z:
    tb = z.__traceback__
print(e.with_traceback(tb) is e, e.__traceback__ is tb)
show(e)
try:
    e.__traceback__ = 5
except TypeError as t:
    print(t)
T = type(tb)
t2 = T(None, tb.tb_frame, 2, 99)
print(t2.tb_lineno, t2.tb_lasti, t2.tb_next)
t2.tb_next = tb
try:
    tb.tb_next = t2
except ValueError as v:
    print(v)
try:
    t2.tb_next = 3
except TypeError as v:
    print(v)
print(sys._getframe().f_back is None, sys._getframe().f_code.co_name)
try:
    sys._getframe(100)
except ValueError as v:
    print(v)
def gg():
    yield sys._getframe()
g = gg()
f = next(g)
print(f is g.gi_frame, f.f_lineno, f.f_back)
try:
    f.clear()
except RuntimeError as v:
    print(v)
def outer():
    return sys._getframe()
fo = outer()
print(fo.f_back is sys._getframe(), fo.f_lineno)
fo.clear()
fo.f_trace = print
print(fo.f_trace is print, fo.f_trace_lines, fo.f_trace_opcodes)
r(0)
