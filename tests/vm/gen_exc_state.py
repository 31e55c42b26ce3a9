# Exception state across yields: a generator's handled exception survives suspension, bare raise inside,
# __context__ chaining from the caller's handled exception, exceptions thrown in while handling.
import sys

def in_handler():
    try:
        raise KeyError('inside')
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield repr(sys.exc_info()[1])
        raise

g = in_handler()
print(next(g))
print(sys.exc_info())
print(next(g))
try:
    next(g)
except KeyError as e:
    print('bare raise in generator re-raised', repr(e))

def sees_caller():
    yield repr(sys.exc_info()[1])

try:
    raise ValueError('caller')
except ValueError:
    print(next(sees_caller()))

def raises():
    yield 1
    raise TypeError('from generator')

r = raises()
next(r)
try:
    raise ValueError('handling')
except ValueError:
    try:
        next(r)
    except TypeError as e:
        print('context is the caller exception:', repr(e.__context__))

def catches_thrown():
    try:
        yield
    except ZeroDivisionError as e:
        yield ('context', repr(e.__context__))

ct = catches_thrown()
next(ct)
print(ct.throw(ZeroDivisionError('thrown')))

def handler_then_yield():
    try:
        raise OSError('os')
    except OSError:
        yield 'in except'
    yield repr(sys.exc_info())

h = handler_then_yield()
print(next(h))
print(next(h))

def throw_while_handling():
    try:
        raise KeyError('first')
    except KeyError:
        try:
            yield
        except RuntimeError as e:
            yield 'context=' + repr(e.__context__)

tw = throw_while_handling()
next(tw)
print(tw.throw(RuntimeError('second')))

def finally_after_return():
    try:
        return 'r'
        yield
    finally:
        print('finally ran on return')
try:
    next(finally_after_return())
except StopIteration as e:
    print('value', e.value)
print(sys.exc_info())
