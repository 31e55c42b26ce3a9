#!/usr/bin/env python3
"""MAXSTACK parity: for statement and expression contexts, finds with python3 the smallest nesting depth N at which
CPython 3.11's parser gives MemoryError (more than 6000 nested rule calls), and checks that Kaa's parser
(through the ParserBatchTests batch mode; build first with `swift build --build-tests`) parses N-1 and fails at N.
Usage: scripts/check-maxstack.py [NAME...]"""
import ast, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEG = lambda n: "-" * n + "1"
CASES = {
    # statement half
    "expr_stmt": lambda n: NEG(n) + "\n",
    "assign": lambda n: "x = " + NEG(n) + "\n",
    "assign_chain": lambda n: "x = y = " + NEG(n) + "\n",
    "annassign": lambda n: "x: int = " + NEG(n) + "\n",
    "annotation": lambda n: "x: " + NEG(n) + "\n",
    "augassign": lambda n: "x += " + NEG(n) + "\n",
    "return": lambda n: "def f():\n return " + NEG(n) + "\n",
    "raise_from": lambda n: "raise E from " + NEG(n) + "\n",
    "assert_msg": lambda n: "assert x, " + NEG(n) + "\n",
    "decorator": lambda n: "@" + NEG(n) + "\ndef f(): pass\n",
    "default": lambda n: "def f(a=" + NEG(n) + "): pass\n",
    "kwonly_default": lambda n: "def f(*, a=" + NEG(n) + "): pass\n",
    "param_annotation": lambda n: "def f(a: " + NEG(n) + "): pass\n",
    "star_annotation": lambda n: "def f(*a: " + NEG(n) + "): pass\n",
    "returns": lambda n: "def f() -> " + NEG(n) + ": pass\n",
    "with_item": lambda n: "with a, " + NEG(n) + ": pass\n",
    "with_parenthesized": lambda n: "with (a, " + NEG(n) + "): pass\n",
    "for_iter": lambda n: "for x in " + NEG(n) + ": pass\n",
    "while": lambda n: "while " + NEG(n) + ": pass\n",
    "except": lambda n: "try: pass\nexcept " + NEG(n) + ": pass\n",
    "match_subject": lambda n: "match " + NEG(n) + ":\n case 1: pass\n",
    "case_guard": lambda n: "match x:\n case 1 if " + NEG(n) + ": pass\n",
    "elif_chain": lambda n: "if x: pass\n" + "elif x: pass\n" * n,
    "class_bases": lambda n: "class A(" + NEG(n) + "): pass\n",
    "class_keyword": lambda n: "class A(x=" + NEG(n) + "): pass\n",
    # expression half
    "not": lambda n: "not " * n + "1\n",
    "lambda": lambda n: "lambda:" * n + "1\n",
    "call": lambda n: "f(" + NEG(n) + ")\n",
    "call_keyword": lambda n: "f(x=" + NEG(n) + ")\n",
    "subscript": lambda n: "x[" + NEG(n) + "]\n",
    "group": lambda n: "x = (" + NEG(n) + ")\n",
    "del_subscript": lambda n: "del x[" + NEG(n) + "]\n",
    "assign_subscript": lambda n: "x[" + NEG(n) + "] = 1\n",
}


def python_ok(src):
    try:
        ast.parse(src)
    except MemoryError:
        return False
    except RecursionError:  # ast construction, after a successful parse
        pass
    return True


def kaa_ok(src, tmp):
    path, lst, out = (os.path.join(tmp, n) for n in ("f.py", "list", "out"))
    with open(path, "w") as f:
        f.write(src)
    with open(lst, "w") as f:
        f.write(path)
    env = dict(os.environ, KAA_PARSE_TIME="1", KAA_PARSE_LIST=lst, KAA_PARSE_OUT=out)
    binary = os.path.join(ROOT, ".build", "debug", "KaaPackageTests.xctest")
    subprocess.run([binary, "KaaSyntaxTests.ParserBatchTests/testBatch"], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return open(out).read().split()[1] == "1"


def main():
    names = sys.argv[1:] or list(CASES)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            make = CASES[name]
            lo, hi = 1000, 8000
            while lo < hi:
                mid = (lo + hi) // 2
                if python_ok(make(mid)):
                    lo = mid + 1
                else:
                    hi = mid
            below, at = kaa_ok(make(lo - 1), tmp), kaa_ok(make(lo), tmp)
            same = below and not at
            bad += not same
            print("%-20s MemoryError from %d: kaa %s" % (name, lo, "same" if same else
                  "DIFFERS (parses %d: %s, parses %d: %s)" % (lo - 1, below, lo, at)))
    print("%d passed, %d failed" % (len(names) - bad, bad))


main()
