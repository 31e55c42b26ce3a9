# code.replace(**changes) returns a new code object (CPython: code_replace_impl).

def f(a, b=1):
    x = a + b
    return x * 2


c = f.__code__
g = c.replace(co_name="g", co_qualname="g")
print(g.co_name, g.co_qualname, c.co_name, g.co_varnames, g.co_argcount, g is c, g == c)
same = c.replace()
print(same == c, same.co_code == c.co_code, same.co_consts == c.co_consts)
f.__code__ = c.replace(co_consts=tuple(3 if k == 2 else k for k in c.co_consts))
print(f(1), f(1, 2))


def h():
    return "old"


h.__code__ = h.__code__.replace(co_consts=("new",) + h.__code__.co_consts[1:])
print(h())
print(c.replace(co_filename="other.py").co_filename, c.replace(co_firstlineno=100).co_firstlineno)
print(c.replace(co_varnames=("p", "q", "r")).co_varnames)
for kw in [{"co_name": 1}, {"co_consts": [1]}, {"co_bogus": 1}, {"co_argcount": "x"}]:
    try:
        c.replace(**kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    c.replace(1)
except TypeError as e:
    print("TypeError:", e)
