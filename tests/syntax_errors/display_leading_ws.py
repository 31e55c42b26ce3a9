if x:
    a b
