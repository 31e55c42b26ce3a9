# The same in an f-string literal part: positions count from the non-ASCII run.
x = f"aö{y}"
