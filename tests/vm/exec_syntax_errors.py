# SyntaxErrors raised by compile(), exec() and eval(), caught: their args and attributes as CPython sets them.
def show(src, mode="exec", filename="<test>"):
    try:
        compile(src, filename, mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg))
        print("   ", e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
        print("   ", len(e.args), str(e))
    else:
        print("compiled", repr(src))

show("x = (1,\n")
show("x = 1 +")
show("def f(:\n    pass")
show("f(**a, *b)")
show("a = 1\nb = = 2\n")
show("print 'hello'")
show("x = 'unterminated")
show('"""never closed')
show("1 +* 2", "eval")
show("x = 1", "eval")
show("a, b", "single")
show("a = 1\nb = 2\n", "single")
show("", "eval")
show("    ", "eval")
show("lambda: (yield)", "eval")
show("f(x for x in y, 1)")
show("if x:\npass")
show("1 = x")
show("del f()")
show("x: int: str")
show("import a.b as")
show("'\\N{NOT A NAME}'")
show("0777")
show("1_000_")
show("é = 1 $", filename="/no/such/dir/file.py")
show("a\0b")
show(b"a\0b")
show(b"x = '\xff'")

# exec() and eval() name the source <string>.
for run in (exec, eval):
    try:
        run("1 +")
    except SyntaxError as e:
        print(run.__name__, e.filename, e.lineno, e.offset, str(e))

# SyntaxError objects made by hand.
e = SyntaxError("message", ("file.py", 3, 7, "the text\n", 3, 9))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, str(e))
e = SyntaxError("only message")
print(e.msg, e.filename, e.lineno, str(e), e.args)
e = SyntaxError("m", ("/deep/path/name.py", 12, 1, None))
print(str(e), e.end_lineno, e.end_offset, e.print_file_and_line)
e = SyntaxError()
print(repr(str(e)), e.msg)
try:
    SyntaxError("m", (1, 2))
except TypeError as err:
    print("TypeError:", err)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
