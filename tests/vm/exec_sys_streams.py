# sys.stdout and sys.stderr as print() and programs use them: write() returns the length, print() goes to whatever
# sys.stdout is now and writes piece by piece, file= and flush= work, the __stdout__ originals stay.
import sys
n = sys.stdout.write("written directly\n")
print(n)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.encoding, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.writable(), sys.stdin.readable())

class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)
        return len(s)
    def flush(self):
        self.calls.append("<flush>")

rec = Recorder()
print("a", "b", 3, sep=", ", end="!\n", file=rec)
print(file=rec)
print("x", flush=True, file=rec)
sys.stdout = rec
print("captured", 42)
sys.stdout.write("direct to recorder\n")
sys.stdout = sys.__stdout__
print(rec.calls)

sys.stdout = None
print("dropped: sys.stdout is None")
sys.stdout = sys.__stdout__
print("back")

print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
sys.stdout.flush()
try:
    print("x", file=42)
except AttributeError as err:
    print("AttributeError:", err)
try:
    sys.stdout.write(5)
except TypeError as err:
    print("TypeError:", err)
print("end", flush=True)
