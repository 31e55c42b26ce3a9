#!/usr/bin/env python3
"""Writes tests/ast_limits/cases.json: where `python3 -m ast` fails while dumping (RecursionError at each stage of
ast.dump's recursion, ValueError for an int over 4300 digits), for Tests/KaaSyntaxTests/ASTDumpLimitTests.swift,
which builds the same trees by hand (so the model is checked without the parser).

Shapes (all `x = <expr>` on one line):
  chain      x=a+a+...+a                 (n names)
  list       x=[[a]]+a+...+a             (n names after the list)
  call       x=f(a)+a+...+a              (n names after the call)
  bigint     x=[1, 0xff...f]             (n hex digits)
Only stderr and the exit status are kept (stdout is empty on failure, and success is checked by status)."""
import json
import os
import subprocess
import sys
import tempfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "ast_limits", "cases.json")


def source(shape, n):
    tail = "+a" * n
    if shape == "chain":
        return "x=a" + "+a" * (n - 1)
    if shape == "list":
        return "x=[[a]]" + tail
    if shape == "call":
        return "x=f(a)" + tail
    if shape == "bigint":
        return "x=[1, 0x" + "f" * n + "]"
    raise ValueError(shape)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    cases = []
    plan = [("chain", n, a) for n in range(984, 992) for a in (False, True)]
    plan += [("list", n, False) for n in range(972, 992)]
    plan += [("call", n, False) for n in range(974, 992)]
    plan += [("bigint", n, a) for n in (3571, 3572, 3573, 3580) for a in (False, True)]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.py")
        for shape, n, attrs in plan:
            with open(path, "w") as f:
                f.write(source(shape, n) + "\n")
            args = [sys.executable, "-m", "ast"] + (["-a"] if attrs else []) + ["t.py"]
            p = subprocess.run(args, capture_output=True, cwd=tmp, env=dict(os.environ, PYTHONHASHSEED="0"))
            cases.append({"shape": shape, "n": n, "attributes": attrs, "status": p.returncode,
                          "stderr": p.stderr.decode()})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    for c in cases:
        print(c["shape"], c["n"], c["attributes"], c["status"], (c["stderr"].splitlines() or [""])[-1][:90])


if __name__ == "__main__":
    main()
