# raise ... from None hides the context in the traceback
try:
    1 / 0
except ZeroDivisionError:
    raise RuntimeError("clean") from None
