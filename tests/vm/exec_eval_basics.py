# eval(): expressions, leading blanks, bytes source, namespaces, nested use.
print(eval("1 + 2 * 3"), eval("  'indented'.upper()"), eval("\t[1, 2]"), eval(b"b'xy' * 2"))
print(eval("x + y", {"x": 1}, {"y": 2}))
print(eval("len(items)", {"items": [1, 2, 3]}))
x = "module x"
def f():
    x = "local x"
    return eval("x"), eval("x", globals())
print(f())
print(eval("[n * n for n in range(5)]"))
print(eval("(lambda a, b=2: a + b)(40)"))
print(eval("eval('6 * 7')"))
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
code = compile("q * 3", "<code>", "eval")
print(eval(code, {"q": 7}), eval(code, {"q": "ab"}))
print(eval("dict(a=1, **{'b': 2})"))
print(eval("{'k': v for v in 'ab'}", {}))
print(eval("1 if cond else 2", {"cond": 0}))
# A mapping as locals.
class Squares:
    def __getitem__(self, key):
        if key.startswith("sq"):
            return int(key[2:]) ** 2
        raise KeyError(key)
print(eval("sq3 + sq4", {}, Squares()))
try:
    eval("missing", {}, Squares())
except NameError as err:
    print("NameError:", err)
# eval of an exec-mode code object runs it and returns None.
ns = {}
print(eval(compile("r = 5", "<s>", "exec"), ns), ns["r"])
