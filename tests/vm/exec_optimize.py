# compile()'s optimize argument: 0 keeps asserts and docstrings, 1 drops asserts and folds __debug__ to False,
# 2 also drops docstrings; -1 is the interpreter's own level (sys.flags.optimize, 0 here).
import sys
src = '''
"""module docstring"""
def f():
    """function docstring"""
    assert False, "assertion ran"
    return __debug__
class C:
    """class docstring"""
result = None
try:
    result = f()
except AssertionError as e:
    result = "AssertionError: " + str(e)
'''
for level in (-1, 0, 1, 2):
    ns = {}
    exec(compile(src, "<opt>", "exec", optimize=level), ns)
    print(level, ns["result"], ns.get("__doc__", "(no __doc__)"), ns["f"].__doc__, ns["C"].__doc__)

print(sys.flags.optimize)
print(eval(compile("__debug__", "<d>", "eval", optimize=1)), eval(compile("__debug__", "<d>", "eval", optimize=0)))
print(eval("__debug__"))
c0 = compile("if __debug__: x = 1\nelse: x = 2", "<b>", "exec", optimize=0)
c1 = compile("if __debug__: x = 1\nelse: x = 2", "<b>", "exec", optimize=1)
for c in (c0, c1):
    ns = {}
    exec(c, ns)
    print(ns["x"], c.co_consts)
# The optimizer keeps assert statements' side effects out at -O: nothing in the message runs.
calls = []
exec(compile("assert calls.append(1) or True, calls.append(2)", "<a>", "exec", optimize=1), {"calls": calls})
exec(compile("assert calls.append(3) or True, calls.append(4)", "<a>", "exec", optimize=0), {"calls": calls})
print(calls)
