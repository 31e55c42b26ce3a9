# input() and sys.stdin reading the program's standard input (exec_sys_stdin.stdin): the prompt goes to stdout,
# the newline is removed, EOFError at the end; readline() keeps the newline, iteration yields the rest.
import sys
name = input("name? ")
print("hello", name)
print(repr(input()))
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))
for line in sys.stdin:
    print("line:", repr(line))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input("more? ")
except EOFError as e:
    print("EOFError:", e)
class Reader:
    def __init__(self, lines):
        self.lines = lines
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
sys.stdin = Reader(["from a replaced stdin\n"])
print(input(">> "))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = sys.__stdin__
