# A coroutine that dies without having run: CPython's "coroutine ... was never awaited" RuntimeWarning on stderr,
# once per location; a closed or started coroutine gives none.
async def f():
    return 1

def make_and_drop():
    c = f()
    print('made', type(c).__name__)

make_and_drop()
print('after first')
c = f()
del c
print('after del')
for i in range(3):
    f()
print('after loop')
c = f()
c.close()
del c
print('closed one: no warning')
c = f()
try:
    c.send(None)
except StopIteration:
    pass
del c
print('run one: no warning')

class Holder:
    async def method(self):
        pass
h = Holder().method()
h = None
print('end')
