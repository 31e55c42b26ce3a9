# SyntaxErrors reported from compile(), exec() and eval(), and one left uncaught.
import sys

for src, mode in (("x = (1,", "exec"), ("1 +* 2", "eval"), ("def f():\n  return\n    x", "exec"),
                  ("a = 'unterminated", "exec"), ("for x in range(3):\nprint(x)", "exec")):
    try:
        compile(src, "<src>", mode)
    except SyntaxError as e:
        sys.excepthook(type(e), e, e.__traceback__)

def nested():
    exec("lambda x: (yield)\nif True\n")

nested()
