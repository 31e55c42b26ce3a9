# float with int operands in BINARY_OP and COMPARE_OP's fast paths: exact conversions, the boundary at 2**53,
# NaN and infinities, signed zeros, division by zero, and operands still referenced elsewhere.
nan = float("nan")
inf = float("inf")
ints = [0, 1, -1, 3, 2**53 - 1, 2**53, 2**53 + 1, -(2**53) - 1, 2**62 - 1, -(2**62), 2**62, 2**70, -(2**70)]
floats = [0.0, -0.0, 0.5, -2.5, 3.0, 9007199254740992.0, 9007199254740993.0, 1e300, nan, inf, -inf]

def show(x):
    return repr(x)

for i in ints:
    for f in floats:
        out = []
        for a, b in ((i, f), (f, i)):
            for op in ("+", "-", "*", "/"):
                try:
                    if op == "+": r = a + b
                    elif op == "-": r = a - b
                    elif op == "*": r = a * b
                    else: r = a / b
                    out.append(show(r))
                except (ZeroDivisionError, OverflowError) as e:
                    out.append(type(e).__name__ + ":" + str(e))
            out.append("".join("1" if c else "0" for c in (a < b, a <= b, a == b, a != b, a > b, a >= b)))
            if a < b:
                out.append("lt")
            if not (a >= b):
                out.append("nge")
        print(i, f, " ".join(out))

# in-place updates must not change a float another name still holds
x = 1.5
y = x
y += 1
y *= 2
print(x, y)
z = [0.25]
w = z[0] - 1
print(z, w)
total = 0
for k in range(5):
    total = total + 0.5
    total = 2 * total
print(total)
t = 0.0
while t < 3:
    t += 1
print(t)
