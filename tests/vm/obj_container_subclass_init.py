# A subclass of dict/list/set with its own __init__ signature: the arguments go to the subclass's __init__, not to
# the base constructor (CPython: dict_new/list/set tp_new ignore them; tp_init consumes them). Calling __init__ again
# re-initialises (list and set are cleared, dict is updated), and the base constructors check their arguments.

class D(dict):
    def __init__(self, a, b=0):
        super().__init__()
        self.a = a
        self.b = b


d = D(1, b=2)
print(d, d.a, d.b, type(d).__name__)


class D2(dict):
    def __init__(self, pairs, scale):
        super().__init__((k, v * scale) for k, v in pairs)


print(D2([("x", 1), ("y", 2)], 10))


class L(list):
    def __init__(self, n):
        super().__init__(range(n))


print(L(4), type(L(2)).__name__)


class S(set):
    def __init__(self, *items):
        super().__init__(items)


print(sorted(S(3, 1, 2)), repr(S()))


class Plain(dict):
    pass


print(Plain({1: 2}, a=3), Plain(a=1), Plain([(1, 2)]))
d = {5: 6}
d.__init__({7: 8}, z=1)
print(d)
lst = [1, 2]
lst.__init__([3])
print(lst)
st = {1}
st.__init__([2])
print(st)
lst.__init__()
print(lst)
for f, args, kw in [(dict, (1, 2), {}), (list, (1, 2), {}), (set, (1, 2), {}), (list, (), {"x": 1}),
                    (set, (), {"x": 1}), (dict, (5,), {}), (list, (5,), {})]:
    try:
        f(*args, **kw)
    except TypeError as e:
        print(f.__name__, "TypeError:", e)


class K(list):
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)

    def __init__(self, a, b):
        super().__init__([a, b])


print(K(1, 2))
