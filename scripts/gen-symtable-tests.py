#!/usr/bin/env python3
"""Writes Tests/KaaCompilerTests/SymtableCases.swift: snippets with the symbol table CPython 3.11 builds for them
(scripts/symtable_dump.py's text form, with the `code:` lines), or the SyntaxError the symbol table raises.

Usage: scripts/gen-symtable-tests.py    (run with python3 = CPython 3.11; commit the result)
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import symtable_dump

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = [
    # --- scopes
    "x = 1\ndef f(a, b=x, *c, d, e=y, **g):\n    return a + b + h\n",
    "def f(a, /, b, *, c):\n    pass\n",
    "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
    "def outer():\n    x = 1\n    def mid():\n        def inner():\n            return x\n        return inner\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n",
    "def f():\n    global g\n    g = 1\n    def h():\n        return g\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            return x\n",
    "def f(x):\n    def g():\n        return x\n    return g\n",
    "def f(a, b):\n    def g():\n        return b, a\n",
    "x = 1\nclass A:\n    x = 2\n    def m(self):\n        return x\n",
    "def f():\n    x = 1\n    class A:\n        x = 2\n        def m(self):\n            return x\n",
    "def f():\n    y = 1\n    class A:\n        global y\n        def m(self):\n            return y\n",
    "class A:\n    def f(self):\n        return __class__\n",
    "class A:\n    def f(self):\n        super().f()\n",
    "class A:\n    def f(self):\n        def g():\n            return super()\n        return g\n",
    "class A:\n    def f(self):\n        class B:\n            def g(self):\n                return __class__\n",
    "class A:\n    __class__ = 1\n    def f(self):\n        return __class__\n",
    "class A:\n    super = 1\n    def f(self):\n        return [super() for _ in ()]\n",
    "def f():\n    class A:\n        nonlocal_ = 1\n    return A\n",
    "def f():\n    a = 1\n    return lambda b, c=a: a + b + c\n",
    # --- mangling
    "class A:\n    __x = 1\n    def __f(self, __a):\n        __b = __a\n        return self.__x, __c, __d__\n",
    "class _:\n    __x = 1\n",
    "class __B:\n    import __m.__n\n    from __o import __p as __q\n    global __g\n    __g = 1\n",
    "class A:\n    def f(self):\n        __x = 1\n        def g():\n            nonlocal __x\n            __x = 2\n",
    "class A:\n    class B:\n        __y = 1\n    __z = [__w for __w in ()]\n",
    # --- imports
    "import a.b.c\nimport d as e, f.g as h\nfrom i import j, k as l\nfrom . import m\nfrom m import *\n",
    "def f():\n    import os.path\n    from sys import argv as av\n    return os, av\n",
    # --- comprehensions
    "[x for x in y]\n{x for x in y if x}\n{k: v for k, v in z}\n(g for g in w)\n",
    "[x for x in range(3) for y in range(x) if y]\n",
    "def f(a):\n    return [x + a for x in range(3)]\n",
    "def f():\n    return [[(i, j) for j in range(i)] for i in range(3)]\n",
    "[y := x for x in range(3)]\n",
    "def f():\n    [y := x for x in range(3)]\n    return y\n",
    "def f():\n    global y\n    [y := x for x in range(3)]\n",
    "def f():\n    [[z := x for x in range(3)] for q in range(2)]\n",
    "def f():\n    lambda: [w := 1 for _ in ()]\n",
    "class A:\n    x = [i for i in range(3)]\n    y = [x for i in range(3)]\n",
    "def f():\n    x = 1\n    return (x for _ in range(x))\n",
    "async def f():\n    return [x async for x in y]\n",
    "async def f():\n    return [await x for x in y]\n",
    "async def f():\n    return [[x async for x in y] for y in z]\n",
    "async def f():\n    return (x async for x in y)\n",
    "async def f():\n    return [(await x for x in y) for y in z]\n",
    "def f():\n    return [x async for x in y]\n",
    # --- generators, coroutines
    "def f():\n    yield 1\n",
    "def f():\n    yield from g()\n    return 2\n",
    "async def f():\n    await g()\n",
    "async def f():\n    yield 1\n",
    "async def f():\n    pass\n",
    "def f():\n    lambda: (yield)\n",
    # --- annotations
    "x: int = 1\ny: str\n(z): float = 2\na.b: c\nd[0]: e\n",
    "def f(a: A, *b: B, c: C, **d: D) -> R:\n    e: E = 1\n    f: F\n",
    "from __future__ import annotations\nx: int = 1\ny: lambda: q\ndef f(a: A, *b: B, c: C, **d: D) -> R:\n    e: E = 1\n",
    "from __future__ import annotations\nclass A:\n    x: List[int]\n    y: [z for z in w] = 3\n",
    "class A:\n    x: int\n    y: int = 1\n",
    "def f():\n    x: int\n    return x\n",
    "def f():\n    x: int\n    def g():\n        return x\n",
    # --- statements binding names
    "for i, (j, *k) in x:\n    del i\nelse:\n    pass\nwhile w:\n    break\n",
    "with a as b, c as (d, e):\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept* F as f:\n    pass\n" if False else "try:\n    pass\nexcept E as e:\n    pass\nfinally:\n    q = 1\n",
    "try:\n    pass\nexcept* F as f:\n    pass\nelse:\n    g = 1\n",
    "x += 1\ny[0] = 2\nz.a = 3\n[a, *b] = c\n",
    "match x:\n    case [a, *b, c]:\n        pass\n    case {\"k\": d, **e}:\n        pass\n    case C(f, g=h) | D(i) as j:\n        pass\n    case Q.r if k:\n        pass\n    case None:\n        pass\n",
    "def f(x):\n    match x:\n        case [*_]:\n            return 1\n        case {**rest}:\n            return rest\n",
    "raise E from F\nassert a, b\nprint(f'{x!r:{y}}')\n",
    "global a\nnonlocal_ = 1\na = 1\n",
    "class A:\n    global x\n    x = 1\n",
    "def f(*, a=lambda: b, **k):\n    pass\n",
    "@d1\n@d2(x)\ndef f():\n    pass\n@dc\nclass C(B, metaclass=M, **kw):\n    pass\n",
    "lambda: lambda: x\n",
    "def f():\n    return lambda: lambda: f\n",
    "def f():\n    def g():\n        nonlocal x\n    x = 1\n",
    "def f():\n    x = 1\n    def g():\n        def h():\n            nonlocal x\n            x = 2\n",
    "__debug__\ndef f():\n    return __debug__\n",
    "def f():\n    del x\n    def g():\n        return x\n",
    # --- errors (symtable.c)
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    x: int\n    global x\n",
    "def f():\n    global x\n    x: int = 1\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n",
    "def f():\n    x = 1\n    nonlocal x\n",
    "def f():\n    print(x)\n    nonlocal x\n",
    "def f():\n    def g():\n        x: int\n        nonlocal x\n",
    "nonlocal x\n",
    "def f():\n    nonlocal x\n",
    "class A:\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n",
    "class A:\n    x = 1\n    global x\n",
    "def f(a, a):\n    pass\n",
    "def f(a, *, b, **a):\n    pass\n",
    "def f(a, /, b, *a):\n    pass\n",
    "lambda a, a: 1\n",
    "class A:\n    def f(self, __a, _A__a):\n        pass\n",
    "def f():\n    from os import *\n",
    "class A:\n    from os import *\n",
    "[(yield x) for x in y]\n",
    "{(yield) for x in y}\n",
    "{x: (yield) for x in y}\n",
    "((yield) for x in y)\n",
    "def f():\n    [(yield from x) for x in y]\n",
    "[i := 0 for i in range(5)]\n",
    "[[(j := j) for i in range(5)] for j in range(5)]\n",
    "[i for i in range(5) if (j := 0) for j in range(5)]\n",
    "class A:\n    [(y := 1) for x in z]\n",
    "class A:\n    [[(y := 1) for x in z] for q in w]\n",
    "[x for x in (y := [1])]\n",
    "[x for x in [1] for y in (z := [2])]\n",
    "[x for x in (lambda: (y := 1))()]\n",
    "[x for x in [(y := 1) for q in w]]\n",
    "def f():\n    (x for x in (y := 1))\n",
    "from __future__ import annotations\ndef f(x: (yield)):\n    pass\n",
    "from __future__ import annotations\nx: (y := 1)\n",
    "from __future__ import annotations\nasync def f():\n    x: await y\n",
    "from __future__ import annotations\ndef f() -> (yield from x):\n    pass\n",
    "def f():\n    x = 1\n    é = 2; global é\n",
    "def f():\n    global x\n    [x for x in y]\n    [(x := 1) for q in y]\n",
]


def swift_string(s):
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def main():
    lines = [
        "// Generated by scripts/gen-symtable-tests.py from CPython 3.11's `_symtable` module and compile(). Do not edit.",
        "// Each case: a source and CPython's symbol table in SymbolTable.dump(code: true)'s form, or the SyntaxError",
        "// (`!SyntaxError: msg (lineno, offset, end_lineno, end_offset)`) the symbol table raises.",
        "",
        "let symtableCases: [(source: String, expected: String)] = [",
    ]
    seen = set()
    for src in CASES:
        if src in seen:
            continue
        seen.add(src)
        expected = symtable_dump.dump_source(src.encode(), "<unknown>", True)
        lines.append("    (%s,\n     %s)," % (swift_string(src), swift_string(expected)))
    lines.append("]")
    path = os.path.join(ROOT, "Tests", "KaaCompilerTests", "SymtableCases.swift")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d cases to %s" % (len(seen), os.path.relpath(path, ROOT)))


if __name__ == "__main__":
    main()
