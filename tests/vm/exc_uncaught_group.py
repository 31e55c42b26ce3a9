# an uncaught exception group: the boxed traceback display
def f():
    raise ValueError("one")
def g():
    raise TypeError("two")
excs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        excs.append(e)
inner = ExceptionGroup("inner", [KeyError("k")])
raise ExceptionGroup("many things", excs + [inner])
