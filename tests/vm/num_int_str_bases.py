for n in [0, 1, -1, 7, 255, -256, 4096, 2**31 - 1, 2**63, -(2**64) + 1, 10**25, 0xdeadbeefcafebabe1234]:
    for b in [2, 8, 16]:
        s = format(n, {2: 'b', 8: 'o', 16: 'x'}[b])
        assert int(s, b) == n
    print(n, bin(n), oct(n), hex(n), format(n, '#b'), format(n, '#o'), format(n, '#X'), int(bin(n), 0), int(hex(n), 16), int(oct(n), 8))
for base in [2, 3, 7, 10, 16, 35, 36]:
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:base]
    print(base, int(digits, base), int(digits.upper(), base), int('-' + digits[1:], base), int('_'.join(digits[1:]), base))
class X:
    def __index__(self): return 42
print(bin(X()), oct(X()), hex(X()), format(X() if False else 42, 'b'))
for bad in [1.5, '1', None]:
    try:
        hex(bad)
    except TypeError as e:
        print('TypeError', e)
print(str(10**100)[:30], repr(-10**50), len(str(2**10000)), str(-0), str(True + 0), int('٣٤٥'), int('\u0e53'), float('٣.٥'))
