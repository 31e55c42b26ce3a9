# An uncaught exception goes to sys.excepthook when the program replaced it: it receives the type, the value and
# the traceback, and the exit code is still 1.
import sys
print(sys.excepthook is sys.__excepthook__)

def hook(exc_type, exc, tb):
    print("hook:", exc_type.__name__, exc, type(exc).__mro__[1].__name__)
    sys.stdout.flush()

sys.excepthook = hook
def fail():
    raise LookupError("not found anywhere")
print("before")
fail()
print("never printed")
