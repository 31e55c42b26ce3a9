import math
xs = [i / 8 for i in range(-20, 21)] + [math.pi, -math.pi, math.pi / 2, math.pi / 4, 1e-300, 1e15, 12345.678]
for x in xs:
    row = []
    for f in (math.sin, math.cos, math.tan, math.atan, math.sinh, math.cosh, math.tanh, math.asinh, math.exp, math.expm1, math.fabs, math.degrees, math.radians):
        try:
            row.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(x, ' '.join(row))
for x in [i / 4 for i in range(-6, 7)]:
    row = []
    for f in (math.asin, math.acos, math.atanh, math.acosh, math.log1p, math.erf, math.erfc):
        try:
            row.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(x, ' '.join(row))
for y in [-1.0, -0.0, 0.0, 1.0]:
    print(y, [math.atan2(y, x) for x in [-1.0, -0.0, 0.0, 1.0, float('inf'), float('-inf')]])
