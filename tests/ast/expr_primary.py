# Calls, attributes, subscripts and slices, chained.
a.b.c(d)(e)[f][g:h](*i, **j).k
f(a, b=1, *c, d=2, **e)
f(*a, b, *c, d=1, *e, **f, g=2)
f(x for x in y)
f((x for x in y), z)
a[1:2, ::3, :, ...]
a[b:c:d]
a[::]
a[*b]
a[b, *c]
a[(b := 1)]
a[b:=1, c]
obj.method(
    arg,
    key=value,
)[0].attr
print(f"{x}", sep="")
