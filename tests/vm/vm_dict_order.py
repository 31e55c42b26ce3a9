d = {}
for i in range(20):
    d[str(i)] = i
for i in range(0, 20, 3):
    del d[str(i)]
d["0"] = "back"
d["5"] = "updated"
print(d)
print(list(d)[:5], len(d))
e = dict.fromkeys("hello")
print(e, list(e.values()))
counts = {}
for w in "the quick brown the lazy the end quick".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
big = {i: i * 2 for i in range(10000)}
for i in range(0, 10000, 2):
    del big[i]
print(len(big), list(big)[:5], big[9999], sum(big.values()))
print({(1, 2): "tuple key", None: 0, 1.5: "float", True: "bool"})
try:
    {}[[1]] = 2
except TypeError as e:
    print(e)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested == {"a": {"b": {"c": 1, "d": 2}}}, {1: 2} == {1: 3})
