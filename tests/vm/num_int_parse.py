def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['0', '-0', '+12', ' 42 ', '1_000', '1__000', '_1', '1_', '\t-7\n', '٣', '１２３', '0x1f', '12a', '', ' ', '-', '+-1',
          '00', '007', '0_0', '1 2', '9' * 30]:
    show(lambda: int(s))
for s, b in [('ff', 16), ('FF', 16), ('0xff', 16), ('0xff', 0), ('0o17', 0), ('0b101', 0), ('0B1_01', 0), ('0_7', 0),
             ('07', 0), ('0', 0), ('00', 0), ('z', 36), ('Z', 36), ('10', 2), ('12', 2), ('777', 8), ('0o777', 8),
             ('0x_f', 16), ('0x', 16), ('1_0', 3), ('-0b11', 0), ('  0X1F  ', 0), ('zz', 35), ('1', 1), ('1', 37),
             ('1', -1), ('0b', 2), ('0b1', 16), ('0b1', 2), ('_', 10), ('10', 10)]:
    show(lambda: int(s, b))
show(lambda: int('10', base=16))
show(lambda: int(x='10'))
show(lambda: int(10, 16))
show(lambda: int(b'12'))
show(lambda: int(b'ff', 16))
show(lambda: int(bytearray(b'77'), 8))
show(lambda: int(3.99))
show(lambda: int(-3.99))
show(lambda: int(1e20))
show(lambda: int(float('inf')))
show(lambda: int(float('nan')))
show(lambda: int(None))
show(lambda: int([1]))
show(lambda: int('1', 2, 3))
show(lambda: int(True))
show(lambda: int('10', 1.5))
class A:
    def __index__(self): return 7
class B:
    def __int__(self): return 9
show(lambda: int(A()))
show(lambda: int(B()))
show(lambda: int('10', A()))
show(lambda: int('12345678901234567890123456789012345678901234567890'))
show(lambda: int('-0x' + 'f' * 40, 16))
for b in range(2, 37):
    print(b, int('10', b), int('z'[:1] if b == 36 else '1' * 5, b))
print(int.__new__(int, '5'), int(), int('  +0  '))
