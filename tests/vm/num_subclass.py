class MyInt(int):
    def double(self): return self * 2
m = MyInt(5)
print(type(m).__name__, m, m + 1, type(m + 1).__name__, m.double(), repr(m), hash(m), m == 5, isinstance(m, int), int(m), type(int(m)).__name__)
m.attr = 3
print(m.attr, MyInt('ff', 16), MyInt(), -m, abs(MyInt(-3)), m.bit_length(), m.real, f'{m:05}', m // 2, m ** 2, m << 1, divmod(m, 3))
print(MyInt(7) < 8, sorted([MyInt(3), 1, MyInt(2)]), {MyInt(1): 'a'}[1], bin(MyInt(5)), hex(MyInt(255)), round(MyInt(1234), -2))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-7), type(Pos(-7)).__name__, int.__new__(Pos, 3), type(int.__new__(Pos, 3)).__name__)
class MyFloat(float):
    pass
f = MyFloat(2.5)
print(type(f).__name__, f, f * 2, repr(f), f.is_integer(), MyFloat('1e3'), float(f), type(float(f)).__name__, f.hex(), round(f), f > 2)
class C(complex):
    pass
c = C(1, 2)
print(c, type(c).__name__, c * 2, type(c * 2).__name__, c.real, c.conjugate(), abs(C(3, 4)))
class B(bytes):
    pass
print(B(b'ab'), type(B(b'ab')).__name__, B(b'ab').upper(), len(B(b'xyz')), B(b'ab') == b'ab', B([65, 66]), B(3))
class BA(bytearray):
    pass
x = BA(b'q')
x.append(65)
print(x, type(x).__name__, len(x), x + b'!', type(x + b'!').__name__)
class E(int):
    def __repr__(self): return 'E!'
print(E(3), str(E(3)), [E(3)], E(3) + 0, '%d' % E(3), f'{E(3)}', format(E(3), 'x'))
class H(float):
    def __str__(self): return 'H!'
print(H(1.5), repr(H(1.5)), '%s' % H(1.5), '%r' % H(1.5), f'{H(1.5)}', format(H(1.5), '.2f'))
class Flag(int):
    def __bool__(self): return False
print(bool(Flag(5)), not Flag(5), Flag(5) or 'other')
class Idx:
    def __index__(self): return 4
print([10, 20, 30, 40, 50][Idx()], range(10)[Idx()], bin(Idx()), hex(Idx()), int(Idx()), 'abcdef'[Idx():])
