#!/usr/bin/env python3
"""Writes the expected reprs that Tests/KaaCoreTests/ReprTests.swift compares with, using CPython 3.11 as oracle.

  tests/repr/float_repr.txt    `<IEEE-754 bits as 16 hex digits> <repr(float)>`
  tests/repr/complex_repr.txt  `<real bits> <imag bits> <repr(complex)>`
  tests/repr/str_repr.txt      `<code points as hex, comma separated>\t<repr(str)>`
  tests/repr/bytes_repr.txt    `<bytes as hex>\t<repr(bytes)>`
The cases are drawn from a fixed seed so reruns give the same files.
"""
import os
import random
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "repr")


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def float_cases(rng):
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e16 - 2, 1e17,
          1e-4, 1e-5, 0.00012345, 0.000012345, 123456789012345678.0, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63,
          5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), -float("nan"), 1.5, 100.0, 1e22, 1e23, 9.999999999999999e22,
          123.456, 0.1 + 0.2, 1e-7, 4.35, 0.5, 1e300 * 10, 3.14159, 2.5e-5, 1e308, 1e-308, 1e-323]
    for e in range(-325, 310):
        for m in (1, 2, 5, 9.5, 1.2345):
            xs.append(float("%re%d" % (m, e)))
    for _ in range(2500):
        xs.append(from_bits(rng.getrandbits(64)))
    for _ in range(1500):
        digits = rng.randint(1, 17)
        xs.append(float("%d.%de%d" % (rng.randint(0, 9), rng.getrandbits(56) % 10 ** digits, rng.randint(-30, 30))))
    for _ in range(500):
        xs.append(float(rng.randint(-2 ** 60, 2 ** 60)))
    return xs


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    rng = random.Random(3117)
    os.makedirs(OUT, exist_ok=True)
    floats = float_cases(rng)
    with open(os.path.join(OUT, "float_repr.txt"), "w") as f:
        for x in floats:
            f.write("%s %r\n" % (bits(x), x))
    specials = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, 1e300 * 10, -1e300 * 10, float("nan"), -float("nan"), 1e22]
    with open(os.path.join(OUT, "complex_repr.txt"), "w") as f:
        pairs = [(a, b) for a in specials for b in specials]
        pairs += [(rng.choice(floats), rng.choice(floats)) for _ in range(300)]
        for a, b in pairs:
            f.write("%s %s %r\n" % (bits(a), bits(b), complex(a, b)))
    strs = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "back\\slash", "\t\n\r\x0b\x0c\x00\x7f",
            "caf\xe9", "\xa0\xad\x85", "\u2028\u2029", "\ud800", "\udfff\ud800x", "\U0001F600", "\U000E0001",
            "\U0010FFFF", "\uffff", "\ufeff", "\u200b\u200d", "\u0378", "\U0001FAF8", "\U0001FAF0", "\u3000", "é'\""]
    for cp in range(0x80, 0x3400):
        strs.append(chr(cp))
    for cp in range(0xD7F0, 0x10000):
        strs.append(chr(cp))
    for _ in range(3000):
        strs.append(chr(rng.randint(0x3400, 0x10FFFF)))
    for _ in range(300):
        strs.append("".join(chr(rng.choice((rng.randint(0, 0x7f), rng.randint(0, 0x10FFFF))))
                            for _ in range(rng.randint(1, 8))))
    with open(os.path.join(OUT, "str_repr.txt"), "w", encoding="utf-8") as f:
        for s in strs:
            f.write("%s\t%s\n" % (",".join("%x" % ord(c) for c in s), repr(s)))
    bs = [b"", b"a", b"'", b'"', b"'\"", b"\\", bytes(range(256)), b"it's", b'x"y']
    for _ in range(100):
        bs.append(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 12))))
    with open(os.path.join(OUT, "bytes_repr.txt"), "w") as f:
        for b in bs:
            f.write("%s\t%r\n" % (b.hex(), b))


if __name__ == "__main__":
    main()
