x = 1  # type: int
def f(a,  # type: int
      b):
    # type: (...) -> None
    pass
for i in []:  # type: str
    pass
with a as b:  # type: ignore[misc]
    pass
y = 2  # type: ignore
