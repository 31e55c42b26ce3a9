def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count_up(5)), sum(count_up(101)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
print(sum(x * x for x in range(10)), list(x for x in "abc" if x != "b"), max(len(w) for w in ["a", "abc", "ab"]))
def delegate():
    r = yield from count_up(3)
    print("inner returned", r)
    yield from [10, 20]
print(list(delegate()))
def echo():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            return got
        got.append(v)
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def with_state(items):
    seen = set()
    for it in items:
        if it not in seen:
            seen.add(it)
            yield it
print(list(with_state([3, 1, 3, 2, 1])))
gen = (i for i in range(3))
print(gen.__name__, list(gen), list(gen))
def raiser():
    yield 1
    raise ValueError("inside generator")
try:
    for v in raiser():
        print("got", v)
except ValueError as err:
    print("caught", err)
print(dict(zip("ab", count_up(2))), sorted(count_up(4), reverse=True), list(enumerate(count_up(2))))
