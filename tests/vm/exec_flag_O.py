# Run with -O (exec_flag_O.flags): sys.flags.optimize is 1, and compile()/exec()/eval() compile at that level by
# default — asserts are gone, __debug__ is False, docstrings stay. (The main script's own statements are not
# checked: the .pyc golden was compiled without -O.)
import sys
print(sys.flags.optimize)
exec("assert False, 'not stripped'")
print("exec'd assert was stripped")
print(eval("__debug__"), eval(compile("__debug__", "<d>", "eval", optimize=0)))
ns = {}
exec('def f():\n    "docstring kept at -O"\n    assert 0\n    return "ran"\n', ns)
print(ns["f"].__doc__, ns["f"]())
c = compile("assert x", "<a>", "exec")
print(c.co_names)
print(compile("assert x", "<a>", "exec", optimize=0).co_names)
