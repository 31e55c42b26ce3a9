# closures: __closure__ cells, cell_contents, empty cells, nonlocal, cells shared between functions
def outer():
    x = 1
    y = "why"
    def get(): return x, y
    def set(v):
        nonlocal x
        x = v
    return get, set
get, set_ = outer()
print(get(), len(get.__closure__), [type(c).__name__ for c in get.__closure__])
print([c.cell_contents for c in get.__closure__])
set_(5)
print(get(), get.__closure__[0].cell_contents, get.__closure__[0] is set_.__closure__[0])
get.__closure__[0].cell_contents = 9
print(get())
def empty_cell():
    def inner(): return z
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError", e)
    z = 1
    print(c.cell_contents)
    del z
    try:
        inner()
    except NameError as e:
        print("NameError", e)
empty_cell()
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c(), c.__code__.co_freevars, counter.__code__.co_cellvars)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make():
    funcs = []
    for i in range(3):
        def f(): return i
        funcs.append(f)
    return funcs
print([f() for f in make()])
cell = get.__closure__[1]
print(cell == cell, cell.cell_contents)
import sys
def cells_eq():
    a = 1
    def f(): return a
    def g(): return a
    return f.__closure__[0] == g.__closure__[0]
print(cells_eq())
print(outer.__closure__)
class K:
    def m(self):
        return __class__
print(K().m() is K, K.m.__closure__[0].cell_contents is K)
def deep():
    a = 1
    def l1():
        def l2():
            return a
        return l2
    return l1()()
print(deep())
