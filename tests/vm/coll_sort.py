# list.sort / sorted: stability with key and reverse, key errors, mixed types, sort during mutation.
people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22), ('frank', 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, reverse=True))
s = people[:]
s.sort(key=lambda p: p[0][-1]); print(s)
s.sort(key=lambda p: -p[1], reverse=True); print(s)
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1.5, 2, True, -1]))
print(sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted((2, 1)), sorted(range(5, 0, -1)))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print('TypeError:', e)
try:
    [3, 2, 1].sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print('TypeError:', e)
try:
    sorted()
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1], foo=1)
except TypeError as e:
    print('TypeError:', e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self): return 'K(%d)' % self.v
print(sorted([K(3), K(1), K(2)]))
print(sorted([K(3), K(1), K(2)], reverse=True))
class OnlyGt:
    def __init__(self, v): self.v = v
    def __gt__(self, other): return self.v > other.v
    def __repr__(self): return 'G(%d)' % self.v
print(sorted([OnlyGt(2), OnlyGt(1)]))
big = [(i * 7919) % 101 for i in range(200)]
print(sorted(big)[:10], sorted(big) == sorted(big, key=lambda v: v), big.count(0))
lst = [3, 1, 2]
def mutating_key(v):
    lst.append(v)
    return v
try:
    lst.sort(key=mutating_key)
except ValueError as e:
    print('ValueError:', e)
print(sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted([0.1, -0.0, 0.0, -1e300, 1e300]))
r = list(range(20)); r.sort(key=lambda v: v % 3); print(r)
r.sort(key=lambda v: v % 3, reverse=True); print(r)
print(sorted([], key=lambda x: x), sorted([1], reverse=True))
print(sorted(['b', 'a'], key=None))
