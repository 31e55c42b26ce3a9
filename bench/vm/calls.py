# Python-to-Python calls and recursion (CALL/RETURN_VALUE frame push/pop).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def add(a, b):
    return a + b
def many(n):
    s = 0
    for i in range(n):
        s = add(s, i)
    return s
print(fib(27), many(1000000))
