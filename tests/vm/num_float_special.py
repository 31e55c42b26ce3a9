inf, nan = float('inf'), float('nan')
vals = [inf, -inf, nan, 0.0, -0.0, 1.0, -1.0, 5e-324, 1.7976931348623157e308]
for a in vals:
    row = []
    for b in vals:
        for op in ['+', '-', '*', '/', '//', '%', '**']:
            try:
                r = {'+': lambda: a + b, '-': lambda: a - b, '*': lambda: a * b, '/': lambda: a / b, '//': lambda: a // b,
                     '%': lambda: a % b, '**': lambda: a ** b}[op]()
                row.append(repr(r))
            except Exception as e:
                row.append(type(e).__name__)
    print(repr(a), ' '.join(row))
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10**400, -inf < -10**400, inf == inf, max(1, nan), min(nan, 1))
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0), -0.0 == 0.0, repr(-0.0 * 1), repr(0.0 * -1), repr(-0.0 + 0.0), repr(-0.0 - 0.0))
print(abs(-inf), abs(-nan), -nan, 1 / inf, -1 / inf, inf * 0, inf - inf, (-inf) ** 0.5, inf ** -1, (-8.0) ** 3)
