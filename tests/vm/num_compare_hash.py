import sys
vals = [0, 1, -1, True, False, 0.0, -0.0, 1.0, -1.0, 0.5, 2**53, 2**53 + 1, float(2**53), 2.0**53 + 2, 2**63, 2**64,
        float(2**64), 2**1000, float(2**1000), 10**400, -10**400, float('inf'), float('-inf'), float('nan'),
        2**61 - 1, 2**61, 2**61 - 2, -(2**61 - 1), 1.5, -1.5, 1e300, 1e-300, 12345678901234567890, 0.1, 3.14159,
        2**62, -2**62, 2**62 - 1, -2**62 - 1, 2**100 + 1, 1e22, 1e23]
for v in vals:
    h = hash(v)
    print(repr(v)[:30], h if v == v else 'nan')
for a in vals:
    print(repr(a)[:20], ''.join('<' if a < b else ('=' if a == b else ('>' if a > b else '?')) for b in vals))
print(hash(1) == hash(1.0) == hash(True), hash(-1), hash(-2), hash(-1.0), hash(2**61 - 1), hash(-(2**61 - 1)))
print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 2**53 + 1 < 2.0**53 + 2, 10**400 > float('inf'), 10**400 < 1e308)
print(1 == 1.0, 1 != 1.0, (2**1000) == float(2**1000), (2**1000 + 1) == float(2**1000), 0.5 < 1, 1 < 1.5, -1 > -1.5)
print(True + True, True * 3, -True, ~True, True / 2, True // 2, True % 2, True & False, True | False, True ^ True, 5 & True)
print({1: 'a', 1.0: 'b', True: 'c'}, {0, 0.0, False, -0.0}, len({2**100, float(2**100)}))
