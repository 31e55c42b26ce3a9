a = 2 ** 200
b = 3 ** 150
print(a, b, a + b, a - b, a * b)
print(a // b, a % b, -a // b, -a % b, a // -7, a % -7)
print(a >> 100, a << 3, a & (b - 1), a | 1, a ^ b, ~a)
print(a == 2 ** 200, a > b, b > a, a < 10, -a < 0)
print(str(10 ** 50), len(str(7 ** 1000)), hex(2 ** 70), bin(5), oct(64))
print(int("123456789012345678901234567890") * 2, float(2 ** 100), 2 ** 100 / 2 ** 98)
n = 1
for i in range(1, 40):
    n *= i
print(n)
print(hash(2 ** 100), hash(-(2 ** 100)), abs(-(3 ** 50)))
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
