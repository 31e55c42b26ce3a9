import sys
print("before")
sys.stdout.write("via sys.stdout\n")
print("to stderr", file=sys.stderr)
sys.exit(3)
