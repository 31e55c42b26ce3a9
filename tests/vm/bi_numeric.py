# chr/ord, bin/oct/hex, format, round, divmod, abs, pow (3-argument and negative exponents).
print(chr(65), chr(0x20ac), chr(0), repr(chr(0x10ffff)), ord('a'), ord('\u20ac'), ord(b'A'), ord(b'\xc8'))
for call in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr('a'), lambda: ord(''), lambda: ord('ab'),
             lambda: ord(5)]:
    try:
        call()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
print(bin(10), bin(-10), bin(0), oct(8), oct(-8), hex(255), hex(-255), hex(0), hex(2 ** 70), bin(True))
class Idx:
    def __index__(self): return 7
print(bin(Idx()), hex(Idx()), oct(Idx()))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
print(format(3.14159, '.2f'), format(42, '08b'), format('x', '>5'), format(1234567, ','), format(5), format(0.5, '%'))
print(format(255, 'x'), format(255, '#X'), format(-1.5, '+'), format(True), format(None), format([1], ''))
try:
    format(5, 'q')
except ValueError as e:
    print('ValueError:', e)
try:
    format(object(), 'x')
except TypeError as e:
    print('TypeError:', e)
class F:
    def __format__(self, spec): return 'F(' + spec + ')'
print(format(F(), 'abc'), f'{F():zz}', '{:yy}'.format(F()))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234, -2), round(1250, -2))
print(round(5), round(5.0), type(round(5.0)).__name__, round(5.5, None), round(-0.5), round(1e20), round(2.5, 0))
print(round(7, 0), round(-15, -1), round(15, -1), round(1.23456789, 4), round(float('inf'), 2))
for call in [lambda: round(float('nan')), lambda: round(float('inf')), lambda: round('1'), lambda: round(1.5, 'a')]:
    try:
        call()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(10 ** 20, 7))
for call in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod('a', 1)]:
    try:
        call()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ':', e)
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(True), abs(-10 ** 30))
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
class A:
    def __abs__(self): return 'abs!'
print(abs(A()))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1 / 3) if False else 'skip', pow(3, 4, 5), pow(2, 100, 1000007), pow(-2, 3, 5))
print(pow(3, -1, 7), pow(10, -2, 7), pow(0, 0), pow(2, 0.5), pow(base=2, exp=3), pow(2, 3, mod=3))
for call in [lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, -1, 4), lambda: pow(0, -1), lambda: pow(0.0, -1)]:
    try:
        call()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ':', e)
print(divmod(True, 2), 7 // 2, -7 // 2, 7 % -3, 2 ** -2, (-2) ** 2, -2 ** 2)
