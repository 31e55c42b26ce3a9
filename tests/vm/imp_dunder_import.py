# The __import__ builtin, and IMPORT_NAME calling a replaced builtins.__import__.
import builtins
m = __import__("imppkg.sub.beta")
print(m.__name__)
m = __import__("imppkg.sub.beta", fromlist=["BETA"])
print(m.__name__)
m = __import__("imppkg.sub", globals(), locals(), ["beta"], 0)
print(m.__name__, m.beta.BETA)
print(__import__("impbasic").VALUE)
import imppkg.alpha, imppkg.sub.beta
original = builtins.__import__
log = []
def tracing(name, globals=None, locals=None, fromlist=(), level=0):
    log.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)
builtins.__import__ = tracing
import impbasic
from imppkg import alpha
from imppkg.sub import beta as bb
import imppkg.alpha as aa
builtins.__import__ = original
for entry in log:
    print(entry)
try:
    __import__("impbasic", fromlist=[1])
except TypeError as e:
    print("TypeError:", e)
print(__import__("impbasic", fromlist=["nonexistent_ok"]).VALUE)
try:
    __import__()
except TypeError as e:
    print("TypeError:", e)
