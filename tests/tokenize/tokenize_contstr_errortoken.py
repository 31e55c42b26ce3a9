s = 'line one \
line two has no backslash
t = 1
u = """a
b"""
v = "x \
y \
z
w = 2
