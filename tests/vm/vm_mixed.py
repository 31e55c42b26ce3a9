import math
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)
    def __eq__(self, o):
        return self.rows == o.rows
    __hash__ = None
m = Matrix([[1, 2], [3, 4]])
print(m @ m, m == Matrix([[1, 2], [3, 4]]))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print({w[0] for w in words} == set("tqbfjold"), len({w[0] for w in words}))
print(", ".join(f"{k}={v}" for k, v in sorted(freq.items()) if v > 1))
def primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(sieve[i * i::i])
    return [i for i, p in enumerate(sieve) if p]
print(primes(50))
stack = []
for tok in "3 4 + 2 *".split():
    if tok.isdigit():
        stack.append(int(tok))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if tok == "+" else a * b)
print(stack)
print(list(map(lambda x: x ** 2, filter(lambda x: x % 2, range(10)))))
print(sum(1 for _ in range(10)), min((3, "c"), (1, "a")), max("hello"), sorted({3: 1, 1: 2}))
print(isinstance(True, int), isinstance(1, (str, float)), type(1.0).__name__, int.__name__)
print(str(3).zfill(5), "%-10s|" % "hi", "{:>8.3f}".format(math.pi), f"{-42:+d}", f"{1e10:.3e}", f"{0.000123:g}")
print(divmod(-7, 2), 10 // 3, -10 // 3, 10 % -3, round(-2.5), round(0.125, 2))
a = [1, 2, 3, 4, 5]
a[1:3] = []
a[::2] = [9, 9]
print(a, a[-2:], a[:-1], a[10:], a[::-2])
t = 1, 2
x, y = y, x = t
print(x, y)
print(repr(1.0), repr(1e100), repr(-1e-100), repr(123456789012345678.0), 1/3*3 == 1.0)
print(chr(65) + chr(0x263A), ord("€"), "€".encode() if False else "ok", ascii("é"))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]))
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.registered = True
class Child(Base):
    pass
print(Child.registered)
try:
    [].pop()
except IndexError as e:
    print(e)
print(int("101", 2), int("ff", 16), hex(255), oct(8), bin(10), float("  2.5 "), int(" -7 "))
print(sorted([5, 2, 8], key=lambda v: v % 3), list(reversed(range(4))), [*range(3), *"ab"], {**{"a": 1}, "b": 2})
nested = [[1, [2, 3]], [4]]
print(nested[0][1][1], [y for x in nested for y in (x if isinstance(x, list) else [x])])
