for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
else:
    print("no break")
print()
for i in range(3):
    pass
else:
    print("loop completed", i)
n = 0
while True:
    n += 1
    if n > 5:
        break
print(n)
while n > 0:
    n -= 2
else:
    print("while else", n)
x = 5
print("big" if x > 3 else "small", x > 3 and x < 10, x < 3 or x == 5, not x)
print(1 < x < 10, 1 < x > 10, x is None, x is not None, None or "default", 0 and 1)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
total = 0
for i in range(100):
    for j in range(i):
        if j % 7 == 0:
            total += j
print(total)
def classify(v):
    if v < 0:
        return "neg"
    elif v == 0:
        return "zero"
    elif v < 10:
        return "small"
    return "big"
print([classify(v) for v in (-5, 0, 5, 50)])
print(__name__)
