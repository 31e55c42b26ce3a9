print({3, 1, 2}, {"b", "a", "c"} == {"a", "b", "c"}, set(), set("abracadabra") == set("abrcd"))
s = {10, 5, 100, -1, 33, 7}
print(s, sorted(s), len(s), 5 in s, 6 in s)
s.add(64); s.discard(10); s.remove(5)
print(s)
try:
    s.remove(999)
except KeyError as e:
    print("KeyError", e)
print({1, 2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4})
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1} == {1}, {1} != {2})
print(set(range(20)), {x * 7 % 11 for x in range(11)})
print(frozenset([3, 2, 1]), frozenset(), hash(frozenset()) == hash(frozenset()), {frozenset({1}): "fs"})
print({(1, 2), (3, 4)}, {True, 2.5}, {-5, -1, 0, 1, 5})
big = set(range(0, 1000, 7))
for i in range(0, 1000, 14):
    big.discard(i)
print(len(big), sorted(big)[:5], 7 in big, 14 in big)
print(set([1, 2]).union([5], (6,)), {1, 2, 3}.intersection({2, 3}, [3]), {1, 2}.issubset([1, 2, 3]), {1}.isdisjoint({2}))
u = {1, 2}
u |= {3}
u.update([4, 5])
print(u, u.pop(), u)
print(list({"x": 1, "y": 2}.keys() | set()), sorted({"apple", "banana", "cherry"}))
print({10 ** 20, 2 ** 62, 2 ** 61 - 1, 2 ** 61})
print({0.5, 1.5, 2.25, 100.0})
