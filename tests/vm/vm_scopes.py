x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
class K:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    z = [x for _ in range(1)]
print(read_global(), shadow(), K.x, K.y, K().method(), K.z)
def make_adders():
    return [lambda v, n=n: v + n for n in range(3)]
print([f(10) for f in make_adders()])
def outer():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    add(1); add(2)
    return items, add.__closure__ is not None
print(outer())
def counter_class():
    count = 0
    class C:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return C()
c = counter_class()
print(c.inc(), c.inc())
del x
try:
    print(x)
except NameError as e:
    print(e)
def f():
    v = 1
    del v
    return v
try:
    f()
except UnboundLocalError as e:
    print(e)
