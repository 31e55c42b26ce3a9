import sys
vals = [0, 1, -1, -2, 2**60, 2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, 2**62, -(2**61), 2**64 + 7, -(2**64) - 7, 10**30, -(10**30), 2**200,
        0.5, -0.5, 0.1, 1e10, 1e-10, 1.5e300, -1.5e300, 2.0**61, 2.0**62, 2.0**-61, 3.14, True, False, 1 + 0j, 1.5 + 2j, -1j, 0j, complex(2**61, -1)]
for v in vals:
    print(repr(v), hash(v))
print(hash(2**61 - 1) == 0, hash(-(2**61 - 1)) == 0, hash(1.0) == hash(1), hash(2.0**61) == hash(2**61), hash(0.5) == hash(2**60), hash(-0.5))
print(sorted({hash(x) for x in range(-5, 6)}), hash((1, 2)) == hash((1, 2)), hash(frozenset()) == hash(frozenset()))
