# add_note / __notes__, __cause__/__context__/__suppress_context__, raise from None, with_traceback
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(1)
except TypeError as t:
    print("TypeError", t)
try:
    try:
        raise KeyError("inner")
    except KeyError as inner:
        raise ValueError("outer") from inner
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer") from None
except ValueError as v:
    print(v.__cause__, repr(v.__context__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as v:
    print(v.__cause__, repr(v.__context__), v.__suppress_context__)
x = ValueError()
x.__cause__ = KeyError()
print(x.__suppress_context__, repr(x.__cause__))
try:
    x.__cause__ = 1
except TypeError as t:
    print("TypeError", t)
try:
    x.__context__ = "s"
except TypeError as t:
    print("TypeError", t)
try:
    raise ValueError("a") from 1
except TypeError as t:
    print("TypeError", t)
try:
    raise 5
except TypeError as t:
    print("TypeError", t)
class NotExc: pass
try:
    raise NotExc
except TypeError as t:
    print("TypeError", t)
try:
    try:
        raise ValueError(1)
    finally:
        print("finally runs")
except ValueError as v:
    print("caught", v)
def reraise():
    try:
        raise KeyError("k")
    except KeyError:
        raise
try:
    reraise()
except KeyError as k:
    print("reraised", repr(k))
try:
    raise
except RuntimeError as r:
    print("RuntimeError", r)
e = Exception()
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as t:
    print("TypeError", t)
