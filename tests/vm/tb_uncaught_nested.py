# An uncaught exception raised under a method, a lambda, a list comprehension, a generator expression and a
# generator: the traceback names each frame (from a .pyc: no source lines are shown).
class Parser:
    def __init__(self, items):
        self.items = items

    def values(self):
        return (self.convert(x) for x in self.items)

    def convert(self, x):
        return (lambda v: int(v) * 2)(x)

def numbers(p):
    for v in p.values():
        yield v

def total(p):
    return sum([n for n in numbers(p)])

print(total(Parser(["1", "2"])))
print(total(Parser(["1", "two"])))
