"""A helper module for imp_basic."""
print("impbasic runs as", __name__)
VALUE = 42
_private = "hidden"

def double(x):
    return 2 * x

class Thing:
    def __repr__(self):
        return "Thing()"

counter = 0

def bump():
    global counter
    counter += 1
    return counter
