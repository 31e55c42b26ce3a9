a = list(range(10))
a[2:5] = [9, 9]; print(a)
a[2:2] = (1, 2, 3); print(a)
a[:] = a; print(a)
a[1:4] = a; print(a)
a[5:] = []; print(a)
a[-3:100] = iter("xyz"); print(a)
a[3:1] = [7]; print(a)
b = []; b[:] = range(5); print(b)
b[::2] = "abc"; print(b)
print(b[::-1], b[1:4], b[::2], b[10:], b[-2:])
p = list(range(8)); k = 4; p[:k + 1] = p[k::-1]; print(p)
try: b[0:1] = 5
except TypeError as e: print(e)
class Reader:
    # an iterable that reads the list being assigned to while it is consumed
    def __init__(self, l): self.l = l
    def __iter__(self): return iter([len(self.l), self.l[0]])
c = [5, 6, 7]; c[1:2] = Reader(c); print(c)
d = [1, 2, 3]; d[1:] = d[:1]; print(d)
e = [1, 2, 3, 4, 5, 6]; e[1:5] = ["a"]; print(e, len(e))
e[0:0] = e; print(e)
print([][1:], [1][::-1], list(range(20))[3:17:4], list(range(20))[17:3:-3])
