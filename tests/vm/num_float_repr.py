vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234,
        1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.141592653589793, 100.0, 1e100,
        12345.678, 9007199254740993.0, 0.3, 2.5, 1.25e-7, float('inf'), float('-inf'), float('nan'), 4.35, 1e300 * 10]
for v in vals:
    print(repr(v), str(v), v.hex(), v.is_integer(), f'{v}', format(v), '%s' % v, '%r' % v)
for s in ['1', '  1.5  ', '-2.5e3', '+.5', '5.', '1_000.5', '1e1_0', 'inf', '-Infinity', 'nan', '-nan', 'NaN', '+iNF',
          '1__0', '_1', '1_', '0x10', '1e', 'e1', '', '.', '1.2.3', '\u0661.\u0662', '  \t\n 3.25 \x0c', 'infinit', '١٢٣',
          '1e500', '-1e500', '1e-400', '0.000000000000000000000000000000001', '12345678901234567890', 'i', '1.5j']:
    try:
        print(repr(s), repr(float(s)))
    except Exception as e:
        print(type(e).__name__, e)
for x in [None, [1], '1', b'2.5', bytearray(b'3'), True, 10**400]:
    try:
        print(repr(float(x)))
    except Exception as e:
        print(type(e).__name__, e)
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
print(float(F()), float(I()), float(), float(-0.0))
