# int and float arithmetic with CPython's semantics
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** -1, (-2) ** 3, 0 ** 0)
print(1 << 70, (1 << 70) >> 68, -1 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(10 / 4, 1 / 3, -1 / 3, 2.5 * 4, 0.1 + 0.2)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.0 % -2.5)
print(2 ** 0.5, 10 ** 20, 10 ** 20 * 10 ** 20, -(2 ** 63), 2 ** 62 - 1 + 1)
print(4611686018427387903 + 1, -4611686018427387904 - 1, 3037000500 * 3037000500)
print(abs(-5), abs(-2.5), abs(-(10 ** 30)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000007))
print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-0.5))
print(int("42"), int("-0x1f", 16), int("  12_000 "), int(3.99), int(-3.99), float("1e3"), float("inf"))
print(1e16, 1e-5, 123456789.123, 1.0, -0.0, 1e300 * 1e10, float("nan"))
print(3 == 3.0, 1 < 2.5, 2 ** 53 + 1 == float(2 ** 53 + 1), True + True, True * 3.0)
print(hash(1), hash(-1), hash(2 ** 61), hash(1.5), hash(-2), hash(0.0), hash(True))
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
f = 1.5
f += 1; f *= 2; f /= 4
print(f)
print(0.1 * 3, 1 / 7, 100.0, 1e22, 1e-7, 123e-10)
print(int(True), bool(0), bool(2), bool(0.0), bool(""), bool("a"), bool([]), bool(None))
print(max(1, 2.5), min(-1, -1.5), sum([1, 2, 3], 10), sum([0.1] * 10))
