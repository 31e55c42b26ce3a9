# yield from: delegation of next/send/throw/close, return values, non-generator iterators.
def inner():
    try:
        x = yield 'i1'
        print('inner got', x)
        y = yield 'i2'
        print('inner got', y)
    except KeyError as e:
        print('inner caught', repr(e))
        yield 'i-caught'
    finally:
        print('inner finally')
    return 'inner-result'

def outer():
    r = yield from inner()
    print('outer got result', r)
    yield 'o-last'

o = outer()
print(next(o))
print(o.send('A'))
print(o.send('B'))
print(next(o, 'end'))

o = outer()
next(o)
print(o.throw(KeyError('k')))
print(next(o))

o = outer()
next(o)
o.close()
print('closed')

o = outer()
next(o)
try:
    o.throw(ValueError('v'))
except ValueError as e:
    print('propagated', e)

# yield from a list, a range, a str, an iterator class
def flat():
    yield from [1, 2]
    yield from range(3, 5)
    yield from 'ab'
    yield from iter((7,))
print(list(flat()))

class Sub:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration('sub-done')
        return self.i
    def send(self, v):
        print('Sub.send', v)
        return self.__next__()
    def throw(self, *a):
        print('Sub.throw', a[0].__name__ if isinstance(a[0], type) else type(a[0]).__name__)
        raise StopIteration('thrown-done')
    def close(self):
        print('Sub.close')

def deleg():
    r = yield from Sub()
    print('deleg result', r)
    yield 'tail'

d = deleg()
print(next(d))
print(d.send('s'))
print(d.send('t'))

d = deleg()
next(d)
print(d.throw(ValueError))

d = deleg()
next(d)
d.close()

class NoSend:
    def __iter__(self): return self
    def __next__(self): return 'ns'
def d2():
    yield from NoSend()
x = d2()
print(next(x))
try:
    x.send(1)
except AttributeError as e:
    print('AttributeError:', e)

# chains three deep
def a():
    v = yield 'a'
    return v * 2
def b():
    v = yield from a()
    return v + 1
def c():
    v = yield from b()
    yield v
gc = c()
print(next(gc), gc.send(10))

# gi_yieldfrom
def holder():
    yield from inner()
h = holder()
print(h.gi_yieldfrom)
next(h)
print(type(h.gi_yieldfrom).__name__, h.gi_yieldfrom.__name__)
h.close()
print(h.gi_yieldfrom)

try:
    def bad():
        yield from 5
    next(bad())
except TypeError as e:
    print('TypeError:', e)
