# Code objects made at run time live as long as something refers to them: an exception raised by compiled code
# keeps its traceback's code after the program dropped its own reference, and evaluating many strings does not
# keep them all.
kept = []
for i in range(3):
    c = compile("def f(n):\n    return 10 // n\nf(%d)\n" % (i - 1), "<gen%d>" % i, "exec")
    try:
        exec(c, {})
        print(i, "ran")
    except ZeroDivisionError as e:
        kept.append(e)
    del c
total = 0
for i in range(2000):
    total += eval("i * 2 + %d" % (i % 7))
print(total)
for i in range(200):
    exec("value_%d = %d" % (i, i))
print(value_0 + value_199)
print(len(kept), type(kept[0]).__name__)
raise kept[0]
