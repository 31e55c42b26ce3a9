# Integer loops and arithmetic in a function (LOAD_FAST/BINARY_OP/COMPARE_OP/jumps).
def loops(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7
        if total > 1000000:
            total -= 1000000
        i += 1
    for j in range(n):
        total ^= j & 255
    return total
print(loops(3000000))
