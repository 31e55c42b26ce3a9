# descriptor protocol: data vs non-data precedence, __get__/__set__/__delete__, lookups on the class
class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class Data:
    def __get__(self, obj, objtype=None):
        return ("data", obj is None, objtype.__name__)
    def __set__(self, obj, value):
        print("Data.__set__", value)
    def __delete__(self, obj):
        print("Data.__delete__")
class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)
class C:
    nd = NonData()
    d = Data()
    so = SetOnly()
c = C()
print(c.nd, c.d, C.nd, C.d)
c.__dict__["nd"] = "instance wins over non-data"
c.__dict__["d"] = "instance loses to data"
print(c.nd, c.d)
c.d = 5
del c.d
c.so = 7
print(type(c.so).__name__)
c.__dict__["so"] = "inst"
print(c.so)
del c.nd
print(c.nd)
try:
    del c.nd
except AttributeError as e:
    print("AttributeError", e)

class Verbose:
    def __init__(self, name): self.name = name
    def __get__(self, obj, objtype):
        print("get", self.name, obj is not None)
        return 1
class Meta(type):
    mattr = Verbose("meta")
class K(metaclass=Meta):
    kattr = Verbose("class")
print(K.kattr, K.mattr)
print(K().kattr)
try:
    K().mattr
except AttributeError as e:
    print("AttributeError", e)

class Plain:
    def method(self): return "m"
f = Plain.__dict__["method"]
print(f.__get__(Plain(), Plain)(), f.__get__(None, Plain) is f)
print(type(f.__get__(Plain())).__name__)

class Desc:
    def __get__(self, obj, owner=None):
        raise AttributeError("from get")
class HasGetattr:
    x = Desc()
    def __getattr__(self, name):
        return "fallback " + name
print(HasGetattr().x)

class Ro:
    def __get__(self, obj, t): return 1
    def __set__(self, obj, v): raise AttributeError("read-only")
class R:
    a = Ro()
try:
    R().a = 2
except AttributeError as e:
    print("AttributeError", e)

# builtin descriptors
print(type(str.__dict__["upper"]).__name__)
print(str.__dict__["upper"]("abc"))
print(type(object.__dict__["__class__"]).__name__)
print(C.__dict__["d"].__class__.__name__)
