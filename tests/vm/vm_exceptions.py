def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    if n == 2:
        return [1][5]
    if n == 3:
        return {}["k"]
    if n == 4:
        return undefined_name
    if n == 5:
        return 1 + "a"
    if n == 6:
        return int("x")
    if n == 7:
        return None.attr
    return n
for i in range(9):
    try:
        print(risky(i))
    except (ValueError, KeyError) as e:
        print("VK", type(e).__name__, e, repr(e), e.args)
    except LookupError as e:
        print("Lookup", type(e).__name__, e)
    except Exception as e:
        print("Exc", type(e).__name__, e)
    else:
        print("no error")
    finally:
        print("finally", i)
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except MyError as e:
    print(e, e.code, e.args, isinstance(e, Exception))
def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            raise RuntimeError("outer")
    except RuntimeError as e:
        print(e, repr(e.__context__), e.__cause__)
    try:
        raise ValueError("a") from KeyError("b")
    except ValueError as e:
        print(e, repr(e.__cause__), e.__suppress_context__)
nested()
def finally_return():
    try:
        return "try"
    finally:
        print("cleanup")
print(finally_return())
def loop_break():
    for i in range(5):
        try:
            if i == 2:
                break
            continue
        finally:
            print("f", i)
    return i
print(loop_break())
try:
    try:
        raise IndexError("x")
    finally:
        print("inner finally")
except IndexError:
    print("outer caught")
try:
    raise
except RuntimeError as e:
    print(e)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
try:
    raise StopIteration
except Exception as e:
    print(type(e).__name__, repr(e))
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("reraised", e)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with Ctx() as c:
    print("body")
with Ctx():
    raise ValueError("suppressed")
print("after with")
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args)
print(repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
