vals = [3, -2, True, 2.5, -0.5, 1 + 2j, -1j, 0, 10**20]
ops = ['+', '-', '*', '/', '**', '==', '!=']
for a in vals:
    for b in vals:
        out = []
        for op in ops:
            try:
                r = {'+': lambda: a + b, '-': lambda: a - b, '*': lambda: a * b, '/': lambda: a / b, '**': lambda: a ** b if abs(b) < 100 else 'skip',
                     '==': lambda: a == b, '!=': lambda: a != b}[op]()
                out.append(repr(r) if not isinstance(r, float) or r == r else 'nan')
            except Exception as e:
                out.append(type(e).__name__ + ':' + str(e))
        print(repr(a), repr(b), ' '.join(out))
print(sum([1, 2.5, 3j]), sum([True, True]), sum([0.1] * 10), sum(range(10**6)), abs(-3), abs(-3.5), abs(3 - 4j), abs(True))
print(int(True), float(True), complex(True), int(2.9), int(-2.9), float(10**20), complex(1, True))
print(1 < 2.5 < 3, 2**64 > 1.8e19, -(2**64) < -1.8e19, 2**1000 > 1e300, 3 == 3.0 == 3 + 0j, 0.5 in [1 / 2], 1 in {1.0}, True in {1})
