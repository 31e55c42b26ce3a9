# obj.__dict__ = {...} replaces the instance dictionary (CPython: PyObject_GenericSetDict).

class O:
    pass


o = O()
o.x = 1
o.__dict__ = {"y": 2}
print(o.__dict__, hasattr(o, "x"), o.y)
o.z = 3
print(o.__dict__)
d = {"shared": True}
p = O()
p.__dict__ = d
d["later"] = 1
print(p.shared, p.later, p.__dict__ is d)
try:
    o.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del o.__dict__
except TypeError as e:
    print("TypeError:", e)


class Sub(dict):
    pass


o.__dict__ = Sub(k="v")
print(o.k, type(o.__dict__).__name__)
