# Generator close(): GeneratorExit at the yield, finally blocks, ignoring GeneratorExit, close of unstarted/finished.
def g():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')

it = g()
print(next(it))
print(it.close())
print(it.close())
print(next(it, 'done'))

it = g()
it.close()          # not started: nothing runs
print(list(it))

def catches():
    try:
        yield 1
    except GeneratorExit as e:
        print('GeneratorExit seen', type(e).__name__, e.args)
        raise

c = catches()
next(c)
c.close()

def ignores():
    try:
        yield 'x'
    except GeneratorExit:
        print('ignoring')
    yield 'y'

i = ignores()
next(i)
try:
    i.close()
except RuntimeError as e:
    print('RuntimeError:', e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'value'
r = returns_on_exit()
next(r)
print('close returns', r.close())

def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('in close')
x = raises_other()
next(x)
try:
    x.close()
except ValueError as e:
    print('ValueError:', e, type(e.__context__).__name__)

def nested_finally():
    try:
        try:
            yield 'a'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
n = nested_finally()
next(n)
n.close()

# the generator is closed when it dies
def dying():
    try:
        yield 1
    finally:
        print('dying cleanup')
d = dying()
next(d)
del d
print('after del')

def with_stmt():
    class CM:
        def __enter__(self): print('enter'); return self
        def __exit__(self, *a): print('exit', a[0].__name__); return False
    with CM():
        yield 1
w = with_stmt()
next(w)
w.close()

# GeneratorExit is a BaseException, not an Exception
def broad():
    try:
        yield
    except Exception:
        print('not reached')
b = broad()
next(b)
b.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
