# Traceback objects: the __traceback__ chain built while unwinding, tb_next/tb_frame/tb_lineno/tb_lasti,
# with_traceback, re-raising, sys.exc_info, generator throw() with a traceback, TracebackType(...), tb_next's
# setter, and __traceback__ assignment.
import sys

def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti == tb.tb_frame.f_lasti or None))
        tb = tb.tb_next
    return out

def inner(d):
    return d["missing"]

def middle(d):
    return [inner(d) for _ in range(1)]

def outer():
    return middle({})

try:
    outer()
except KeyError as e:
    first = e
    print(walk(e.__traceback__))
    print(sys.exc_info()[2] is e.__traceback__, type(sys.exc_info()[2]).__name__)
print(sys.exc_info())

def reraiser():
    try:
        outer()
    except KeyError as e:
        raise e

try:
    reraiser()
except KeyError as e:
    print(len(walk(e.__traceback__)), walk(e.__traceback__)[:3])

def bare():
    try:
        outer()
    except KeyError:
        raise

try:
    bare()
except KeyError as e:
    print([name for name, _, _ in walk(e.__traceback__)])

def finally_path():
    try:
        return 1 / 0
    finally:
        pass

try:
    finally_path()
except ZeroDivisionError as e:
    print(walk(e.__traceback__))

e = ValueError("fresh")
print(e.__traceback__, e.with_traceback(None) is e)
try:
    raise e
except ValueError:
    pass
print([n for n, _, _ in walk(e.__traceback__)])
tb = first.__traceback__
print(e.with_traceback(tb).__traceback__ is tb)
e.__traceback__ = None
print(e.__traceback__)
for bad in (5, "tb"):
    try:
        e.__traceback__ = bad
    except TypeError as err:
        print("TypeError:", err)
    try:
        e.with_traceback(bad)
    except TypeError as err:
        print("TypeError:", err)
try:
    del e.__traceback__
except TypeError as err:
    print("TypeError:", err)

# raise ... with_traceback: the old entries stay after the new ones.
try:
    raise RuntimeError("again").with_traceback(tb)
except RuntimeError as err:
    print([n for n, _, _ in walk(err.__traceback__)])

TB = type(tb)
made = TB(None, tb.tb_frame, 6, 123)
print(made.tb_lineno, made.tb_lasti, made.tb_next, made.tb_frame is tb.tb_frame)
made.tb_next = tb
print(made.tb_next is tb)
for value in (made, 3):
    try:
        tb.tb_next = value
    except (ValueError, TypeError) as err:
        print(type(err).__name__ + ":", err)
try:
    del made.tb_next
except TypeError as err:
    print("TypeError:", err)
try:
    made.tb_lineno = 1
except AttributeError as err:
    print("AttributeError:", err)
for args in ((3, tb.tb_frame, 0, 0), (None, 3, 0, 0), (None, tb.tb_frame, 1.5, 0), (None, tb.tb_frame, 0)):
    try:
        TB(*args)
    except TypeError as err:
        print("TypeError:", err)
made.tb_next = None

def gen():
    try:
        yield 1
    except ZeroDivisionError as err:
        yield [n for n, _, _ in walk(err.__traceback__)]

g = gen()
next(g)
print(g.throw(ZeroDivisionError, ZeroDivisionError("z"), tb))
try:
    g.throw(ValueError, None, 5)
except TypeError as err:
    print("TypeError:", err)

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print([n for n, _, _ in walk(eg.__traceback__)], eg.exceptions[0].__traceback__)
