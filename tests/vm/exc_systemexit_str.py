# SystemExit with a message: printed to stderr, exit code 1
print("before")
raise SystemExit("goodbye")
