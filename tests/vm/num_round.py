def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 2.675, 2.665, 1.0000000000000002, 1e15 + 0.5, 4503599627370497.0, -0.0, 1e308, 1e-308]:
    for nd in [None, 0, 1, 2, 3, -1, -2, 5, 15, 16, 17, 300, 400, -300, -400]:
        show('round(%r, %r)' % (x, nd), lambda: round(x, nd))
for x in [0, 5, 15, 25, 35, -5, -15, 125, 135, 10**20 + 5 * 10**18, -(10**20) - 5 * 10**18, 123456789]:
    for nd in [None, 0, 1, -1, -2, -3, -20, -100]:
        show('round(%r, %r)' % (x, nd), lambda: round(x, nd))
show('round(True)', lambda: round(True))
show('round(True, 2)', lambda: round(True, 2))
show('round(1.5, "x")', lambda: round(1.5, 'x'))
show('round("x")', lambda: round('x'))
show('round(1.5, ndigits=None)', lambda: round(1.5, ndigits=None))
show('round(number=2.5)', lambda: round(number=2.5))
class R:
    def __round__(self, n=None): return ('rounded', n)
show('round(R())', lambda: round(R()))
show('round(R(), 3)', lambda: round(R(), 3))
show('round(inf)', lambda: round(float('inf')))
show('round(nan, 2)', lambda: round(float('nan'), 2))
show('round(1e308, -308)', lambda: round(1e308, -308))
show('round(1.7976931348623157e308, -308)', lambda: round(1.7976931348623157e308, -308))
show('round(5e-324, 323)', lambda: round(5e-324, 323))
show('round(5e-324, 324)', lambda: round(5e-324, 324))
