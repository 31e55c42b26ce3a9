# sys's version records: version_info is a struct sequence (a tuple with names), hexversion agrees with it,
# implementation names Kaa's own cache tag in CPython's format.
import sys
v = sys.version_info
print(v)
print(v >= (3, 11), v < (3, 12), v[:2] == (3, 11), v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(isinstance(v, tuple), len(v), tuple(v), list(v[::-1]), v[-1], v.count(3), v.index(11))
major, minor, micro, level, serial = v
print(major, minor, micro, level, serial)
print(type(v).__name__, type(v).n_fields, type(v).n_sequence_fields, type(v).n_unnamed_fields)
print(type(v).__match_args__)
print(hash(v) == hash(tuple(v)), v == (3, 11, 7, "final", 0))
match v:
    case (3, minor, *_):
        print("matched minor", minor)
try:
    v.major = 4
except AttributeError:
    print("read-only")
try:
    type(v)((1, 2, 3, 4, 5))
except TypeError as err:
    print("TypeError:", err)
print(sys.hexversion == (v.major << 24 | v.minor << 16 | v.micro << 8 | 0xF0 | v.serial), hex(sys.hexversion))
print(sys.version.startswith("3.11.7"), sys.api_version)
impl = sys.implementation
print(impl.cache_tag == impl.name + "-311", type(impl.version).__name__, impl.version[:2] < (4, 0))
print(isinstance(impl.hexversion, int), impl.name in ("cpython", "kaa"))
print(sys.maxsize == 2 ** 63 - 1, sys.maxunicode, sys.byteorder, sys.platform, sys.float_repr_style)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.radix, sys.float_info.rounds)
print(sys.int_info, sys.int_info.bits_per_digit)
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.algorithm, h.hash_bits, h.seed_bits, h.cutoff)
print(hash(float("inf")) == h.inf, hash(2 ** 61 - 1) == 0)
