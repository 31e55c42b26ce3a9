x = [0x1for y in (1, 2)]
print(x, 1if x else 2)
