# Generator throw(): the type, type+value, instance and type+value+traceback signatures.
def g():
    try:
        yield 1
    except ValueError as e:
        print('caught', type(e).__name__, e.args)
        yield 'recovered'
    finally:
        print('finally')
    yield 'after'

it = g()
print(next(it))
print(it.throw(ValueError))
print(next(it))

it = g()
next(it)
print(it.throw(ValueError, 'msg'))
it.close()

it = g()
next(it)
print(it.throw(ValueError, ('a', 'b')))
it.close()

it = g()
next(it)
print(it.throw(ValueError('inst')))
it.close()

it = g()
next(it)
print(it.throw(ValueError, ValueError('inst2')))
it.close()

it = g()
next(it)
print(it.throw(ValueError, None, None))
it.close()

# uncaught: propagates out of throw(), generator is finished
it = g()
next(it)
try:
    it.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
print(next(it, 'exhausted'))

# throw into a just-started generator: raised at the start, no handler runs
it = g()
try:
    it.throw(ValueError('early'))
except ValueError as e:
    print('early', e)
print(next(it, 'exhausted'))

# throw into a finished generator
try:
    it.throw(IndexError)
except IndexError as e:
    print('finished gen re-raises', type(e).__name__)

# bad arguments
it = g()
next(it)
for args in [(1,), (int,), (ValueError('x'), 'y'), (ValueError, 1, 2)]:
    try:
        it.throw(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    it.throw()
except TypeError as e:
    print('TypeError:', e)
print(next(it))

# the exception seen inside is the thrown one; its __traceback__ is set
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print('inside got', type(e).__name__, e)

c = catcher()
next(c)
c.throw(RuntimeError('r1'))
c.throw(TypeError, 't2')
class MyErr(Exception):
    def __init__(self, *a):
        print('MyErr init', a)
        super().__init__(*a)
c.throw(MyErr, 'x')
c.throw(MyErr, ('x', 'y'))
c.throw(MyErr)
c.close()

# throw value that yields a value then returns
def ret():
    try:
        yield 1
    except ZeroDivisionError:
        return 'returned'
r = ret()
next(r)
try:
    r.throw(ZeroDivisionError)
except StopIteration as e:
    print('StopIteration', e.value)
