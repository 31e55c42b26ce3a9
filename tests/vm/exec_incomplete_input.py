# PyCF_ALLOW_INCOMPLETE_INPUT and PyCF_DONT_IMPLY_DEDENT, as the codeop module uses them to tell an incomplete
# interactive statement from a wrong one.
PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000
FLAGS = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

def classify(source, mode="single"):
    try:
        compile(source, "<input>", mode, FLAGS)
    except SyntaxError as e:
        return "error: " + e.msg
    return "complete"

for src in ["x = 1", "if x:", "if x:\n    y", "if x:\n    y\n", "(1,", "[1, 2]", "'''abc", "def f(:",
            "x = (", "1 +", "print('hi')", "for i in r:\n", "a b", "x = [\n1,\n2", "@dec", "class C:\n  pass\n"]:
    print(repr(src), "->", classify(src))

print(classify("1 +", "eval"), classify("(1", "eval"), classify("1 + 2", "eval"))
print(classify("x = {", "exec"), classify("x = 1\n", "exec"))
