def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for a in [True, False]:
    for b in [True, False, 0, 1, 2, 1.5, 1j]:
        show(lambda: (a + b, a - b, a * b, a & b if not isinstance(b, (float, complex)) else None, a | b if not isinstance(b, (float, complex)) else None,
                      a ^ b if not isinstance(b, (float, complex)) else None, a == b, a < b if not isinstance(b, complex) else None))
print(True + True, True * 10, -True, +True, ~True, ~False, True ** 2, True / 2, True // 2, True % 2, divmod(True, 2), abs(-True), int(True))
print(repr(True), str(False), f'{True}', f'{True:d}', f'{True:>6}', format(False, 'x'), '%d %s %r' % (True, True, False), hash(True), hash(False))
print(bool(), bool(0), bool(1), bool(''), bool('a'), bool([]), bool([0]), bool(0.0), bool(-0.0), bool(0j), bool(None), bool(float('nan')))
print(isinstance(True, int), type(True) is bool, bool.__mro__ if False else bool.__name__, True.real, True.imag, True.numerator, True.denominator, True.conjugate())
print(sum([True, True, False]), max(True, 0), sorted([True, False, 2, -1]), [1, 2, 3][True], {True: 'a', 1: 'b'}, True is (not False))
show(lambda: bool.__new__(bool, 5)); show(lambda: bool(x=1)); show(lambda: bool(1, 2)); show(lambda: True.to_bytes(2, 'big')); show(lambda: True.bit_length())
class B:
    def __bool__(self): return 'yes'
class L:
    def __len__(self): return 0
show(lambda: bool(B())); show(lambda: bool(L())); show(lambda: not L())
