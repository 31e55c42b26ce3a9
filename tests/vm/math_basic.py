import math
def show(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, type(e).__name__, e)
vals = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 10.0, 1e-10, 1e300, -1e300, 700.0, 710.0, float('inf'), float('-inf'), float('nan'), 3, -3, 10**400]
for fn in ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs',
           'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees', 'radians', 'gamma', 'lgamma', 'isnan', 'isinf', 'isfinite',
           'log', 'log2', 'log10', 'floor', 'ceil', 'trunc', 'frexp', 'modf', 'ulp']:
    f = getattr(math, fn)
    for v in vals:
        show(fn + '(' + repr(v)[:12] + ')', lambda: f(v))
print(math.pi, math.e, math.tau, math.inf, math.nan)
show('sqrt str', lambda: math.sqrt('x'))
show('sqrt none', lambda: math.sqrt(None))
show('sqrt 2 args', lambda: math.sqrt(1, 2))
show('sqrt 0 args', lambda: math.sqrt())
show('atan2 1 arg', lambda: math.atan2(1))
show('log 0 args', lambda: math.log())
show('log 3 args', lambda: math.log(1, 2, 3))
