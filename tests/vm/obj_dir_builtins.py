# dir() of the built-in types lists CPython 3.11's names (slot wrappers, methods, getset descriptors), and the
# special methods that only appear there work when called directly.
import builtins

skip = {"__loader__", "classmethod", "enumerate", "reversed", "staticmethod", "super", "type", "zip"}
for name in sorted(dir(builtins)):
    t = getattr(builtins, name)
    if isinstance(t, type) and not issubclass(t, BaseException) and name not in skip:
        print(name, dir(t))
print("NoneType", dir(type(None)))

print([].__reversed__().__class__.__name__, list([1, 2, 3].__reversed__()), list({1: 2, 3: 4}.__reversed__()),
      list(range(4).__reversed__()))


class L(list):
    pass


class D(dict):
    pass


print(list(reversed(L([1, 2, 3]))), list(reversed(D(a=1, b=2))))
s = {1, 2, 3}
print(s.__iand__({1, 2}) is s, s, s.__isub__({2}), s.__ixor__({7}), s.__iand__([1]), s)
print((1, 2).__getnewargs__(), b"ab".__bytes__(), type(None).__bool__(None), range(1, 9, 2).start, slice(1, 2, 3).step)
print(hasattr("", "__radd__"), hasattr([], "__radd__"), hasattr(b"", "__radd__"), hasattr(bytearray(), "__getnewargs__"))
print(range.start.__get__(range(5, 7)), slice.stop.__get__(slice(3)))
