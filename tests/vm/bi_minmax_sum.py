# sorted/min/max with key and default, sum with start and CPython's float summation, any/all short-circuit.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a', key=str.upper))
print(max([1, -5, 3], key=abs), min([1, -5, 3], key=abs), max([], default='empty'), min((), default=None))
print(max([2, 3], default=0), max([(1, 'b'), (1, 'a')]), min([[2], [1, 5]]))
print(max([1, 3, 3.0], key=lambda v: v), max([3.0, 3]), min([1, True]), max(0, False))
for args, kw in [((), {}), ([],), ((1,), {'foo': 1}), ((1, 2), {'default': 0})] if False else []:
    pass
for call in [lambda: min(), lambda: max([]), lambda: min(1), lambda: max(1, 2, default=0), lambda: min([1], foo=2),
             lambda: max([1, 'a']), lambda: min(5, key=len)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum(range(10), start=100), sum([0.1] * 10))
print(sum([1e100, 1.0, -1e100, 1.0]), sum([0.1, 0.2, 0.3]), sum([1, 2.5]), sum([2.5, 1]), sum([True, True]))
print(sum([[1], [2]], []), sum([(1,), (2,)], ()), sum([1.5, 2], 0.5), sum([10 ** 20, 1.0]))
print(sum(x * x for x in range(5)), sum([1, -1.0]), sum([1e308, 1e308]), sum([-0.0]), sum([-0.0], -0.0))
for call in [lambda: sum(['a', 'b'], ''), lambda: sum([b'a'], b''), lambda: sum([1, 'a']), lambda: sum(5),
             lambda: sum([[1]], bytearray()) if False else sum([bytearray(b'x')], bytearray()) if False else sum([1], [])]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
print(any([]), all([]), any([0, '', None]), all([1, 'a', [0]]), any(x > 2 for x in [1, 3]), all(iter([1, 0])))
seen = []
def probe(v):
    seen.append(v)
    return v
print(any(probe(v) for v in [0, 1, 2]), seen)
seen.clear()
print(all(probe(v) for v in [1, 0, 2]), seen)
try:
    any(5)
except TypeError as e:
    print('TypeError:', e)
print(sorted([3, 1, 2], reverse=True), sorted('bca', key=None), sorted([('a', 2), ('b', 1)], key=lambda p: p[1]))
print(sorted({'x': 1, 'a': 2}), sorted([-3, 2, -1], key=abs, reverse=True))
print(round(sum([0.1] * 3), 15), sum([1.1, 2.2, 3.3]), sum([1e-16] * 10, 1.0))
print(sum((i / 7 for i in range(100))), sum([0.5] * 7, 0.25))
