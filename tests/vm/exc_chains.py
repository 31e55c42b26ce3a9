# exception chaining: implicit context, explicit cause, suppression, context in finally and nested handlers
def show(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e})")
        e = e.__cause__ if e.__cause__ is not None else (None if e.__suppress_context__ else e.__context__)
    return " <- ".join(parts)
try:
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            int("x")
    except ValueError as v:
        raise KeyError("k") from v
except KeyError as k:
    print(show(k))
    print(repr(k.__context__), k.__context__ is k.__cause__)
try:
    try:
        raise TypeError("t")
    finally:
        raise ValueError("in finally")
except ValueError as v:
    print(show(v))
def handler():
    try:
        raise OSError("inner")
    except OSError:
        return "handled"
try:
    raise RuntimeError("outer")
except RuntimeError:
    print(handler())
    try:
        raise IndexError("during")
    except IndexError as i:
        print(show(i))
e = ValueError("manual")
e.__context__ = KeyError("ctx")
e.__suppress_context__ = True
print(show(e), repr(e.__context__))
e.__suppress_context__ = False
print(show(e))
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        raise a
except ValueError as again:
    print(repr(again.__context__))
def gen():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise
g = gen(); next(g); g.close()
try:
    try:
        raise KeyError("x")
    except KeyError as exc:
        exc2 = exc
        raise
except KeyError as k:
    print(k is exc2)
try:
    raise ValueError("cause test") from KeyError("the cause")
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__, repr(v.__context__))
