# Generator cleanup: finally blocks run when the generator is closed by break, by del, when the frame holding it
# returns, when it is garbage because an exception left the loop; a generator never started runs nothing.
def resource(name):
    print('open', name)
    try:
        for i in range(3):
            yield i
    finally:
        print('close', name)

for v in resource('loop-break'):
    if v == 1:
        break
print('after break')

g = resource('deleted')
next(g)
del g
print('after del')

def user():
    r = resource('local')
    print('first', next(r))
    return 'user done'
print(user())

try:
    for v in resource('exception'):
        raise ValueError('in loop body')
except ValueError as e:
    print('caught', e)

unstarted = resource('never started')
del unstarted
print('nothing printed for an unstarted generator')

def nested():
    with_cleanup = resource('inner')
    try:
        yield next(with_cleanup)
    finally:
        print('nested finally')
n = nested()
next(n)
n = None
print('after rebinding')

def counter():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit delivered')
        raise
c = counter()
next(c)
c = 5
print('end', c)
