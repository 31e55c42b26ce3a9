# PEP 479: StopIteration raised inside a generator becomes RuntimeError("generator raised StopIteration").
def g():
    yield 1
    raise StopIteration('boom')

it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
    print('cause', repr(e.__cause__), e.__suppress_context__)

def h():
    yield next(iter([]))
try:
    list(h())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

def sub():
    raise StopIteration
    yield
def k():
    yield from sub()
try:
    next(k())
except RuntimeError as e:
    print('delegated', e)

class MyStop(StopIteration):
    pass
def m():
    raise MyStop('mine')
    yield
try:
    next(m())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

# StopAsyncIteration is not converted in plain generators
def sa():
    raise StopAsyncIteration
    yield
try:
    next(sa())
except StopAsyncIteration as e:
    print('StopAsyncIteration passes through')

# returning is fine
def ok():
    yield 1
    return 2
print(list(ok()))

# uncaught: the traceback shows both exceptions
def bad():
    yield 1
    raise StopIteration
for x in bad():
    print(x)
