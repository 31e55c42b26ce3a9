#!/usr/bin/env python3
"""Writes Tests/KaaCompilerTests/OptimizerCases.swift: expressions with what CPython 3.11's AST optimizer folds them
to. Each expression is compiled with compile(expr, 'f', 'eval', optimize=N); when the code is just
RESUME / LOAD_CONST / RETURN_VALUE, the folded value's repr is the expectation, else `not folded`.
(3.11 has no PyCF_OPTIMIZED_AST; the code generator and peephole optimizer fold nothing a lone expression of
constants could show, apart from what ast_opt.c already folded.)

A fixed list covers each rule and limit; a seeded random corpus of unary and binary operations over a pool of
literals covers the arithmetic (int, bool, float, complex, str, bytes, tuple; every operator).

Usage: scripts/gen-optimizer-tests.py    (run with python3 = CPython 3.11; commit the result)
"""
import dis, os, random, warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FIXED = [
    # unary
    "-1", "+1", "~5", "~-1", "not 0", "not 1", "not ''", "not 'a'", "not ()", "not (1,)", "not None", "not ...",
    "-True", "+False", "~True", "-1.5", "-0.0", "+0.0", "-1j", "-(1+2j)", "~1.5", "-'a'", "-(1,)", "not 0.0",
    "not 0j", "not b''",
    # binary int
    "1 + 2", "2 - 5", "3 * 4", "7 / 2", "7 // 2", "-7 // 2", "7 // -2", "7 % 3", "-7 % 3", "7 % -3", "2 ** 10",
    "2 ** -1", "(-2) ** -3", "0 ** 0", "0 ** -1", "0 ** 10**100", "1 ** 1000", "(-1) ** 129", "2 ** 127", "2 ** 128",
    "2 ** 129", "3 ** 80", "3 ** 81", "1 << 127", "1 << 128", "3 << 126", "3 << 127", "1 << -1", "0 << 10**100",
    "5 >> 1", "-5 >> 1", "-1 >> 100", "1 >> 10**100", "-1 >> 10**100", "5 >> -1", "6 & 3", "-6 & 3", "6 | -3",
    "-6 ^ -3", "True & False", "True | False", "True ^ True", "True & 2", "1 / 0", "1 // 0", "1 % 0",
    "2**64 * 2**64", "2**63 * 2**64", "2**100 * 2**28", "2**100 * 2**29", "10**38", "10**39",
    "(2**53 + 1) / 1", "(2**53 + 3) / 2", "10**30 / 3", "-10**30 / 7", "(2**128 - 1) / 2**75", "1 / 3",
    "(10**38) / (10**20 + 1)", "123456789012345678901234567890 / 987654321", "2**100 / 2**-5",
    # float
    "1.5 + 2", "0.1 + 0.2", "1e308 * 10", "1e308 + 1e308", "-1e308 * 10", "7.5 // 2", "-7.5 // 2", "7.5 % -2",
    "-7.5 % 2", "0.0 % 5", "-0.0 % 5", "5 % -0.5", "1.0 / 0", "1.0 // 0.0", "1.0 % 0.0", "2.0 ** 0.5",
    "(-8.0) ** (1/3)", "(-2.0) ** 3", "(-2.0) ** 2", "0.0 ** -1", "0.0 ** 0", "10.0 ** 400", "10.0 ** -400",
    "2 ** 0.5", "(-2) ** 0.5", "1e300 * 1e300", "-1e300 * 1e300", "1e-300 * 1e-300", "3.0 // 0.1", "1 // 0.1",
    "(2**1024) + 1.0", "(2**1023) * 1.0", "float('inf')", "1e309 - 1e309", "1e309 * 0", "-(1e309 - 1e309)",
    "1e309 // 1", "1e309 % 2", "1 % 1e309", "-1 % 1e309", "0.5 ** 1e309", "2.0 ** -1e309", "(-1.0) ** 1e309",
    "1e309 ** -3", "(-1e309) ** 3", "(-1e309) ** 2", "(-0.0) ** 3", "(-0.0) ** -3", "9.5 // -3.25",
    # complex
    "1 + 2j", "1 - 2j", "2j * 3", "(1+2j) * (3-4j)", "(1+2j) / (3-4j)", "1j / 0", "(1+2j) ** 2", "(1+2j) ** -2",
    "1j ** 0.5", "0j ** -1", "0j ** 0", "(1+1j) ** 101", "2 ** 1j", "(1e200+1e200j) * (1e200+1e200j)",
    "1j // 2", "1j % 2", "(1e300j) ** 5", "(-1) ** 0.5", "(0.5+0.5j) ** (2+1j)", "1 / 1j", "(2+0j) ** -1",
    "1e309j - 1e309j", "-0.0 + 0j", "0.0 - 0j", "-(0j)", "1j ** 1.7976931348623157e308", "(1+1j) ** 1e300",
    "1j ** 1e300", "(0.5+0.5j) ** 1e10", "2.0 ** -1074", "2.0 ** -1075", "10.0 ** -310", "0.5 ** 1074.5",
    "1j ** 101", "1j ** -101", "(1+1j) ** 100", "(1+1j) ** -100", "0j ** -2", "0j ** 2j", "0j ** (1+1j)",
    # str / bytes / tuple
    "'a' + 'b'", "'ab' * 3", "3 * 'ab'", "'ab' * 0", "'ab' * -1", "'' * -5", "'' * 10**100", "'a' * 4096",
    "'a' * 4097", "'ab' * 2048", "'ab' * 2049", "True * 'ab'", "'ab' * False", "b'a' + b'b'", "b'ab' * 3",
    "b'x' * 4097", "'a' + b'b'", "'a' + 1", "'%s' % 1", "'%s' % (1,)", "b'%d' % 5", "(1, 2) + (3,)",
    "(1, 2) * 3", "(1,) * 256", "(1,) * 257", "(1, 2) * 128", "(1, 2) * 129", "((1, 2), 3) * 200",
    "((1,) * 100,) * 10", "((1,) * 100,) * 11", "() * 10**100", "(1,) * -1", "(1,) * 0", "'x' * 2.0",
    "'\\u1234' * 3", "'\\ud800' + 'a'", "'a' - 'b'", "(1,) + [2]", "None + 1", "... * 2",
    # subscripts
    "'abc'[1]", "'abc'[-1]", "'abc'[3]", "'abc'[True]", "b'abc'[0]", "b'abc'[-3]", "(1, 2, 3)[2]",
    "(1, (2, 3))[1]", "'abc'[1:]", "'abc'[1.0]", "(1, 2)['a']", "'abc'[10**100]", "'é€𝄞'[2]",
    "((1, 2) * 2)[3]", "('a' * 3)[1]", "{1: 2}[1]", "[1, 2][0]",
    # tuples
    "(1, 'a', None, ..., True, 1.5, 2j, b'x')", "((1, 2), (3, (4,)))", "(1, x)", "(1, *(2, 3))", "()",
    "(-1, +2, ~3, not 4)",
    # __debug__ and names
    "__debug__", "not __debug__", "(__debug__, 1)", "x", "x + 1", "1 + x + 2", "x + (1 + 2)",
    # nested
    "-(-(-1))", "(1 + 2) * (3 + 4)", "((2 ** 3) ** 2) - 1", "-2 ** 2", "(1, 2) < (1, 3)", "1 < 2", "1 == 1",
    "[1, 2]", "{1, 2}", "{1: 2}", "f'{1}'",
    # Not here: `1 if 1 else 2`, `1 and 2`, `f'a' f'b'` compile to a lone LOAD_CONST through the code generator and
    # the flow graph optimizer, not the AST optimizer.
]

POOL = [
    "0", "1", "2", "3", "-3", "7", "-7", "10", "255", "2**31", "-2**31", "2**62", "2**64", "-2**65", "10**20",
    "True", "False", "0.0", "-0.0", "0.5", "-1.5", "2.5", "3.0", "1e300", "-1e-300", "1e16", "float('nan')",
    "0j", "1j", "(1+2j)", "(-0.5-1.5j)", "(3-0j)", "''", "'ab'", "'é'", "b''", "b'xy'", "()", "(1,)", "(1, 'a')",
    "None", "...",
    # edges of float arithmetic and int → float conversion
    "5e-324", "-2.2250738585072014e-308", "1.7976931348623157e308", "2**1023", "2**1024", "-(2**53+1)", "3**500",
    "-(10**200+7)", "0.1", "-9.75", "123456789.123", "1e-5", "(1e308j)", "(2**53+1)", "(2**64-1)", "(1-1j)",
]
UNARY = ["-", "+", "~", "not "]
BINARY = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]


def folded(src, optimize):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            code = compile(src, "f", "eval", optimize=optimize)
        except SyntaxError as e:
            return "SyntaxError"
    ops = [(i.opname, i.argval) for i in dis.get_instructions(code)]
    if len(ops) == 3 and ops[0][0] == "RESUME" and ops[1][0] == "LOAD_CONST" and ops[2][0] == "RETURN_VALUE":
        return repr(ops[1][1])
    return "not folded"


def swift_string(s):
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def main():
    rng = random.Random(311)
    cases = [(s, 0) for s in FIXED] + [("__debug__", 1), ("not __debug__", 2), ("(__debug__,)", 1)]
    seen = set(cases)
    for _ in range(4000):
        if rng.random() < 0.15:
            src = "%s(%s)" % (rng.choice(UNARY), rng.choice(POOL))
        else:
            src = "(%s) %s (%s)" % (rng.choice(POOL), rng.choice(BINARY), rng.choice(POOL))
        if (src, 0) not in seen:
            seen.add((src, 0))
            cases.append((src, 0))
    lines = [
        "// Generated by scripts/gen-optimizer-tests.py from CPython 3.11's compile(). Do not edit.",
        "// Each case: an expression, the optimization level, and the repr of the constant CPython folds it to",
        "// (`not folded` when the compiled code is not a lone LOAD_CONST).",
        "",
        "let optimizerCases: [(source: String, optimize: Int, expected: String)] = [",
    ]
    for src, optimize in cases:
        lines.append("    (%s, %d, %s)," % (swift_string(src), optimize, swift_string(folded(src, optimize))))
    lines.append("]")
    path = os.path.join(ROOT, "Tests", "KaaCompilerTests", "OptimizerCases.swift")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d cases to %s" % (len(cases), os.path.relpath(path, ROOT)))


if __name__ == "__main__":
    main()
