# __repr__/__str__/__format__, defaults of object, format() and f-strings, errors for non-str results
class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
class Both:
    def __repr__(self): return "Both-repr"
    def __str__(self): return "Both-str"
class F:
    def __format__(self, spec): return f"F[{spec}]"
print(repr(R()), str(R()), f"{R()}", f"{R()!r}", [R()], str(S()), f"{S()}", [Both()], str(Both()), f"{Both()!s}")
print(format(F(), "x>10"), f"{F():abc}", f"{F()}", "{:q}".format(F()), "{0!r:>8}".format(R()))
print(repr(S())[:10], object.__repr__(R())[:10])
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError", e)
class BadFormat:
    def __format__(self, spec): return 1
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError", e)
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError", e)
print(format(object(), "")[:8])
class StrSub(str):
    def __str__(self): return "overridden"
print(str(StrSub("abc")), StrSub("abc"), repr(StrSub("abc")), f"{StrSub('abc')}")
class IntSub(int):
    def __repr__(self): return "IntSub!"
print(IntSub(3), repr(IntSub(3)), str(IntSub(3)), f"{IntSub(3)}", format(IntSub(3), "05"))
print(ascii(R()), ascii("é"), ascii(Both()))
class ReprRaises:
    def __repr__(self): raise ValueError("nope")
try:
    print([ReprRaises()])
except ValueError as e:
    print("ValueError", e)
class Nested:
    def __init__(self, inner): self.inner = inner
    def __repr__(self): return f"Nested({self.inner!r})"
print(Nested(Nested([1, "a"])))
print(str(1), str(1.5), str(None), str(True), str(b"x"), str([1]), repr("q"))
print("%s %r %a" % (Both(), Both(), "é"))
class ReprStr(str):
    pass
class RS:
    def __repr__(self): return ReprStr("sub")
print(repr(RS()), type(repr(RS())).__name__)
