# The rest of sys a program without a standard library uses: argv, the recursion limit, exc_info() and
# exception(), intern(), the encodings.
import sys
print(len(sys.argv), sys.argv[1:], sys.argv[0].endswith(("exec_sys_misc.py", "exec_sys_misc.pyc")))
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
def depth(n):
    return depth(n + 1) if n < 10000 else n
try:
    depth(0)
except RecursionError as err:
    print("RecursionError:", err)
sys.setrecursionlimit(1000)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as err:
        print("ValueError:", err)
for bad in ("a", 1.5):
    try:
        sys.setrecursionlimit(bad)
    except TypeError as err:
        print("TypeError:", err)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, sys.exception() is e)
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[0])
s = sys.intern("interned" + str(1))
print(s is sys.intern("interned1"), s)
try:
    sys.intern(b"x")
except TypeError as err:
    print("TypeError:", err)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
for name in ["getrecursionlimit", "exc_info", "exception", "getdefaultencoding"]:
    try:
        getattr(sys, name)(1)
    except TypeError as err:
        print("TypeError:", err)
try:
    sys.intern()
except TypeError as err:
    print("TypeError:", err)
print(sys.is_finalizing(), sys.gettrace(), sys.getprofile(), sys.getswitchinterval())
