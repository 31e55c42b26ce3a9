import math
def show(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, type(e).__name__, e)
pairs = [(1.0, 2.0), (-1.0, 2.0), (0.0, -0.0), (-0.0, 0.0), (5.5, 2.0), (-5.5, 2.0), (5.5, -2.0), (1e308, 1e-308), (0.0, 0.0),
         (float('inf'), 2.0), (2.0, float('inf')), (float('nan'), 1.0), (1.0, float('nan')), (float('-inf'), float('inf')),
         (3, 4), (-8, 1/3), (10, 400), (0.0, -1.0), (2.0, 0.5), (-2.0, 0.5), (1.0, float('inf')), (0.5, float('-inf'))]
for fn in ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'nextafter', 'hypot', 'log', 'dist2']:
    for a, b in pairs:
        if fn == 'dist2':
            show('dist(' + repr((a, b)) + ')', lambda: math.dist((a, b), (b, a)))
        else:
            show(fn + repr((a, b)), lambda: getattr(math, fn)(a, b))
for a, b in [(1.0, 5), (1.0, -1075), (1.0, 1024), (0.5, 1024), (float('inf'), -5), (0.0, 10**30), (1.0, 10**30), (1.0, -10**30), (3, 2.0)]:
    show('ldexp' + repr((a, b)), lambda: math.ldexp(a, b))
show('hypot()', lambda: math.hypot())
show('hypot(3)', lambda: math.hypot(-3))
show('hypot(3,4,12)', lambda: math.hypot(3, 4, 12))
show('hypot tiny', lambda: math.hypot(1e-320, 1e-320))
show('hypot big', lambda: math.hypot(1e308, 1e308))
show('hypot inf nan', lambda: math.hypot(float('nan'), float('inf')))
show('hypot many', lambda: math.hypot(*[0.1] * 10))
show('dist', lambda: math.dist([1, 2, 3], [4, 6, 3]))
show('dist mismatch', lambda: math.dist([1, 2], [1, 2, 3]))
show('dist 3d', lambda: math.dist((0.1, 0.2, 0.3), (1.1, -2.2, 3.3)))
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.1, {}), (1.0, 1.1, {'rel_tol': 0.2}), (0.0, 1e-10, {}), (0.0, 1e-10, {'abs_tol': 1e-9}),
                 (float('inf'), float('inf'), {}), (float('inf'), 1e308, {}), (float('nan'), float('nan'), {}), (1, 1, {'rel_tol': -1})]:
    show('isclose' + repr((a, b, kw)), lambda: math.isclose(a, b, **kw))
show('isclose pos', lambda: math.isclose(1, 2, 3))
