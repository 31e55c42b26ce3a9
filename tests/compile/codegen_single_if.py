if x:
    y
    z

