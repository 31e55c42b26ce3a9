# metaclasses: __new__, __init__, __call__, __prepare__, kwargs, inheritance of the metaclass
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", mcls.__name__, name, kw))
        d = {"injected": 42}
        return d
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, sorted(k for k in ns if not k.startswith("__")), kw))
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw.get("flag", None)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kw):
        log.append(("call", cls.__name__, args))
        obj = super().__call__(*args, **kw)
        obj.made_by_meta = True
        return obj

class A(metaclass=Meta, flag="yes"):
    def __init__(self, v):
        self.v = v
    def m(self):
        return self.v

print(log)
log.clear()
a = A(3)
print(log, a.v, a.m(), a.made_by_meta, A.injected, A.extra)
print(type(A) is Meta, isinstance(A, Meta), isinstance(A, type))
class B(A):
    pass
print(type(B).__name__, B.extra, log)
b = B(5)
print(b.v, b.made_by_meta)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self):
        print("S init")
print(S() is S())

class Ordered(type):
    def __new__(mcls, name, bases, ns):
        cls = type.__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
class O(metaclass=Ordered):
    z = 1
    a = 2
    def m(self): pass
print(O.order)

def func_meta(name, bases, ns):
    print("func_meta", name, bases, sorted(k for k in ns if not k.startswith("__")))
    return 99
class F(metaclass=func_meta):
    x = 1
print(F)

class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class Y(X1, X2): pass
except TypeError as e:
    print("TypeError", e)
class M3(M1): pass
class X3(metaclass=M3): pass
class Z(X1, X3): pass
print(type(Z).__name__)
print(Meta.__mro__ == (Meta, type, object))
print(type.__call__(A, 7).v)
