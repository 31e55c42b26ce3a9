# Sequence repetition counts (ints, __index__, huge ints, floats, reflected __rmul__) and dict.update's argument count.
class Idx:
    def __index__(self): return 2
class R:
    def __rmul__(self, other): return 'rmul'
tests = ["[1] * 2 ** 70", "(1,) * 2 ** 70", "[1] * Idx()", "(1, 2) * Idx()", "Idx() * [3]", "[1] * 2.0", "2.0 * (1,)",
         "[1] * R()", "(1,) * R()", "[1] * None", "[1] * -3", "[1] * True", "{}.update({}, {})", "[0] * 2 ** 62"]
for t in tests:
    try:
        print(t, '=>', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
