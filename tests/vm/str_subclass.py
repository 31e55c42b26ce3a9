# Subclasses of str (and of bytes, tuple, int, float, frozenset, set, list, dict): construction through __new__,
# instance attributes, built-in methods returning the plain base type, __str__/__repr__/__format__ overrides seen by
# print/str/repr/format/f-strings/%-formatting, hash/eq overrides in dicts, str.__new__(S, ...), and builtins that
# accept any str.

class S(str):
    def __new__(cls, v, extra=0):
        self = super().__new__(cls, v)
        self.extra = extra
        return self

    def shout(self):
        return self.upper() + "!"


s = S("abc", 5)
print(s, s.extra, type(s).__name__, isinstance(s, str), s.__dict__)
print(type(s.upper()).__name__, type(s + "x").__name__, type(s[0]).__name__, type(s * 2).__name__,
      type(s.strip()).__name__)
print(type(str(s)).__name__, repr(s), s.shout(), len(s), s == "abc", hash(s) == hash("abc"))
print({s: 1}["abc"], {"abc": 2}[s])
t = str.__new__(S, "xyz")
print(t, type(t).__name__, hasattr(t, "extra"))


class R(str):
    def __str__(self):
        return "STR"

    def __repr__(self):
        return "REPR"

    def __format__(self, spec):
        return "FMT" + spec


r = R("raw")
print(r, str(r), repr(r), f"{r}", f"{r!r}", f"{r!s}", f"{r:>5}", format(r, "x"), "{}".format(r), "%s %r" % (r, r), [r])
print(str.__str__(r), str.__repr__(r), str.__format__(r, ">5"), r + "!", r.upper())


class H(str):
    def __hash__(self):
        return 42

    def __eq__(self, o):
        return str.lower(self) == str.lower(o)


h = H("KEY")
d = {h: 1}
print(d.get(H("key")), hash(h), H("a") == "A", H("a") != "A")

print(int(S("12")), float(S("1.5")), "x".join([S("a"), S("b")]), S("a,b").split(","), "abc".startswith(S("a")))
print(getattr(s, S("extra")), "%s" % S("q"), S("ab") in "xaby", ord(S("a")), S("a") < "b", chr(ord(S("z"))))

# Every method hands back a plain str.
p = S("Hello World  ")
calls = [("capitalize", ()), ("casefold", ()), ("lower", ()), ("upper", ()), ("swapcase", ()), ("title", ()),
         ("strip", ()), ("lstrip", ()), ("rstrip", ()), ("expandtabs", ()), ("zfill", (3,)), ("zfill", (20,)),
         ("center", (20,)), ("ljust", (20,)), ("rjust", (20,)), ("replace", ("o", "0")), ("removeprefix", ("H",)),
         ("removesuffix", ("x",)), ("__str__", ()), ("__getitem__", (slice(0, 3),)), ("__getitem__", (slice(None),)),
         ("__add__", ("!",)), ("__mul__", (1,)), ("translate", ({},)), ("join", (["a", "b"],)), ("split", ()),
         ("rsplit", ()), ("partition", (" ",)), ("rpartition", ("W",)), ("splitlines", ()), ("__format__", ("",)),
         ("format", ()), ("format_map", ({},)), ("__mod__", ((),))]
for name, args in calls:
    res = getattr(p, name)(*args)
    inner = type(res[0]).__name__ if isinstance(res, (list, tuple)) else ""
    print(name, type(res).__name__, inner)
print(p.format() is p, (p % ()) is p, type(S("a{{}}").format()).__name__, type(S("{}").format("x")).__name__,
      type(S("a%%") % ()).__name__, type(S("%s") % "x").__name__)
for name, args in [("strip", ()), ("lower", ()), ("__getitem__", (slice(None),)), ("replace", ("a", "b")),
                   ("center", (0,))]:
    print("empty", name, type(getattr(S(""), name)(*args)).__name__)


class B(bytes):
    pass


b = B(b"ab ")
print(repr(b), type(b).__name__, type(b.strip()).__name__, type(b[:]).__name__, type(b * 1).__name__,
      type(b + b"").__name__, type(b.lower()).__name__, type(bytes(b)).__name__, ord(B(b"x")))


class T(tuple):
    def __new__(cls, *a):
        return super().__new__(cls, a)


tt = T(1, 2)
print(tt, type(tt).__name__, type(tt + (3,)).__name__, type(tt[:1]).__name__, type(tt[:]).__name__, len(tt),
      type(tt * 1).__name__)


class I(int):
    pass


i = I(0)
print(bool(i), bool(I(3)), type(i + 1).__name__, i == 0, repr(I(5)), str(I(7)), I(5) * 2, -I(3))
print(type(+I(3)).__name__, type(abs(I(3))).__name__, type(I(3).real).__name__, type(int(I(3))).__name__,
      type(I(3) // 1).__name__, type(round(I(3))).__name__)


class F(float):
    pass


f = F(0.0)
print(bool(f), type(f + 1).__name__, F(1.5), repr(F(2.5)), round(F(2.5)), type(+F(3)).__name__,
      type(abs(F(3))).__name__, type(float(F(3))).__name__)


class FS(frozenset):
    pass


fs = FS([1, 2])
print(type(fs).__name__, sorted(fs), len(fs), 1 in fs, repr(fs), repr(FS()), repr(frozenset()))
print(type(fs | {3}).__name__, type(fs & {1}).__name__, type(fs - {1}).__name__, type(fs ^ {1}).__name__,
      type(fs.copy()).__name__, type(fs.union()).__name__)


class ST(set):
    pass


print(repr(ST([1])), repr(ST()), type(ST([1]) | {2}).__name__, type(ST([1]).copy()).__name__)


class L(list):
    pass


print(repr(L([1])), type(L([1]) + [2]).__name__, type(L([1])[:]).__name__, type(L([1]) * 2).__name__,
      type(L([1]).copy()).__name__)


class D(dict):
    pass


print(repr(D(a=1)), type(D(a=1).copy()).__name__, type(D(a=1) | {}).__name__, D({1: 2}, a=3))


class IS(int):
    def __str__(self):
        return "istr"

    def __repr__(self):
        return "irepr"


print(IS(3), f"{IS(3)}", str(IS(3)), repr(IS(3)), "%d" % IS(3), format(IS(3), "d"), [IS(3)])
