# SyntaxErrors found after parsing — by the future-statement check, the symbol table and the code generator.
# The symbol table's and future.c's carry only the message in args (the location is in the attributes);
# the code generator's carry (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
# text is the line of the file named, so None for a made-up filename.
sources = [
    "return 1",
    "yield 1",
    "await x",
    "break",
    "continue",
    "def f():\n    nonlocal x",
    "nonlocal x",
    "def f(x, x): pass",
    "def f(a):\n    global a",
    "x = 1\nglobal x",
    "def f():\n    print(x)\n    global x",
    "x: int = 1\nglobal x",
    "from __future__ import braces",
    "from __future__ import nope",
    "x = 1\nfrom __future__ import annotations",
    "x = 1; from __future__ import annotations",
    "class C:\n    def f(self):\n        from m import *",
    "def f():\n    from m import *",
    "[(lambda: (yield))]",
    "[i for i in range(3) if (i := 0)]",
    "[x := 1 for x in y]",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x",
    "async def f():\n    yield from x",
    "f(x=1, x=2)",
    "def f(*, a, a): pass",
    "for x in y:\n    pass\nelse:\n    continue",
    "'''doc'''\nfrom __future__ import annotations\nreturn",
    "@d\nclass C: return",
    "try:\n    pass\nfinally:\n    def g(): break",
    "match x:\n    case a:\n        pass\n    case b:\n        pass",
    "match x:\n    case {**rest, 'a': 1}: pass",
    "match x:\n    case C(a=1, a=2): pass",
    "match x:\n    case [a, a]: pass",

]
for src in sources:
    try:
        compile(src, "<stage>", "exec")
    except SyntaxError as e:
        print(repr(src))
        print("   ", type(e).__name__, len(e.args), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset,
              repr(e.text))
    else:
        print(repr(src), "compiled")
