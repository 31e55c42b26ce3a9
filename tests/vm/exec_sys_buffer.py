# The binary streams under sys.stdout and sys.stdin (exec_sys_buffer.stdin): bytes written to sys.stdout.buffer
# come out in order with text written before and after; sys.stdin.buffer reads bytes.
import sys
sys.stdout.write("text first\n")
print(sys.stdout.buffer.write(b"bytes second\n"))
print("text third")
sys.stdout.buffer.write(bytearray(b"from a bytearray\n"))
sys.stdout.buffer.write(memoryview(b"from a memoryview\n"))
sys.stdout.buffer.flush()
try:
    sys.stdout.buffer.write("str")
except TypeError as e:
    print("TypeError:", e)
print(sys.stdout.buffer is sys.stdout.buffer, sys.stdout.buffer.mode, sys.stdin.buffer.mode)
print(sys.stdin.buffer.readline())
print(sys.stdin.buffer.readline(2), sys.stdin.buffer.readline())
print(sys.stdin.buffer.read(4))
for line in sys.stdin.buffer:
    print("line:", line)
print(sys.stdin.buffer.read(), sys.stdin.buffer.readline())
