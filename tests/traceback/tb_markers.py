def f(a, b, c):
    x = a * 2
    return x   +   b // c  # comment

def g(d):
    return d["k"][1:2]["z"]

def h(xs):
    return [x ** 2 for x in xs]

k = lambda v: v.missing
def gen():
    yield 1
    yield 1 / 0

import sys
for fn in (lambda: f(1, 2, 0), lambda: g({"k": [1, 2, 3]}), lambda: h([1, None]), lambda: k(3),
           lambda: list(gen()), lambda: {}["a"], lambda: (1 +
              None), lambda: f(
              1, 2, 0)):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)
class A:
    def __getitem__(self, i):
        raise IndexError(i)
    def meth(self):
        return self[3] + 1
def deep(n):
    if n: return deep(n-1)
    return A().meth()
x = "héllo"; y = x + 1 if False else None
def uni():
    s = "é" * 3;   return s    +    5
try:
    uni()
except TypeError as e:
    sys.excepthook(type(e), e, e.__traceback__)
def multi():
    return max(1,
               2, key=5)
try:
    multi()
except TypeError as e:
    sys.excepthook(type(e), e, e.__traceback__)
def wholeline():
    raise ValueError("x")
try:
    wholeline()
except ValueError as e:
    sys.excepthook(type(e), e, e.__traceback__)
deep(5)
