l = [5, 3, 8, 1]
l.append(7); l.extend([9, 0]); l.insert(0, 42); l.remove(8)
print(l, l.pop(), l.pop(0), l, l.index(7), l.count(3))
l.sort(); print(l); l.reverse(); print(l)
print(sorted(l, key=lambda v: -v), sorted(["bb", "a", "ccc"], key=len))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
m = [[0] * 3 for _ in range(2)]
m[1][2] = 5
print(m, [x * x for x in range(6) if x % 2], {x: x * x for x in range(4)}, {x % 3 for x in range(10)})
l2 = l[:]; l2[1:3] = ["a", "b", "c"]; del l2[0]; print(l2, l)
print([1, 2] + [3], [0] * 3, [1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
t = (1, "two", 3.0)
a, b, c = t
print(t, a, b, c, t[1:], len(t), t.index(3.0), (1,), ())
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
print(first, rest, init, last)
d = {"one": 1, "two": 2}
d["three"] = 3
del d["one"]
d.update({"four": 4}, five=5)
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d), "two" in d)
print(d.pop("two"), d.setdefault("six", 6), d.get("seven"), d)
print({1: "a", 1.0: "b"}, dict([(1, 2), (3, 4)]), dict(a=1), {**d, "x": 0})
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
print(d.keys(), d.values(), d.items())
s = {3, 1, 2}
s.add(4); s.discard(1)
print(len(s), 3 in s, 1 in s, sorted(s), sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}))
r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], 5 in r, 6 in r, list(range(5, 0, -2)), range(3)[1:])
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(any([0, 0, 1]), all([1, 1, 0]), list(reversed([1, 2, 3])), max({"a": 3, "b": 5}, key=lambda k: -len(k)))
big = list(range(1000))
print(sum(big), big[-1], len(big), big[500:503])
nested = {"a": [1, {"b": (2, 3)}]}
print(nested, nested["a"][1]["b"][0])
x = [1]; x.append(x); print(x)
