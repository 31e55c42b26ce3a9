try:
    pass
except* ValueError as e:
    print(e)
except* TypeError:
    pass
for x in y:
    try:
        continue
    finally:
        print(1)
while a:
    with b:
        break
try:
    x
finally:
    y
async_ = 1
x = [1,2,3][0]
print(f"{x=}")
lst = [*a, *b]
t = (*a, 1)
s = {*a}
x = a.b.c.d(e)
x = not a
x = ~a
x = -a
x = a ** b // c % d @ e
x = a is not b
x = a not in b
x[1:2] = 3
del x[::]
import os.path
