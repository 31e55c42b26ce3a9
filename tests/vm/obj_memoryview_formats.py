# memoryview with the native struct formats CPython's memoryview supports (b B h H i I l L q Q n N f d ? c P):
# cast, tolist, indexing, slicing with steps, item assignment with range checks, comparisons item by item,
# attributes, and the errors of cast/assignment/hash (CPython: Objects/memoryobject.c).

data = bytes(range(1, 17)) + b"\xff\xfe\x80\x7f\x00\x00\xf0\x7f" + b"\x00\x00\xc0\x7f\x00\x00\x80\xbf"
m = memoryview(data)
for f in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "?", "c", "P", "@h", "@B"]:
    c = m.cast(f)
    print(f, c.format, c.itemsize, c.nbytes, c.shape, c.strides, len(c), c.tolist())
    print("  ", c[0], c[-1], c[1:3].tolist(), c[::2].tolist(), c[::-1].tolist()[:3], c[::-1].strides,
          c.tobytes() == data, bytes(c[1:2]), c.c_contiguous, c[::2].contiguous)
print([x for x in m.cast("h")][:4], list(reversed(m.cast("I")))[:2])

b = bytearray(16)
w = memoryview(b)
ints = w.cast("i")
ints[0] = -5
ints[1] = 2 ** 31 - 1
ints[-1] = True
print(b, ints.tolist(), ints.readonly)
for f, values in [("i", [2 ** 31, -2 ** 31 - 1, 1.5, "x", None]), ("B", [256, -1, 3.0]), ("b", [128, -129]),
                  ("H", [65536, -1]), ("Q", [-1, 2 ** 64]), ("q", [2 ** 63]), ("c", [b"ab", "a", 1]),
                  ("d", ["x", 1, 2 ** 2000]), ("f", [1e300, 2.5]), ("?", [[], [0]])]:
    v = w.cast(f)
    for x in values:
        try:
            v[0] = x
            print(f, repr(x), "->", v[0])
        except (TypeError, ValueError, OverflowError) as e:
            print(f, repr(x), type(e).__name__, e)
d = w.cast("d")
d[1] = 0.1
print(d.tolist(), b)
sh = w.cast("h")
sh[2:4] = memoryview(bytes([1, 0, 2, 0])).cast("h")
print(sh.tolist()[:5])
try:
    sh[0:2] = b"\x01\x02\x03"
except ValueError as e:
    print("ValueError", e)

print(m.cast("h") == m.cast("h"), m.cast("h") == m, m.cast("B") == data, memoryview(b"\xff").cast("b") == memoryview(b"\xff"),
      m.cast("h") != m.cast("H"), memoryview(b"\x00\x00\xc0\x7f").cast("f") == memoryview(b"\x00\x00\xc0\x7f").cast("f"))
for call in [lambda: m.cast("h").cast("i"), lambda: memoryview(b"abc").cast("h"), lambda: m[::2].cast("h"),
             lambda: m.cast("x"), lambda: m.cast("e"), lambda: m.cast(1), lambda: hash(m.cast("h")),
             lambda: m.cast("h", [3]), lambda: memoryview(b"ab").cast("c")[5], lambda: m.cast("h").cast("B", [32])]:
    try:
        r = call()
        print("ok", r.tolist() if isinstance(r, memoryview) else r)
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(hash(memoryview(b"ab").cast("c")) == hash(b"ab"), m.cast("h").cast("B").format, m.cast("@h").cast("c").format)
print(memoryview(b"abcd").cast("c").tolist(), memoryview(b"\x01\x00\x02").cast("?").tolist())
