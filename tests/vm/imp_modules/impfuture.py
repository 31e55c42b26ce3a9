from __future__ import annotations
def f(x: UndefinedName) -> AlsoUndefined:
    return x
ANNOTATIONS = f.__annotations__
