# id() is stable while the object lives; is-identity of small ints and interned strings
a = object()
i1 = id(a)
l = [a]
print(id(a) == i1, id(l[0]) == i1)
class C: pass
c = C()
ids = {id(c)}
c.x = 1
ids.add(id(c))
print(len(ids))
x = [1, 2]
y = x
x.append(3)
print(id(x) == id(y), x is y)
print(id(1) == id(1), id(None) == id(None), type(id(a)).__name__, id(a) > 0)
s = "interned"
t = "interned"
print(s is t)
objs = [object() for _ in range(100)]
print(len(set(map(id, objs))))
def f(): pass
print(id(f) == id(f), f is f)
print(id(a) != id(c))
