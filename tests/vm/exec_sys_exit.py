# sys.exit(): SystemExit with the argument as its code; a string is printed to stderr and the exit code is 1.
import sys
for arg in [(), (0,), (3,), ("text",), (None,), ((1, 2),)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(arg, repr(e.code), e.args)
try:
    sys.exit(1, 2)
except TypeError as err:
    print("TypeError:", err)
try:
    raise SystemExit(7)
except SystemExit as e:
    print(e.code)
print("leaving with a message")
sys.exit("fatal: the message goes to stderr")
