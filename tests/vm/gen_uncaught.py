# An exception escaping a generator chain: the traceback lists the consumer and each generator frame.
def inner():
    yield 1
    yield 1 // 0

def middle():
    yield from inner()

def outer():
    for v in middle():
        yield v * 2

total = 0
for v in outer():
    total += v
    print('got', v)
print('not reached', total)
