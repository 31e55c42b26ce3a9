# An uncaught exception whose context and cause chain through generators, methods, lambdas and comprehensions.
class Store:
    def __init__(self):
        self.items = {"a": 1}

    def get(self, key):
        return self.items[key]

def gen(store):
    for k in ("a", "b"):
        yield store.get(k)

def load():
    try:
        return [v * 2 for v in gen(Store())]
    except KeyError as e:
        raise LookupError("load failed") from e

fix = lambda: load()

try:
    fix()
except LookupError:
    {}.setdefault([], 1)
