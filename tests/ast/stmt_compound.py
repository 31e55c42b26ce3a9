# Compound statements.
if a:
    pass
elif b:
    x = 1
elif c: y = 2
else:
    z = 3

while x:
    x -= 1
else:
    done()

for i, j in pairs:
    print(i)
else:
    pass

for x in *a, *b: pass

with open(f) as g, lock:
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (yield):
    pass

try:
    pass
except ValueError as e:
    pass
except (TypeError, KeyError):
    pass
except:
    pass
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass

try:
    pass
except* OSError as eg:
    pass
except* (A, B):
    pass

async def coro():
    async for x in y:
        await x
    async with a as b:
        pass

@decorator
@other.decorator(arg)
def f(a, /, b, c=1, *args, d, e=2, **kwargs) -> "ret":
    """Docstring."""
    return a

def g(a=1, /, b=2, *, c): pass
def h(*args: int, **kw: str): pass
def k(*, a, b=1): pass
def star(*a: *Ts): pass
lambda: 0

@dataclass
class C(Base, metaclass=Meta, **extra):
    x: int = 0
    def m(self):
        pass

class D():
    pass

class E:
    '''doc'''
