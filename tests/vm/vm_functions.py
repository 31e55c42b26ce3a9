def add(a, b=10, *args, key="k", **kw):
    return (a, b, args, key, kw)
print(add(1), add(1, 2, 3, 4, key="z", extra=5), add(*[1, 2], **{"key": "q"}))
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(5))
def compose(f, g):
    return lambda x: f(g(x))
print(compose(lambda x: x + 1, lambda x: x * 2)(5))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, b=2, c=10))
def posonly(a, b, /, c):
    return a * b * c
print(posonly(2, 3, c=4))
g = 100
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)
print(deep(900))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
print(add.__name__, fact.__qualname__, (lambda: 0).__name__)
def defaults(l=[]):
    l.append(1)
    return len(l)
print(defaults(), defaults(), defaults([]))
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
def recurse_forever(n):
    return recurse_forever(n + 1)
try:
    recurse_forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def bad(a, b):
    return a
for call in [lambda: bad(1), lambda: bad(1, 2, 3), lambda: bad(1, c=2), lambda: bad(1, a=2), lambda: kwonly(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
