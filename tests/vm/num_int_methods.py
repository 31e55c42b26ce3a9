# int methods and attributes
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 1, -1, 7, -8, 255, 256, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63, 2**100, -2**100, 10**30 + 7]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag,
          n.numerator, n.denominator, n.__index__(), abs(n), -n, ~n, +n)
print(True.bit_length(), True.as_integer_ratio(), True.real, True.imag, False.numerator, True.denominator)
print(int.bit_length(12345), int.bit_count(-12345))
for n, length, order, signed in [(0, 1, 'big', False), (1, 2, 'little', False), (255, 1, 'big', False),
                                 (-1, 1, 'big', True), (-128, 1, 'big', True), (127, 1, 'big', True),
                                 (1024, 2, 'big', False), (1024, 2, 'little', False), (2**64 - 1, 8, 'little', False),
                                 (-2**63, 8, 'big', True), (2**100, 13, 'big', False), (0, 0, 'big', False)]:
    show(lambda: n.to_bytes(length, order, signed=signed))
show(lambda: (256).to_bytes(1, 'big'))
show(lambda: (-1).to_bytes(1, 'big'))
show(lambda: (128).to_bytes(1, 'big', signed=True))
show(lambda: (1).to_bytes(1, 'middle'))
show(lambda: (1).to_bytes(-1, 'big'))
show(lambda: (1).to_bytes())
show(lambda: (65).to_bytes(byteorder='little', length=3))
for b, order, signed in [(b'\x00', 'big', False), (b'\xff', 'big', False), (b'\xff', 'big', True), (b'\x01\x00', 'big', False),
                         (b'\x01\x00', 'little', False), (b'', 'big', False), (b'\x80\x00', 'little', True),
                         (b'\xff' * 20, 'big', True), (b'\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11', 'big', False),
                         ([1, 2, 3], 'big', False), (bytearray(b'\x01\x02'), 'little', False)]:
    show(lambda: int.from_bytes(b, order, signed=signed))
show(lambda: int.from_bytes(b'\x01', 'x'))
show(lambda: int.from_bytes(b'\x01\x02'))
show(lambda: bool.from_bytes(b'\x01', 'big'))
show(lambda: (5).__index__())
print((10).__add__(5), (10).__sub__(3), (10).__mul__(2), (10).__floordiv__(3), (10).__mod__(3), (10).__pow__(2))
print((10).__radd__(5), (10).__rsub__(3), (10).__rtruediv__(4), (10).__truediv__(4))
print((10).__add__(1.5), (10).__lt__(11), (10).__eq__(10.0), (3).__and__(5), (3).__or__(5), (3).__xor__(5))
print((10).__lshift__(3), (10).__rshift__(1), (7).__neg__(), (7).__invert__(), (7).__bool__(), (0).__bool__())
print((7).__int__(), (7).__float__(), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__round__(), (1234).__round__(-2))
print((7).__divmod__(2), (7).__rdivmod__(30), (7).__abs__(), (-7).__abs__(), (7).__pos__(), (7).__hash__())
print(int.__name__, bool.__name__, type(True), type(1), isinstance(True, int), issubclass(bool, int))
print((12).__sizeof__() > 0, (12).__format__('x'), (12).__str__(), (12).__repr__())
print((-7) // 2, (-7) % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2, divmod(-7, 2), divmod(7, -2), divmod(0, 5))
print(2**-1, 2**-2, (-2)**-3, 10**-5, 0**0, (-1)**1000001)
show(lambda: 0**-1)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: divmod(1, 0))
show(lambda: 1 / 0)
show(lambda: 10**400 // 0)
show(lambda: 1 << -1)
show(lambda: 1 >> -1)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -(2**100) >> 3, 5 >> 1000)
