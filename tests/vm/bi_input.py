# input(): the prompt goes to sys.stdout, the line comes from sys.stdin.readline() without its newline;
# EOF (an empty read) raises EOFError.
import sys
class FakeIn:
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self):
        return self.lines.pop(0) if self.lines else ''
class FakeOut:
    def __init__(self): self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self): self.parts.append('<flush>')
real_in, real_out = sys.stdin, sys.stdout
sys.stdin = FakeIn(['first line\n', 'second\n', 'no newline'])
a = input()
b = input('prompt> ')
c = input(5)
try:
    input()
except EOFError as e:
    err = 'EOFError: ' + str(e)
fake = FakeOut()
sys.stdout = fake
sys.stdin = FakeIn(['x\n'])
d = input('to fake: ')
sys.stdout = real_out
sys.stdin = real_in
print(repr(a), repr(b), repr(c), err, repr(d))
print(fake.parts)
try:
    input('a', 'b')
except TypeError as e:
    print('TypeError:', e)
