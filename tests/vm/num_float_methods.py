def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.0, -0.0, 0.5, -0.5, 1.0, 3.75, 1e100, -2.5e-10, 5e-324, 1.7976931348623157e308, 0.1]:
    print(v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v, v.is_integer(), v.conjugate(), v.real, v.imag)
show(lambda: float('inf').as_integer_ratio())
show(lambda: float('nan').as_integer_ratio())
for s in ['0x1p0', '0x1.8p1', '-0x1.fffffffffffffp+1023', '0x1p-1074', '0x1p-1075', '0x1.00000000000008p0',
          '0x1.00000000000018p0', 'inf', '-infinity', 'nan', '0x.8', '0X1P+4', '  0x10  ', '0x1p1024', 'zz', '1',
          '0x1.0000000000000fp0', '0x3.8p0', '0x1p-1076', '0x1.1p-1074', '-0x0p0', '0x1.fffffffffffff8p1023']:
    show(lambda: float.fromhex(s))
for x in [2.5, 3.5, -2.5, 0.5, 1.5, 2.675, 1.005, 123.456, -123.456, 1e20, 1e-20, 0.125, 0.375, 5e-324, 1.7976931348623157e308]:
    print(x, round(x), round(x, 0), round(x, 1), round(x, 2), round(x, 3), round(x, -1), round(x, -2), round(x, 20), round(x, -400), round(x, 400))
show(lambda: round(float('inf')))
show(lambda: round(float('nan')))
show(lambda: round(float('inf'), 2))
show(lambda: round(2.5, None))
show(lambda: round(2.5, 1.0))
show(lambda: round(12345, -2))
show(lambda: round(12355, -1))
show(lambda: round(-12350, -2))
show(lambda: round(5, 2))
show(lambda: round(True))
print(float.__name__, (2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (-2.5).__round__(), (2.675).__round__(2))
print((2.5).__int__(), (2.5).__float__(), (2.5).__neg__(), (2.5).__abs__(), (2.5).__bool__(), (0.0).__bool__())
print((7.5).__divmod__(2), (7.5).__rdivmod__(20), (7.5).__mod__(-2), (7.5).__floordiv__(2), (7.5).__rtruediv__(15), (2.0).__pow__(3), (2.0).__rpow__(3))
print((1.5).__add__(1), (1.5).__radd__(1), (1.5).__sub__(2), (1.5).__rsub__(2), (1.5).__mul__(2), (1.5).__truediv__(2))
print((1.5).__add__('x'), (1.5).__eq__(1.5), (1.5).__lt__(2), (1.5).__ge__(2))
print(float.fromhex('0x1p3'), type(float.fromhex('1')).__name__)
show(lambda: (1.5).__getformat__('double'))
