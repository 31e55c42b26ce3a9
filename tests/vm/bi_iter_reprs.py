# Reprs of built-in iterators, views, generators and coroutines (addresses masked), and the type names.

def shape(obj):
    return repr(obj).split(" at 0x")[0]
async def coro(): pass
async def agen(): yield
def gen(): yield
c = coro()
objs = [iter([]), iter(()), iter(''), iter('\xe9'), iter({}), iter({}.values()), iter({}.items()), iter(set()),
        iter(range(1)), reversed([]), reversed({}), enumerate([]), zip(), map(len, []), filter(None, []),
        iter(lambda: 0, 1), reversed('ab'), gen(), c, agen(), (x for x in [])]
for o in objs:
    print(type(o).__name__, shape(o))
c.close()
print(repr({}.keys()), repr({'a': 1}.values()), repr({'a': 1}.items()), repr(range(3)), repr(slice(1)))
print(repr(reversed) , repr(enumerate), repr(zip), repr(type(iter([]))))
