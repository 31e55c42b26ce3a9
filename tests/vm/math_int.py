import math
def show(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, type(e).__name__, e)
for n in [0, 1, 5, 20, 21, 50, -1, 2.0, True, 100]:
    show('factorial(%r)' % (n,), lambda: math.factorial(n))
for args in [(), (0,), (12, 18), (-12, 18), (12, -18), (0, 0), (2**100, 2**80 * 3), (12, 18, 27), (1.5, 2), (7,), (-7,)]:
    show('gcd%r' % (args,), lambda: math.gcd(*args))
    show('lcm%r' % (args,), lambda: math.lcm(*args))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 2**200 + 12345, -1, 2.0, True]:
    show('isqrt(%r)' % (n,), lambda: math.isqrt(n))
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (0, 0), (52, 5), (100, 50), (-1, 2), (5, -2), (5.0, 2), (5, 2.0), (True, True), (10**3, 3)]:
    show('comb(%r, %r)' % (n, k), lambda: math.comb(n, k))
    show('perm(%r, %r)' % (n, k), lambda: math.perm(n, k))
show('perm(5)', lambda: math.perm(5))
show('perm(5, None)', lambda: math.perm(5, None))
show('comb(5)', lambda: math.comb(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 25)), math.prod([2, 3], start=10))
print(math.prod(['a', 3], start=1) if False else math.prod([3], start='ab'))
show('prod bad', lambda: math.prod([1, 'x', 3]))
show('prod kw', lambda: math.prod([1], begin=2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([]), math.fsum([2**53, 1, 1]), math.fsum(x / 7 for x in range(100)), math.fsum([1, 2.5, 3]))
show('fsum inf', lambda: math.fsum([float('inf'), 1]))
show('fsum inf-inf', lambda: math.fsum([float('inf'), float('-inf')]))
show('fsum nan', lambda: math.fsum([float('nan'), 1]))
show('fsum overflow', lambda: math.fsum([1e308, 1e308]))
show('fsum str', lambda: math.fsum(['a']))
class Idx:
    def __index__(self): return 6
class Fl:
    def __float__(self): return 2.25
class Floor:
    def __floor__(self): return 'floored'
    def __ceil__(self): return 'ceiled'
    def __trunc__(self): return 'truncated'
print(math.factorial(Idx()), math.gcd(Idx(), 4), math.sqrt(Fl()), math.floor(Floor()), math.ceil(Floor()), math.trunc(Floor()))
show('trunc none', lambda: math.trunc(None))
show('floor str', lambda: math.floor('x'))
print(math.floor(-2.5), math.ceil(-2.5), math.floor(2**70 + 0.0), math.ceil(1e20), math.trunc(-2.7), math.floor(True), type(math.floor(2)).__name__)
print(math.log(2**1000), math.log(10**400), math.log2(2**1100), math.log10(10**500), math.log(8, 2), math.log(100, 10))
show('log(0)', lambda: math.log(0))
show('log(-10**400)', lambda: math.log(-10**400))
show('log(8, 1)', lambda: math.log(8, 1))
show('log(8, 0)', lambda: math.log(8, 0))
