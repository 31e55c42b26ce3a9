# the 3.11 exception hierarchy: every builtin exception's MRO, and attributes of the common ones
names = ["BaseException", "BaseExceptionGroup", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "Exception",
  "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError",
  "BufferError", "EOFError", "ExceptionGroup", "ImportError", "ModuleNotFoundError", "LookupError", "IndexError",
  "KeyError", "MemoryError", "NameError", "UnboundLocalError", "OSError", "BlockingIOError", "ChildProcessError",
  "ConnectionError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
  "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
  "PermissionError", "ProcessLookupError", "TimeoutError", "ReferenceError", "RuntimeError", "NotImplementedError",
  "RecursionError", "StopAsyncIteration", "StopIteration", "SyntaxError", "IndentationError", "TabError",
  "SystemError", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
  "UnicodeTranslateError", "Warning", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
  "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
  "UnicodeWarning", "UserWarning", "EnvironmentError", "IOError"]
import builtins
for n in names:
    t = getattr(builtins, n)
    print(n, [c.__name__ for c in t.__mro__])
print(EnvironmentError is OSError, IOError is OSError)
e = Exception(1, "two")
print(e.args, str(e), repr(e))
print(repr(Exception()), str(Exception()), repr(Exception("x")), str(Exception("x")))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
e = ImportError("msg", name="mod", path="/p")
print(e.name, e.path, e.msg, e.args, str(e))
print(ImportError().name, ModuleNotFoundError("x").name)
class MyErr(ValueError):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
m = MyErr(1, 2)
print(m.args, m.b, str(m), repr(m), isinstance(m, ValueError))
e = ValueError("v")
e.args = ("w", 1)
print(e.args, str(e))
print(BaseException.__new__(ValueError).args)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
e = NameError("n", name="x")
print(e.name)
print(type(Exception.__dict__).__name__ in ("dict", "mappingproxy"))
class WithStr(Exception):
    def __str__(self): return "custom str"
print(str(WithStr()), repr(WithStr("a")))
e = Exception("x")
e.extra = 5
print(e.extra, e.__dict__)
print(Exception("a") == Exception("a"), hash(e) == hash(e))
