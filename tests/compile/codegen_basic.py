import os
x = 1
y = x + 2
print(x, y, sep="")
if x:
    z = [1, 2, 3]
else:
    z = {"a": 1}
for i in range(3):
    print(i)
while x < 10:
    x += 1
os.path.join("a", "b")
