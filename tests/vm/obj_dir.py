# dir(): default object.__dir__, classes (MRO merged), custom __dir__, modules, no-arg dir()
class A:
    a = 1
    def m(self): pass
class B(A):
    b = 2
    def __init__(self): self.inst = 3
names = dir(B())
print([n for n in names if not n.startswith("__")])
print("__init__" in names, "__class__" in names, "__dict__" in names, "__weakref__" in names, "__module__" in names)
print([n for n in dir(B) if not n.startswith("__")])
print(len(dir(object)), dir(object)[:5])
class Custom:
    def __dir__(self): return ["z", "a", "m"]
print(dir(Custom()))
class CustomTuple:
    def __dir__(self): return ("b", "a")
print(dir(CustomTuple()))
def f():
    x = 1; y = 2
    return dir()
print(f())
print(dir(1) == dir(int))
class BadDir:
    def __dir__(self): return 1
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError", e)
print(sorted(dir(type("X", (), {"q": 1})))[-3:])
class Meta(type):
    def meta_method(cls): pass
class WithMeta(metaclass=Meta):
    k = 1
print("meta_method" in dir(WithMeta), "k" in dir(WithMeta), "mro" in dir(WithMeta))
