import math
xs = [0.5, 1.5, 2.5, 3.0, 4.5, 10.0, 20.5, 100.3, 170.5, 171.7, 180.0, -0.5, -1.5, -2.5, -3.7, -100.5, -180.5, 1e-10, -1e-10, 1e-25, 25.0, 0.1]
for x in xs:
    out = []
    for f in (math.gamma, math.lgamma, math.erf, math.erfc, math.exp, math.expm1, math.log1p, math.sinh, math.cosh, math.tanh, math.asinh, math.atan, math.cbrt):
        try:
            out.append(repr(f(x)))
        except Exception as e:
            out.append(type(e).__name__)
    print(x, ' '.join(out))
for x in [0.0, -0.0, 1.0, -1.0, 0.99, -0.99, 1.5]:
    out = []
    for f in (math.acos, math.asin, math.atanh, math.acosh, math.sqrt, math.log, math.log2, math.log10):
        try:
            out.append(repr(f(x)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(x, ' '.join(out))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1), math.copysign(1, -0.0), math.copysign(-2, 0.0))
print(math.frexp(8.0), math.frexp(-0.1), math.frexp(5e-324), math.ldexp(0.5, 4), math.modf(-3.75), math.modf(2.0), math.fmod(-7, 3), math.fmod(7, -3))
print(math.remainder(7, 3), math.remainder(8, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2), math.nextafter(1, 2), math.nextafter(0, -1))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-5.0), math.ulp(float('inf')), math.ulp(1.7976931348623157e308))
print(math.sqrt(2), math.sqrt(16), math.sqrt(1e-300), math.exp(1), math.exp(-745.2), math.exp(709.7), math.log(math.e ** 2), math.pow(2, 0.5))
print(math.pow(-0.0, -3) if False else 'skip', math.pow(float('inf'), -3), math.pow(-float('inf'), 3), math.pow(-8, 1/3) if False else '', math.pow(1, float('nan')))
for a, b in [(0.0, -1.0), (-0.0, -3.0), (-8.0, 1 / 3), (10.0, 400.0), (-1e300, 3.0)]:
    try:
        print(math.pow(a, b))
    except Exception as e:
        print(type(e).__name__, e)
