s = 1 + f"{a b}"
