# isinstance/issubclass: tuples (nested), bool/int, abstract checks via __instancecheck__/__subclasscheck__,
# the TypeErrors for bad second arguments.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, (A,)))), isinstance(b, ()), isinstance(b, C))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance(None, type(None)))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(A, B), issubclass(bool, int), issubclass(int, object))
print(isinstance(A, type), isinstance(type, type), isinstance(type, object), issubclass(type, object))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance('', str), isinstance(b'', bytes))
for call in [lambda: isinstance(1, 1), lambda: isinstance(1, (int, 1)), lambda: issubclass(1, int),
             lambda: issubclass(int, 1), lambda: issubclass(int, (1,)), lambda: isinstance(1), lambda: issubclass()]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
print(isinstance(1, (1, int)) if False else 'short-circuit skipped')
print(isinstance(1, (int, 1)))
class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, str)
    def __subclasscheck__(cls, sub):
        return issubclass(sub, (str, bytes))
class StrLike(metaclass=Meta):
    pass
print(isinstance('x', StrLike), isinstance(1, StrLike), issubclass(bytes, StrLike), issubclass(int, StrLike))
print(isinstance('x', (int, StrLike)), issubclass(str, (int, StrLike)))
sl = StrLike()
print(isinstance(sl, StrLike))
class Liar(type):
    def __instancecheck__(cls, inst):
        return 'yes'
class L(metaclass=Liar):
    pass
print(isinstance(5, L))
class Boom(type):
    def __instancecheck__(cls, inst):
        raise RuntimeError('check failed')
class BB(metaclass=Boom):
    pass
try:
    isinstance(1, BB)
except RuntimeError as e:
    print('RuntimeError:', e)
print(isinstance(BB(), BB))
print(type(b) is B, type(b) == B, type(True) is bool, type(type) is type)
