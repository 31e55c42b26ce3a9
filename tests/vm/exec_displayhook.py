# 'single' mode hands expression values to sys.displayhook: the default one prints repr() and keeps the value in
# builtins._, a replacement sees every value (None included).
import sys
import builtins
exec(compile("6 * 7", "<s>", "single"))
print(builtins._)
exec(compile("'text'", "<s>", "single"))
print(repr(builtins._))
exec(compile("None", "<s>", "single"))
print(repr(builtins._))
sys.displayhook([1, 2])
print(builtins._)
print(sys.displayhook(None), builtins._)
print(sys.displayhook is sys.__displayhook__)

seen = []
def hook(value):
    seen.append(value)
sys.displayhook = hook
exec(compile("1\nNone", "<s>", "exec"))
exec(compile("for c in 'ab': c\n", "<s>", "single"))
exec(compile("None", "<s>", "single"))
sys.displayhook = sys.__displayhook__
print(seen)

# A displayhook that raises: the error comes out of exec().
def bad(value):
    raise ValueError("hook failed for %r" % (value,))
sys.displayhook = bad
try:
    exec(compile("99", "<s>", "single"))
except ValueError as err:
    print(err)
del sys.displayhook
try:
    exec(compile("100", "<s>", "single"))
except RuntimeError as err:
    print("RuntimeError:", err)
sys.displayhook = sys.__displayhook__

# The default hook writes to sys.stdout, whatever it is now.
class Capture:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
cap = Capture()
sys.stdout = cap
exec(compile("{'k': (1, 2)}", "<s>", "single"))
sys.stdout = sys.__stdout__
print(repr(cap.text))
try:
    sys.displayhook(1, 2)
except TypeError as err:
    print("TypeError:", err)
