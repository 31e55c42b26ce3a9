# Generator attributes: gi_frame, gi_running, gi_code, gi_yieldfrom, __name__, __qualname__; "already executing".
def gen():
    print('running inside:', me.gi_running)
    yield 1
    yield 2

me = gen()
print(me.gi_running, me.gi_suspended, me.gi_code is gen.__code__)
print(me.__name__, me.__qualname__)
next(me)
print(me.gi_running, me.gi_suspended)
list(me)
print(me.gi_suspended, me.gi_running, me.gi_code is gen.__code__)

class C:
    def method(self):
        yield self
g = C().method()
print(g.__name__, g.__qualname__)
g.__name__ = 'renamed'
g.__qualname__ = 'C.renamed'
print(g.__name__, g.__qualname__)
try:
    g.__name__ = 5
except TypeError as e:
    print('TypeError:', e)
try:
    g.__qualname__ = None
except TypeError as e:
    print('TypeError:', e)

def selfref():
    yield next(sr)
sr = selfref()
try:
    next(sr)
except ValueError as e:
    print('ValueError:', e)

def sender():
    yield sd.send(None)
sd = sender()
try:
    next(sd)
except ValueError as e:
    print('ValueError:', e)

def closer():
    try:
        yield 1
    finally:
        cl.close()
cl = closer()
next(cl)
try:
    cl.close()
except ValueError as e:
    print('ValueError:', e)

print(type(me).__name__, type(me).__qualname__)
print(hasattr(me, '__iter__'), hasattr(me, '__next__'), iter(me) is me)
print(repr(me).startswith('<generator object gen at 0x'))

