# A SyntaxError from compile() that nobody catches: after the traceback, CPython prints the error's file, line,
# source text and carets, then the type and message (not str(e)); the exit code is 1.
print("compiling")
source = "def f(x):\n    return (x +\n\nprint(f(1))\n"
compile(source, "generated.py", "exec")
print("never reached")
