# Sequence repetition takes any object with __index__ as the count, on either side (CPython: sequence_repeat),
# raises OverflowError beyond a machine word, and lets the other operand's __mul__/__rmul__ go first.

class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Big:
    def __index__(self):
        return 2 ** 100


for seq in ["ab", [1], (1,), b"x", bytearray(b"y")]:
    print(repr(seq * Idx(3)), repr(Idx(2) * seq), repr(seq * Idx(0)), repr(seq * Idx(-1)))
    try:
        seq * Big()
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        seq * 1.5
    except TypeError as e:
        print("TypeError:", e)
    try:
        seq * "3"
    except TypeError as e:
        print("TypeError:", e)
s = "ab"
s *= Idx(2)
print(s)


class RMul:
    def __rmul__(self, other):
        return "rmul"

    def __index__(self):
        return 2


print("ab" * RMul(), [1] * RMul())
