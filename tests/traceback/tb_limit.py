# sys.tracebacklimit cuts the oldest entries of printed tracebacks.
import sys

def a(n):
    if n == 0:
        return {}["k"]
    return a(n - 1)

for limit in (2, 1, 0, -5, 10**30):
    sys.tracebacklimit = limit
    try:
        a(3)
    except KeyError as e:
        print("limit", limit, file=sys.stderr)
        sys.excepthook(type(e), e, e.__traceback__)
sys.tracebacklimit = 3
a(6)
