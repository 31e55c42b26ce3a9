# __bool__/__len__, __contains__/__iter__/__getitem__ fallbacks, __call__, __reversed__, __length_hint__
class LenOnly:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(LenOnly(0)), bool(LenOnly(3)), len(LenOnly(2)))
class BoolWins:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(BoolWins()), "yes" if BoolWins() else "no")
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
try:
    bool(BadLen())
except ValueError as e:
    print("ValueError", e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError", e)
class BigLen:
    def __len__(self): return 2**64
try:
    len(BigLen())
except OverflowError as e:
    print("OverflowError", e)
print(bool(object()))
class GetItemSeq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(GetItemSeq()), 20 in GetItemSeq(), 25 in GetItemSeq())
for v in GetItemSeq(): print("item", v)
a, b, c = GetItemSeq()
print(a, b, c)
class IterOnly:
    def __iter__(self): return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly(), list(IterOnly()), sum(IterOnly()))
class Contains:
    def __contains__(self, x): return x == "magic"
    def __iter__(self): raise AssertionError("not used")
print("magic" in Contains(), "other" in Contains(), "x" not in Contains())
class NotIterable: pass
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError", e)
try:
    1 in NotIterable()
except TypeError as e:
    print("TypeError", e)
try:
    for x in 5: pass
except TypeError as e:
    print("TypeError", e)
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print("TypeError", e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError", e)
class Counter:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(Counter()), next(iter(Counter())))
class Callable:
    def __call__(self, *a, **k): return ("called", a, k)
print(Callable()(1, x=2), callable(Callable()), callable(Callable), callable(1))
try:
    NotIterable()()
except TypeError as e:
    print("TypeError", e)
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())))
class SeqRev:
    def __len__(self): return 3
    def __getitem__(self, i): return "xyz"[i]
print(list(reversed(SeqRev())))
class GetItemMap:
    def __getitem__(self, k): return k * 2
print(GetItemMap()["ab"], GetItemMap()[3])
try:
    NotIterable()[0]
except TypeError as e:
    print("TypeError", e)
try:
    NotIterable()[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del NotIterable()[0]
except TypeError as e:
    print("TypeError", e)
try:
    len(NotIterable())
except TypeError as e:
    print("TypeError", e)
class Missing(dict):
    def __missing__(self, k): return "missing " + k
print(Missing()["q"], Missing(a=1)["a"])
