def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
for b, e, m in [(2, 10, 1000), (3, 200, 10**9 + 7), (-2, 3, 5), (2, -1, 5), (3, -1, 7), (3, -2, 7), (2, 3, -5), (-2, 3, -5), (0, 0, 1),
                (5, 0, 1), (5, 0, -1), (2**100, 2**50, 97), (2, -1, 4), (4, 0.5, 3), (2, 3, 0), (2.0, 3, 5), (1j, 2, 3), (7, -3, 2**61 - 1)]:
    show('pow%r' % ((b, e, m),), lambda: pow(b, e, m))
for b, e in [(2, 10), (2, -2), (-2, -3), (0, 0), (0, -1), (0.0, -1), (2, 0.5), (-8, 1/3), (10, 20), (10, 30), (2.5, 3), (-1.5, 2), (4, -0.5),
             (float('inf'), 0), (0, float('inf')), (-1, float('inf')), (2, float('-inf')), (10**20, 2), (3, 100), (-3, 101), (2, 1000)]:
    show('%r ** %r' % (b, e), lambda: b ** e)
show('pow kw', lambda: pow(base=2, exp=5))
show('pow kw mod', lambda: pow(2, 5, mod=3))
show('pow 1', lambda: pow(2))
for a in [7, -7, 7.5, -7.5, 0, -0.0, 10**20, -10**20, True]:
    for b in [2, -2, 2.5, -2.5, 3, 10**19, True]:
        show('divmod(%r, %r)' % (a, b), lambda: (divmod(a, b), a // b, a % b))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (10**30, 0), (True, False), (1, 'x'), ('x', 1), (1j, 1)]:
    show('divmod(%r, %r)' % (a, b), lambda: divmod(a, b))
    show('%r // %r' % (a, b), lambda: a // b)
    show('%r %% %r' % (a, b), lambda: a % b)
    show('%r / %r' % (a, b), lambda: a / b)
