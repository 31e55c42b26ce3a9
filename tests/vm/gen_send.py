# Generator send(): priming, values flowing in both directions, return values and StopIteration.value.
def echo():
    received = []
    x = yield 'ready'
    while x is not None:
        received.append(x)
        x = yield x * 2
    return received

g = echo()
print(next(g))
print(g.send(1))
print(g.send('ab'))
print(g.send([3]))
try:
    g.send(None)
except StopIteration as e:
    print('stop', e.value, e.args)
try:
    g.send(5)
except StopIteration as e:
    print('again', e.value, e.args)

g = echo()
try:
    g.send(42)
except TypeError as e:
    print('TypeError:', e)
print(g.send(None))

def ret_none():
    yield 1
s = ret_none()
next(s)
try:
    next(s)
except StopIteration as e:
    print(repr(e.value), e.args)

def ret_tuple():
    yield
    return (1, 2)
t = ret_tuple()
next(t)
try:
    t.send(None)
except StopIteration as e:
    print(e.value, e.args)

def ret_exc():
    if False:
        yield
    return StopIteration('inner')
try:
    next(ret_exc())
except StopIteration as e:
    print(type(e.value).__name__, e.value)

def accum():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total

a = accum()
next(a)
for i in range(5):
    print(a.send(i), end=' ')
print()
try:
    a.send(None)
except StopIteration as e:
    print('total', e.value)

try:
    g.send()
except TypeError as e:
    print('TypeError:', e)
try:
    g.send(1, 2)
except TypeError as e:
    print('TypeError:', e)

# list() / for swallow the return value
def r():
    yield 1
    yield 2
    return 99
print(list(r()), [x for x in r()], sum(r()))
it = r()
print(next(it), next(it), next(it, 'dflt'), next(it, 'dflt2'))
