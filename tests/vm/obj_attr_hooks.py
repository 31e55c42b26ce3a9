# __getattr__, __getattribute__, __setattr__, __delattr__; object.__getattribute__ etc. from Python
class G:
    a = 1
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r} (custom)")
g = G()
print(g.a, g.dyn_x)
try:
    g.other
except AttributeError as e:
    print("AttributeError", e)
print(getattr(g, "missing", "default"), hasattr(g, "dyn_y"), hasattr(g, "zzz"))

class GA:
    def __init__(self): self.x = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        if name == "secret":
            raise AttributeError("no secret")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "getattr:" + name
ga = GA()
print(ga.x)
print(ga.secret)
print(ga.__class__.__name__)

class S:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
s = S()
s.v = 4
print(s.v, s.__dict__)
del s.v
print(s.__dict__)
try:
    del s.nothing
except AttributeError as e:
    print("AttributeError", e)
setattr(s, "w", 1)
delattr(s, "w")

class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")
f = Frozen(1)
try:
    f.x = 2
except AttributeError as e:
    print("AttributeError", e)
print(f.x)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class T: pass
t = T()
pr = Proxy(t)
pr.q = 5
print(t.q, pr.q)
print(object.__getattribute__(t, "q"))
try:
    object.__getattribute__(t, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    object().x
except AttributeError as e:
    print("AttributeError", e)
try:
    (1).x
except AttributeError as e:
    print("AttributeError", e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(t, 1)
except TypeError as e:
    print("TypeError", e)
class AttrErrInProp:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "fallback for " + name
print(AttrErrInProp().p)
e = AttributeError("msg", name="n", obj=1)
print(e.name, e.obj, e.args)
try:
    t.missing
except AttributeError as e:
    print(e.name, e.obj is t)
