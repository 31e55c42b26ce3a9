from __future__ import annotations
x: List[int] = []
y: "str"
z: a.b[c, d:e, *f]
def f(a: int = 1, *args: Tuple[int, ...], b: Callable[[int], str], **kw: {k: v for k, v in d}) -> lambda x, /, y=2, *, z: x | y:
    pass
def g(p: (yield), q: await x, r: f"a{b!r:>{c}}{{d}}", s: not a and b or c, t: x if y else z, u: -a ** -b, v: (1, 2), w: ...) -> 1e400:
    pass
class C:
    attr: dict[str, 'C'] = {}
    other: (a := 1)
