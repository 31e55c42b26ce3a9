#!/usr/bin/env python3
"""Writes Tests/KaaSyntaxTests/ParserStatementCases.swift: statement snippets with what CPython 3.11 (python3) gives
for them — `ast.dump(ast.parse(src, mode=...), include_attributes=True)` or the SyntaxError's class, msg, lineno,
offset, end_lineno, end_offset. Run it again after editing the snippet lists below."""
import ast, os, sys

OK = [
    # simple statements
    "x = 1\n", "x = y = z\n", "a, b = c\n", "[a, *b] = c\n", "x: int\n", "x: int = 1\n", "(x): int = 1\n",
    "a.b: int\n", "a[0]: int = 3\n", "x += 1\n", "x.y -= 2\n", "x[0] **= 3\n", "x //= y\n", "x @= y\n",
    "x >>= 1; y <<= 2; z ^= 3; w |= 4; v &= 5; u %= 6; t /= 7; s *= 8\n",
    "x = yield\n", "x = yield y\n", "x: int = yield\n", "x = *a, *b\n",
    "return\n", "return 1, 2\n", "raise\n", "raise E\n", "raise E from e\n", "pass\n", "break\n", "continue\n",
    "global a\n", "global a, b, c\n", "nonlocal x, y\n", "del x\n", "del x, y[0], z.a\n", "del (a, b), [c]\n",
    "yield\n", "yield x\n", "yield from x\n", "assert x\n", "assert x, 'msg'\n",
    "import a\n", "import a.b.c\n", "import a as b, c.d as e\n", "from a import b\n", "from . import b\n",
    "from .. import (a as b, c)\n", "from ...a.b import *\n", "from .... import x\n", "from a import (b, c,)\n",
    "x = 1; y = 2;\n", "x = 1  # comment\n", "\n\n# c\nx\n\n", "", "\n", "f(x)\n", "a if b else c\n",
    # compound
    "if x:\n    pass\n", "if x: pass\n", "if x:\n  a\nelif y:\n  b\nelif z:\n  c\nelse:\n  d\n",
    "if x:\n    if y:\n        pass\n    else:\n        pass\n", "if (x := 1):\n  pass\n",
    "while x:\n  pass\nelse:\n  pass\n", "while 1: break\n",
    "for x in y:\n  pass\n", "for x, y in z:\n  pass\nelse:\n  pass\n", "for x in *a, *b:\n  pass\n",
    "for (a, b) in c: pass\n", "async def f():\n  async for x in y:\n    pass\n  async with a as b:\n    pass\n",
    "with a: pass\n", "with a as b, c as d: pass\n", "with (a as b, c as d,): pass\n", "with (a, b): pass\n",
    "with (a): pass\n", "with (a) as b: pass\n", "with a as (b, c): pass\n",
    "try:\n  pass\nexcept:\n  pass\n", "try:\n  pass\nexcept E as e:\n  pass\nelse:\n  pass\nfinally:\n  pass\n",
    "try:\n  pass\nfinally:\n  pass\n", "try:\n  pass\nexcept* E:\n  pass\nexcept* (F, G) as g:\n  pass\n",
    "try:\n  pass\nexcept (A, B):\n  pass\nexcept C:\n  pass\n",
    "def f(): pass\n", "def f(a, b=1, *c, d, e=2, **f) -> int:\n  return a\n", "def f(a, /, b): pass\n",
    "def f(a=1, /, b=2): pass\n", "def f(a, /): pass\n", "def f(*, a): pass\n", "def f(*a: int): pass\n",
    "def f(*a: *Ts): pass\n", "def f(**kw): pass\n", "def f(a: int = 1, *, b: str = 'x'): pass\n",
    "@dec\ndef f(): pass\n", "@a.b(c)\n@d\nasync def f(): pass\n", "async def f():\n  await x\n",
    "class A: pass\n", "class A(B, C, metaclass=M, **kw):\n  x = 1\n  def f(self): pass\n", "class A(): pass\n",
    "@dec\nclass A:\n  pass\n",
    "def f():\n    '''doc'''\n    x = 1\n    return x\n",
    "if a:\n    pass\n# trailing comment\n",
    "if a:\n    pass\n\n\n\nx = 1\n",
    # match
    "match x:\n  case 1: pass\n",
    "match x:\n  case 1 | 2 | 3:\n    pass\n  case _:\n    pass\n",
    "match x:\n  case -1: pass\n  case 1.5: pass\n  case 1+2j: pass\n  case -1-2j: pass\n  case 'a' 'b': pass\n",
    "match x:\n  case None: pass\n  case True: pass\n  case False: pass\n",
    "match x:\n  case a: pass\n  case a.b: pass\n  case a.b.c: pass\n",
    "match x:\n  case (a): pass\n  case (a,): pass\n  case [a, *b]: pass\n  case (): pass\n  case []: pass\n",
    "match x:\n  case [*_]: pass\n  case a, b: pass\n  case *a, b: pass\n",
    "match x:\n  case {}: pass\n  case {1: a, 'b': c}: pass\n  case {**rest}: pass\n  case {a.b: c, **r,}: pass\n",
    "match x:\n  case C(): pass\n  case C(a, b): pass\n  case C(a=1, b=2): pass\n  case a.C(1, b=2,): pass\n",
    "match x:\n  case [a] as b: pass\n  case (1 | 2) as c: pass\n",
    "match x, y:\n  case a, b if a > b:\n    pass\n", "match *a, b:\n  case _: pass\n",
    "match = 1\ncase = 2\n_ = 3\nmatch.x\n", "match(x)\n", "match [a]:\n  case [b]: pass\n",
    "match x:\n  case {None: 1, True: 2, -1: 3, 1+1j: 4}: pass\n",
    "x = 1 # type: int\n",
]

# (source, mode) pairs for the other start rules
MODES = [
    ("1 + 2", "eval"), ("a, b", "eval"), ("x\n\n", "eval"),
    ("x = 1\n", "single"), ("if x:\n  pass\n", "single"), ("x = 1; y = 2\n", "single"), ("\n", "single"),
    ("(int, str) -> None", "func_type"), ("() -> int", "func_type"), ("(*a, **k) -> x", "func_type"),
    ("(a, *b, **c) -> x", "func_type"), ("(a, **c) -> x", "func_type"),
    ("if x:\n  pass\nelse:\n  pass\n", "single"), ("@d\ndef f(): pass\n", "single"), ("x = 1\n\n", "single"),
    ("x = 1 # c\n", "single"), ("\n\nx\n", "single"), ("pass;\n", "single"), ("for x in y: pass\n", "single"),
    ("class A: pass\n", "single"), ("if x:\n  pass\n\n\n", "single"), ("x = 1\n# c\n  # d\n", "single"),
    ("match x:\n  case 1: pass\n", "single"),
    ("(x)\n\n\n", "eval"), ("lambda: 1", "eval"), ("x if y else z\n", "eval"), ("*a, b", "eval"),
    ("(*a, **k) -> (int, str)\n", "func_type"),
]

TYPE_COMMENTS = [
    "x = 1 # type: int\n",
    "def f(a, # type: int\n      b, # type: str\n      ):\n    # type: (...) -> None\n    pass\n",
    "def f(a, b): # type: (int, int) -> int\n    pass\n",
    "for x in y: # type: int\n    pass\n",
    "with a as b: # type: int\n    pass\n",
    "import x # type: ignore\nimport y # type: ignore[abc]\n",
    "def f(a, # type: int\n      *, # type: int\n      b): pass\n",
    "def f(): # type: () -> None\n    # type: () -> None\n    pass\n",
    "def f():\n    # type: () -> None\n    pass\n",
    "def f(a # type: int\n      ): pass\n",
    "def f(*a, # type: int\n      **k # type: str\n      ): pass\n",
    "async def f(): # type: () -> None\n  pass\n",
    "x: int = 1 # type: int\n", "pass # type: int\n", "x = 1 # type: int # type: str\n",
    "for x in y: # type: int\n  pass\nelse: # type: int\n  pass\n",
    "x = y = 1 # type: int\n", "def f(a, b): # type: ignore\n    pass\n", "# type: ignore\nx = 1\n",
]

ERRORS = [
    "x\n  y\n", "if x:\npass\n", "if x\n  pass\n", "elif x:\n  pass\n", "while x\n  pass\n", "for x in y\n  pass\n",
    "for 1 in y:\n  pass\n", "for f() in y: pass\n", "with a as 1: pass\n", "with a as f(): pass\n",
    "with a\n  pass\n", "with a:\npass\n", "with (a, b)\n  pass\n",
    "try:\n  pass\n", "try:\npass\n", "try:\n  pass\nexcept:\npass\n", "try:\n  pass\nexcept A, B:\n  pass\n",
    "try:\n  pass\nexcept A\n  pass\n", "try:\n  pass\nexcept\n  pass\n", "try:\n  pass\nexcept *:\n  pass\n",
    "try:\n  pass\nfinally:\npass\n", "try:\n  pass\nexcept* A:\npass\n",
    "try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass\n", "try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n",
    "try\n  pass\n", "try:\n  pass\nelse:\n  pass\n",
    "def f(a=1, b):\n  pass\n", "def f(*):\n  pass\n", "def f(*, **k): pass\n", "def f(*a=1): pass\n",
    "def f(**k=1): pass\n", "def f(**k, a): pass\n", "def f(**k, *a): pass\n", "def f(*a, *b): pass\n",
    "def f(/, a): pass\n", "def f(a, /, b, /): pass\n", "def f(*a, b, /): pass\n", "def f(a=1 /, *b): pass\n",
    "def f(a, (b, c)): pass\n", "def f(a=): pass\n", "def f:\n  pass\n", "def f()\n  pass\n",
    "def f():\npass\n", "async def f():\npass\n", "class A\n  pass\n", "class A:\npass\n", "class A(B):\npass\n",
    "x, y: int\n", "[x]: int\n", "(x, y): int\n", "f(): int\n", "1 = x\n", "x = 1 = y\n", "f() = 1\n",
    "x = yield = 1\n", "f() += 1\n", "(a, b) += 1\n", "del f()\n", "del 1\n", "del *x\n", "del (a, *b)\n",
    "from a import b,\n", "from a import (b\n", "import a.\n", "from import a\n",
    "match x:\n  case 1\n    pass\n", "match x\n  case 1: pass\n", "match x:\ncase 1: pass\n",
    "match x:\n  case 1:\n  pass\n", "match x:\n  case a as _: pass\n", "match x:\n  case a as 1: pass\n",
    "match x:\n  case C(a=1, b): pass\n", "match x:\n  case 1 + 1: pass\n", "match x:\n  case 1j + 1j: pass\n",
    "match x:\n  case a.b(): pass\n  case f(x=1, y): pass\n",
    "if x:\n    a\nb c\n", "x = 1 +\n", "x = (1,\ny = 2\n", "print 1\n", "x = 1 2\ny = \"abc\n",
    "if x:\n  pass\nelse:\npass\n", "if x:\n  pass\nelif y:\npass\n", "while x:\npass\n", "for x in y:\npass\n",
    "if x:\n  pass\n  else:\n  pass\n", "  x = 1\n", "x = 1\n    y = 2\n", "def f():\n  return\n x\n",
    "a b c\n", "f(a for a in b, c)\n", "x = [1, 2\n", "class A(x for x in y): pass\n",
    "global\n", "nonlocal x,\n", "return return\n", "lambda x: (yield)\n = 1\n",
]
ERROR_MODES = [("yield x", "eval"), ("x; y", "eval"), ("\n x\n", "eval"), ("x = 1\ny\n", "single"),
               ("x = 1;\ny\n", "single"), ("if x:\n  pass\ny\n", "single"), ("x\n  y\n", "single"),
               ("(a) -> b -> c", "func_type"), ("(a, b) c", "func_type"), ("a -> b", "func_type"),
               ("x = 1 +\n", "single"), ("if x:\n", "single"), ("if x:\npass\n", "single"),("x = 1\ny = 2\n", "single"), ("", "single"), ("if x:\n  pass\nx = 1\n", "single"),
               ("1 2", "eval"), ("x = 1", "eval"), ("(int) -> ", "func_type"), ("", "eval")]


# compile(..., PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT) as codeop does (sources end with a newline:
# CPython adds none in these modes, Kaa's lexer always does)
INCOMPLETE = [("if x:\n", "single"), ("if x:\n  pass\n", "single"), ("x = (1,\n", "single"),
              ("x = \"\"\"abc\n", "single"), ("x = 1 +\n", "single"), ("x = 1 2\n", "single"),
              ("x = (1 2\n", "single"), ("def f(:\n", "single"), ("if x:\n", "exec"), ("@d\n", "single"),
              ("for x in y:\n  pass\nelse:\n", "single"), ("x = 1\n", "single"), ("class A:\n", "exec"),
              ("x = [\n", "exec"), ("if x:\n  if y:\n", "single")]


def run(src, mode="exec", type_comments=False, incomplete=False):
    try:
        if incomplete:
            import codeop
            tree = compile(src, "<unknown>", mode, codeop.PyCF_ALLOW_INCOMPLETE_INPUT | codeop.PyCF_DONT_IMPLY_DEDENT
                           | ast.PyCF_ONLY_AST)
        else:
            tree = ast.parse(src, mode=mode, type_comments=type_comments)
        return ("ok", ast.dump(tree, include_attributes=True))
    except SyntaxError as e:
        return ("err", "%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))


def swift_str(s):
    out = '"'
    for ch in s:
        if ch == '\\': out += '\\\\'
        elif ch == '"': out += '\\"'
        elif ch == '\n': out += '\\n'
        elif ch == '\t': out += '\\t'
        elif ord(ch) < 0x20: out += '\\u{%x}' % ord(ch)
        else: out += ch
    return out + '"'


def main():
    mode_name = {"exec": ".file", "eval": ".eval", "single": ".single", "func_type": ".funcType"}
    cases = []
    for src in OK + ERRORS:
        cases.append((src, "exec", False))
    for src, mode in MODES + ERROR_MODES:
        cases.append((src, mode, False))
    for src in TYPE_COMMENTS:
        cases.append((src, "exec", True))
    lines = ["// Generated by scripts/gen-parser-stmt-tests.py from python3 (CPython 3.11). Do not edit.",
             "@testable import KaaSyntax", "",
             "/// (source, mode, type comments, expected: `ok|<ast.dump>` or `err|Class|msg|lineno|offset|end_lineno|end_offset`)",
             "let parserStatementCases: [(String, Parser.Mode, Bool, String)] = ["]
    for src, mode, tc in cases:
        kind, text = run(src, mode, tc)
        lines.append("    (%s, %s, %s, %s)," % (swift_str(src), mode_name[mode], "true" if tc else "false",
                                                swift_str(kind + "|" + text)))
    lines.append("]")
    lines.append("")
    lines.append("/// (source, mode, expected) for compile() with PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT")
    lines.append("let parserIncompleteInputCases: [(String, Parser.Mode, String)] = [")
    for src, mode in INCOMPLETE:
        kind, text = run(src, mode, incomplete=True)
        lines.append("    (%s, %s, %s)," % (swift_str(src), mode_name[mode], swift_str(kind + "|" + text)))
    lines.append("]")
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "KaaSyntaxTests", "ParserStatementCases.swift")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


main()
