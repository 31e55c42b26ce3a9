# Recursive generators, deep yield-from chains, generators as __iter__, generator pipelines.
def walk(tree, depth=0):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub, depth + 1)
    else:
        yield (depth, tree)

print(list(walk([1, [2, [3, [4]], 5], [[6]]])))

def count_down(n):
    if n > 0:
        yield n
        yield from count_down(n - 1)
    return 'bottom'
print(list(count_down(5)))

def chain(n):
    if n == 0:
        v = yield 'leaf'
        return v
    r = yield from chain(n - 1)
    return r + 1
c = chain(50)
print(next(c))
try:
    c.send(100)
except StopIteration as e:
    print('returned through 50 levels:', e.value)

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for ch in self.children:
            yield from ch
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), sum(t), 3 in t, max(t))

def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def squares(it):
    for v in it:
        yield v * v
def evens(it):
    return (v for v in it if v % 2 == 0)
print(list(take(5, evens(squares(numbers())))))

def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield items[i:i + 1] + rest
print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave(iter('abc'), iter([1, 2]), iter(()))))

def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield 'deep end'
print(list(deep(200)))

def gen_with_state():
    total = 0
    while True:
        received = yield total
        if received is None:
            return total
        total += received
g = gen_with_state()
next(g)
for v in [5, 10, 20]:
    g.send(v)
try:
    g.send(None)
except StopIteration as e:
    print('final total', e.value)
