#!/usr/bin/env python3
"""Writes Tests/KaaSyntaxTests/ParserExpressionCases.swift: expression snippets with what CPython 3.11 (python3)
gives for them — `ast.dump(ast.parse(src), include_attributes=True)` or the SyntaxError's class, msg, lineno, offset,
end_lineno, end_offset. Run it again after editing the snippet lists below."""
import ast, os

OK = [
    # atoms, names, constants
    "x\n", "True, False, None, ...\n", "(x)\n", "((x))\n", "()\n", "(x,)\n", "(x, y)\n", "[]\n", "[x]\n",
    "[x, *y, z,]\n", "{x}\n", "{x, *y}\n", "{}\n", "{a: b}\n", "{a: b, **c, d: e,}\n", "{**a}\n",
    "ñame = ﬁ\n", "ℌ = 1\n",
    # numbers
    "0\n", "00\n", "123\n", "1_000_000\n", "0x_1f\n", "0XFF\n", "0o17\n", "0b1010\n", "0B1_0\n",
    "18446744073709551616\n", "0xffffffffffffffffffffffffffff\n", "1.5\n", "1.\n", ".5\n", "1e10\n", "1E-5\n",
    "1_0.0_1e1_0\n", "1e400\n", "1j\n", "1.5J\n", "1e3j\n", "0j\n", "9" * 60 + "\n", "0.1 + 0.2\n",
    # strings
    "'a'\n", '"a"\n', "'''a\nb'''\n", "'a' 'b'\n", "'a' \\\n 'b'\n", "u'a'\n", "u'a' 'b'\n", "'a' u'b'\n",
    "r'\\n'\n", "R'\\x'\n", "b'a'\n", "b'a' b'b'\n", "rb'\\n'\n", "Br'x'\n", "b'\\x41\\101\\n\\q'\n",
    "'\\n\\t\\r\\a\\b\\f\\v\\\\\\'\\\"'\n", "'\\x41\\u0041\\U00000041\\101'\n", "'\\N{LATIN SMALL LETTER A}'\n",
    "'\\N{latin small letter a}\\N{EM DASH}'\n", "'\\q\\d'\n", "'\\777'\n", "'\\ud800'\n", "'é\\é'\n", "'é\\n'\n",
    "'a\\\nb'\n", "''\n", "b''\n", "'\\0'\n", "x = '€'\n",
    # f-strings
    "f'a'\n", "f''\n", "f'{x}'\n", "f'{x!r}'\n", "f'{x!s:>10}'\n", "f'{x:{w}.{p}}'\n", "f'{x=}'\n",
    "f'{x = }'\n", "f'{x=!s}'\n", "f'{x=:>5}'\n", "f'a{x}b{y}c'\n", "f'{{}}'\n", "f'{{x}}'\n", "f'a{{b'\n",
    "'a' f'{x}' 'b'\n", "f'{x}' f'{y}'\n", "u'a' f'{x}'\n", "f'{x!a}'\n", "rf'\\n{x}'\n", "fr'{x}\\d'\n",
    "f'{x:}'\n", "f'{x:{{}}>10}'\n", "f'{a[1]}'\n", "f'{a[\"b\"]}'\n", "f'{d[\"a\"]!r:>{w}}'\n",
    "f'{x,y}'\n", "f'{x, y}'\n", "f'{(x, y)}'\n", "f'{ x }'\n", "f'{x!r} {y}'\n", "f'{x}{x}'\n",
    "f'{lambda: 1}'\n", "f'{(lambda x: x)}'\n", "f'{a if b else c}'\n", "f'{a:=1}'\n", "f'{(a:=1)}'\n",
    "f'{yield}'\n", "f'{yield x}'\n", "f'{await x}'\n", "f'{x!=y}'\n", "f'{x==y}'\n", "f'{x<y}'\n", "f'{x>=y}'\n",
    "f'''{\nx}'''\n", "f'''{x\n}'''\n", "f'''\n{x}'''\n", "f'''a\n  {x} {y}'''\n", "f'''{x +\ny}'''\n",
    "x = (1, f'''{a +\nb} {c}''')\n", "f'''{\n\nx}'''\n", "f'{\"a\"}'\n", "f\"{'a'}\"\n", "f'''{'''a'''}'''\n",
    "f'{x:\\n}'\n", "f'\\N{EM DASH}{x}'\n", "f'{x}\\N{EM DASH}'\n", "f'{\"é\"}{x}'\n", "f'é{x}'\n",
    "f'{x:{y:{z}}}'\n".replace("{z}", "z"), "f'{x!r:{y}}'\n", "f'{3.14:.2f}'\n", "f'{x:%H:%M}'\n",
    "f'{f\"{x}\"}'\n", "f'{x}' 'a' f'{y}' 'b'\n", "'a' \\\n  f'{x}'\n", "(f'{x}'\n f'{y}')\n",
    "print(f'{x}', f'{y}')\n", "f'{x:}{y:}'\n", "f'{ {} }'\n", "f'{ {1: 2} }'\n", "f'{[1, 2]}'\n",
    # operators
    "a or b\n", "a or b or c\n", "a and b and c or d\n", "not a\n", "not not a\n", "a < b\n", "a < b <= c\n",
    "a == b != c\n", "a in b\n", "a not in b\n", "a is b\n", "a is not b\n", "a > b >= c\n",
    "a | b ^ c & d\n", "a << b >> c\n", "a + b - c\n", "a * b / c // d % e @ f\n", "-a\n", "+a\n", "~a\n",
    "-+~a\n", "a ** b\n", "a ** -b\n", "-a ** b\n", "a ** b ** c\n", "await a\n", "await a ** b\n",
    "a if b else c\n", "a if b else c if d else e\n", "(yield)\n", "(yield x)\n", "(yield from x)\n",
    "x = yield x, y\n", "(x := 1)\n", "[y := f(x), y**2]\n", "f(x := 1)\n",
    # primary
    "a.b\n", "a.b.c\n", "a()\n", "a(b)\n", "a(b, c)\n", "a(b,)\n", "a(*b)\n", "a(**b)\n", "a(b=c)\n",
    "a(b, *c, d=e, **f)\n", "a(*b, c=d, *e, **f, g=h)\n", "a(b for b in c)\n", "a(x, *y, z)\n",
    "a[b]\n", "a[b, c]\n", "a[b:c]\n", "a[b:c:d]\n", "a[:]\n", "a[::]\n", "a[::2]\n", "a[:, 1]\n", "a[*b]\n",
    "a[b, *c]\n", "a[1:2, ::3]\n", "a[(b, c)]\n", "a[b,]\n", "a.b[c](d).e\n", "a()()[1]\n", "a(b)(c)\n",
    "a[x:=1]\n", "a[b:=1, c]\n",
    # comprehensions
    "[x for x in y]\n", "[x for x in y if z]\n", "[x for x in y if z if w]\n", "[x for x in y for z in w]\n",
    "{x for x in y}\n", "{k: v for k, v in d}\n", "(x for x in y)\n", "[x async for x in y]\n",
    "[(x, y) for x, y in z]\n", "[x for *a, b in c]\n", "[x for x.a in y]\n", "[x for x[0] in y]\n",
    "[x for (x) in y]\n", "[x for [a, b] in y]\n", "[x for x in a if b or c]\n", "[x for x in lambda: y]\n".replace("lambda: y", "y"),
    "[(yield) for x in y]\n",
    # lambda
    "lambda: 0\n", "lambda x: x\n", "lambda x, y: x\n", "lambda x=1: x\n", "lambda *a: a\n", "lambda **k: k\n",
    "lambda *, a: a\n", "lambda *, a=1, b: a\n", "lambda a, /: a\n", "lambda a, /, b: a\n", "lambda a=1, /, b=2: a\n",
    "lambda a, b=1, *c, d, e=2, **f: 0\n", "lambda a, /, b, *, c: 0\n", "lambda a,: a\n", "lambda *a, b=1,: 0\n",
    "lambda: (yield)\n", "lambda x: lambda y: x + y\n",
    # targets
    "a = b\n", "a, b = c\n", "[a, b] = c\n", "(a, b) = c\n", "*a, b = c\n", "a.b = c\n", "a[b] = c\n",
    "a.b.c = d\n", "a[b].c = d\n", "a().b = c\n", "a(b)[c] = d\n", "(a) = b\n", "((a)) = b\n", "[*a] = b\n",
    "(*a,) = b\n", "a, = b\n", "() = b\n", "[] = b\n", "a = b = c\n", "(a.b) = c\n", "[a.b, c[d]] = e\n",
    "for a.b in c: pass\n", "for (a, b) in c: pass\n", "for [a] in b: pass\n", "with a as (b, c): pass\n",
    "del a\n", "del a, b\n", "del a.b, a[b]\n", "del (a)\n", "del (a, b)\n", "del [a, b]\n", "del (a), [b]\n",
    "del a,\n", "del ()\n", "del []\n", "del (a.b)\n",
    "x: int = 1\n", "a.b: int\n", "a[0]: int = 1\n", "x += 1\n", "a.b += 1\n", "a[b] += 1\n",
    # misc
    "print(*args, sep='')\n", "x = [\n  1,\n  2,\n]\n", "x = (1 +\n     2)\n", "x = {\n 'a': 1,\n}\n",
    "x = a if b else(c)\n", "x = 1if 1else 2\n", "x = [1for x in y]\n", "f(**{'a': 1})\n",
    "async def f():\n    [x async for x in y]\n    await z\n    return [await x for x in y]\n",
    "def f():\n    x = yield\n    y = yield from z\n    return (yield)\n",
]

ERRORS = [
    # invalid expressions
    "a b\n", "f(a b)\n", "[a b]\n", "(a b c)\n", "print 1\n", "exec 'x'\n", "print a, b\n", "print\n",
    "a if b\n", "x = a if b\n", "(a if b)\n", "[x if y]\n", "1 2\n", "f(1 2)\n", "match x y\n",
    "x = 1 +\n", "x = (1 +\n", "x = )\n", "f(\n", "x = [1, 2\n",
    # named expressions
    "(a.b := 1)\n", "(a[0] := 1)\n", "((a, b) := 1)\n", "(1 := 1)\n", "f(a.b := 1)\n",
    "if x = 1: pass\n", "f(x = 1 for y in z)\n", "(x = 1)\n", "[x = 1]\n", "{x = 1}\n", "if x.a = 1: pass\n",
    "if f() = 1: pass\n", "if (a, b) = 1: pass\n", "if True = 1: pass\n", "if 1 = 1: pass\n",
    "while x = 1: pass\n", "assert x = 1\n",
    # assignment targets
    "f() = 1\n", "a + b = 1\n", "1 = x\n", "None = 1\n", "True = 1\n", "... = 1\n", "(a, f()) = 1\n",
    "[a, 1] = 1\n", "a, b + c = 1\n", "(yield) = 1\n", "lambda: 1 = 1\n", "a if b else c = 1\n",
    "(a := 1) = 2\n", "{a: 1} = 2\n", "{a} = 1\n", "[x for x in y] = 1\n", "f'{x}' = 1\n", "'a' = 1\n",
    "*a = 1\n", "a < b = 1\n", "not a = 1\n", "-a = 1\n", "await a = 1\n", "x = f() = 1\n",
    "del f()\n", "del a + b\n", "del 1\n", "del *a\n", "del (a, 1)\n", "del [a, f()]\n", "del a, *b\n",
    "for f() in x: pass\n", "for 1 in x: pass\n", "for a, 1 in x: pass\n", "[x for 1 in y]\n",
    "[x for f() in y]\n", "[x for a, b() in y]\n", "(x for x + 1 in y)\n", "with a as f(): pass\n",
    "with a as 1: pass\n", "f() += 1\n", "(a, b) += 1\n", "[a] += 1\n", "a + 1 += 1\n",
    "(a, b): int\n", "[a]: int\n", "a + b: int\n", "f(): int\n",
    # call arguments
    "f(**k, *a)\n", "f(**k, *)\n", "f(x for x in y, 1)\n", "f(1, x for x in y)\n", "f(1, x for x in y, 2)\n",
    "f(x=1, y)\n", "f(**k, y)\n", "f(x=1 for y in z)\n", "f(True=1)\n", "f(None=1)\n", "f(a.b=1)\n",
    "f(1=1)\n", "f(a, b=1, c)\n", "f(*a, **k, b)\n", "f(x for x in y for)\n", "f(a=1, a)\n",
    "class A(x for x in y, 1): pass\n", "f(x, *)\n", "f(x, **)\n", "f(*)\n", "f(**)\n",
    # comprehensions
    "[*x for x in y]\n", "{*x for x in y}\n", "(*x for x in y)\n", "{**x for x in y}\n", "[a, b for a, b in c]\n",
    "{a, b for a, b in c}\n", "[a, for a in c]\n", "[x for x in]\n", "[x for in y]\n", "[x for x y]\n",
    "{a: b for a in c for}\n",
    # groups, dicts
    "(*a)\n", "(**a)\n", "print((*a))\n", "{1: *a}\n", "{1: **a}\n", "{1:}\n", "{1:, 2: 3}\n", "{1, 2: 3}\n",
    "{1: 2, 3}\n", "{1: 2, 3, 4: 5}\n", "{**a, b}\n", "{a: b, c d}\n", "{a: 1, **}\n",
    # lambda
    "lambda x=1, y: x\n", "lambda (x): x\n", "lambda (x, y): x\n", "lambda /: 0\n", "lambda a, /, b, /: 0\n",
    "lambda *, /: 0\n", "lambda *a, /: 0\n", "lambda a=1, / b: 0\n", "lambda a /, *: 0\n", "lambda *: 0\n",
    "lambda *,: 0\n", "lambda *, **k: 0\n", "lambda *a=1: 0\n", "lambda **k=1: 0\n", "lambda **k, a: 0\n",
    "lambda **k, *a: 0\n", "lambda **k, **j: 0\n", "lambda *a, *b: 0\n", "lambda *a, b, *c: 0\n",
    "lambda x=: 0\n", "lambda a, *, b=: 0\n", "lambda a: yield\n", "lambda a.b: 0\n", "lambda 1: 0\n",
    "lambda a, a: 0\n",
    # strings
    "'\\x4'\n", "b'\\x4'\n", "'\\N{foo}'\n", "'\\N{LATIN SMALL LETTER A'\n", "'\\U00110000'\n", "'\\u12'\n",
    "b'é'\n", "'a' b'b'\n", "b'a' 'b'\n", "'\\N'\n", "'\\N{'\n", "'\\N{}'\n", "x = 1\ny = 'ab\\x'\n",
    "b'\\x'\n", "b'\\xZZ'\n", "f'{}' b'a'\n",
    # f-strings
    "f'{a!x}'\n", "f'{}'\n", "f'{ }'\n", "f'{a'\n", "f'}'\n", "f'{a:{b:{c}}}'\n", "f'{#}'\n", "f'{a\\n}'\n",
    "x = 1 + f'{a $ b}'\n", "f'{a b}'\n", "f'''{\na b}'''\n", "f'{a!}'\n", "f'{)'\n", "f'{a)}'\n",
    "f'{(]}'\n", "f'{lambda x:1}'\n", "f'{*a}'\n", "f'{**a}'\n", "f'{!r}'\n", "f'{a!r=}'\n", "f'{:x}'\n",
    "f'{=}'\n", "f'{ !r}'\n", "f'{!}'\n", "f'{a:{}}'\n", "f'{a!r }'\n", "f'{1_}'\n", "f'{a ? b}'\n",
    "x=1\nf'{a b}'\n", "f'{a}' f'{b c}'\n", "f'''\n{a b}'''\n", "f'{a:{b $}}'\n", "f'{a[}'\n", "f'{a(}'\n",
    "f'{\"a}'\n", "f'{a!r:{b!x}}'\n", "f'{x:{{y}}}'\n", "f'{a:b}}'\n", "f'{{}'\n", "f'{a=b}'\n",
    "f'{a.}'\n", "f'{a + }'\n", "f'{if}'\n", "f'{a!r!s}'\n", "f'{\\'a\\'}'\n",
    "f'{x}' = 1\n", "f'''{x\n}''' + (1 2)\n",
    # numbers (errors from the parser side)
    "1" * 4301 + "\n", "x = " + "1" * 5000 + "\n",
    # 3.11.7 specifics found by probing python3
    "f(a=1, *)\n", "f(x, **k, *)\n", "f(x, a=1, **k, *b)\n", "f(*a, **k, *b)\n", "f(**k, a=1, *b)\n",
    "f(x, *a, *)\n", "f(**k, *b, c)\n", "f(**k, *b=1)\n", "f(a=1, **k, b=2, *c)\n",
    "{a: b, c}\n", "{a:b, c d: e}\n", "{c d}\n", "{a: b, c d, e: f}\n", "{a: b, c.d}\n",
    "[c d]\n", "[ca d]\n", "[cas d]\n", "[case d]\n", "[cases d]\n", "[m d]\n", "[matc d]\n", "[_ d]\n",
    "[__ d]\n", "[a 'b']\n", "{1: c d}\n", "{c, d e}\n", "{c: [d e]}\n", "{c for x in y z}\n",
    # f-string errors: sub-parser positions (bytes, relative to the "(expr)" text), tokenizer errors after them
    "f'{ {1: *a} }'\n", "x = f'{ {1: *a} }'\n", "f'''{\n{1: *a} }'''\n", "f'{(lambda *: 1)}'\n",
    "f'{f(**k, *)}'\n", "f'{f(a=1, b)}'\n", "f'{f(**k, b)}'\n", "f'''{a.b{a.b}{3.14:.2f}}'''\n",
    'print(f"""{"é"{{1: 2}}}é\\x41""", z)\n', 'Rf"""{(a, b){\n}{"s"}{{1: 2}}}"""\n',
    'def f():\n    x = (1,\n         f"""{{{-x{\n    }}""")\n',
    "(a b .2f)\n", "(a {b} 1_)\n", "b { c ( d e ) }\n", "it 1 ( a b )\n", "( b { * c ( d e )\n",
    "newline unless it ' s ' { adds a newline\n", "x = ( a * 0x1 + b { * pow ( 2.0 c - 63 )\n",
    # misc
    "a.1\n", "a[]\n", "a[1:2:3:4]\n", "a(,)\n", "a(1,,)\n", "(,)\n", "[,]\n", "{,}\n", "a b c d\n",
    "not\n", "a not b\n", "a is not\n", "-\n", "a **\n", "await\n", "x = *a\n", "x = **a\n", "print(**)\n",
    "yield = 1\n", "x = yield = 1\n", "[x, y for x in z]\n", "a <> b\n", "a ! b\n", "a = 1 = 2\n",
]


def run(src, mode="exec", type_comments=False):
    try:
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
    lines = ["// Generated by scripts/gen-parser-expr-tests.py from python3 (CPython 3.11). Do not edit.",
             "@testable import KaaSyntax", "",
             "/// (source, expected: `ok|<ast.dump>` or `err|Class|msg|lineno|offset|end_lineno|end_offset`)",
             "let parserExpressionCases: [(String, String)] = ["]
    seen = set()
    for src in OK + ERRORS:
        if src in seen:
            continue
        seen.add(src)
        kind, text = run(src)
        lines.append("    (%s, %s)," % (swift_str(src), swift_str(kind + "|" + text)))
    lines.append("]")
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "KaaSyntaxTests", "ParserExpressionCases.swift")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


main()
