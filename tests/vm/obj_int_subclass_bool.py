# bool() of instances of int/float/complex subclasses follows the value (CPython: long_bool, float_bool), and a
# subclass's __bool__ or __len__ still wins.

class I(int):
    pass


class F(float):
    pass


class C(complex):
    pass


for v in [I(0), I(-1), I(1), I(2 ** 70), I(-2 ** 70), I(False), F(0.0), F(-0.0), F(0.5), C(0), C(0, 1)]:
    print(type(v).__name__, repr(v), bool(v), not v, "yes" if v else "no", v or "other", v and "other")


class B(int):
    def __bool__(self):
        return True


class N(int):
    def __len__(self):
        return 0


print(bool(B(0)), bool(N(0)), bool(N(5)))
print([x for x in [I(0), I(3), I(0)] if x], any([I(0), I(0)]), all([I(1), I(0)]))
count = 0
w = I(3)
while w:
    count += 1
    w = I(w - 1)
print(count)
