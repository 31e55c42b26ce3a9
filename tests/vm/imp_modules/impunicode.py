π = 3.14159
def größe(n):
    return n * 2
