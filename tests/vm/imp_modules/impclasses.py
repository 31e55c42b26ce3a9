class Base:
    def describe(self):
        return type(self).__name__ + " from " + type(self).__module__

class ModError(Exception):
    pass

def explode(n):
    if n == 0:
        raise ModError("exploded")
    explode(n - 1)
