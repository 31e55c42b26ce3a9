# Run with -OO (exec_flag_OO.flags): sys.flags.optimize is 2; code compiled at run time loses asserts and
# docstrings unless compile() is told another level.
import sys
print(sys.flags.optimize)
ns = {}
exec('"""module doc"""\ndef f():\n    "function doc"\n    assert 0\n    return 1\nclass C:\n    "class doc"\n', ns)
print(ns.get("__doc__"), ns["f"].__doc__, ns["C"].__doc__, ns["f"]())
exec(compile('def g():\n    "kept"\n', "<g>", "exec", optimize=0), ns)
print(ns["g"].__doc__)
exec(compile('def h():\n    "level one keeps it"\n', "<h>", "exec", optimize=1), ns)
print(ns["h"].__doc__)
print(eval("__debug__"))
