# IndentationError and TabError from compile(): kinds, messages and positions.
def show(src, mode="exec"):
    try:
        compile(src, "<indent>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    else:
        print("compiled")

show("  x = 1")
show("if x:\ny = 1")
show("if x:\n    a\n  b")
show("def f():\n\treturn 1\n        return 2")
show("if x:\n        a\n\tb")
show("for i in x:\n")
show("class C:\n# comment only\n")
show("try:\n    pass\nexcept:\npass")
show("x = 1\n    y = 2\n")
show("if True:\n  pass\n    pass\n")
show("   1", "eval")
print(eval("   1"))
