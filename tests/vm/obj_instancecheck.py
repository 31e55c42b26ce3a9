# isinstance/issubclass with __instancecheck__/__subclasscheck__, tuples, abstract-ish patterns without abc
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=Meta): pass
class Mallard:
    def quack(self): pass
class Stone: pass
print(isinstance(Mallard(), Duck), isinstance(Stone(), Duck))
print(issubclass(Mallard, Duck), issubclass(Stone, Duck))
print(isinstance(Mallard(), (int, Duck)))
print(isinstance(Duck(), Duck))
print(issubclass(Duck, Duck))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(int, (int, 1))
except TypeError as e:
    print("TypeError", e)
print(isinstance(1, (str, (float, int))), issubclass(bool, ((str,), int)))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
class FakeClass:
    __class__ = int
print(isinstance(FakeClass(), int), type(FakeClass()).__name__)
class AbstractBase:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Square(AbstractBase):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Broken(AbstractBase): pass
print(Square(3).describe())
try:
    Broken().describe()
except NotImplementedError as e:
    print("NotImplementedError", e)
class Registry(type):
    members = []
    def __subclasscheck__(cls, sub):
        return sub in cls.members or type.__subclasscheck__(cls, sub)
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))
class Iface(metaclass=Registry): pass
Registry.members.append(int)
print(isinstance(3, Iface), issubclass(int, Iface), isinstance("s", Iface))
class Impl(Iface): pass
print(isinstance(Impl(), Iface), issubclass(Impl, Iface))
print(type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
class Truthy(type):
    def __instancecheck__(cls, o): return "yes"
class T(metaclass=Truthy): pass
print(isinstance(1, T))
