#!/usr/bin/env python3
"""Writes tests/ast_cli/cases.json: `python3 -m ast ARGS` (stdin, COLUMNS) → stdout, stderr, exit status, for
Tests/KaaSyntaxTests/ASTModuleTests.swift. Runs in a scratch folder holding the files listed in FILES and a
folder `d`. `parses` tells whether the run got past argparse (so it needs the parser)."""
import json
import os
import subprocess
import sys
import tempfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "ast_cli", "cases.json")
FILES = {"ok.py": "x = 1\n", "a": "pass\n", "e.py": "1 +\n", "it's.py": "y\n", "--": "z\n", "-a": "0\n"}
CASES = [
    ([], "x = (1,\n"), ([], "a = 1\n"), (["-"], "b\n"), (["-h"], ""), (["--help"], ""), (["--he"], ""),
    (["-x"], ""), (["--in"], ""), (["--i"], ""), (["--no"], "p\n"), (["-m"], ""), (["-m", "foo"], ""),
    (["-m", "eval", "ok.py"], ""), (["--mode=eval"], "1\n"), (["-meval"], "1\n"), (["-m=eval"], "1\n"),
    (["--mode", "func_type"], "(int) -> str\n"), (["-m", "single"], "x\n"), (["-i"], ""), (["-i", "x"], ""),
    (["-i", "-1"], "f(1)\n"), (["-i", "0"], "f(1)\n"), (["-i", " 2 "], "f(1)\n"), (["-i", "1_0"], "f(1)\n"),
    (["-i", "1__0"], ""), (["-i", "+4"], "f(1)\n"), (["-i", "٣"], "f(1)\n"), (["-i", "0x3"], ""),
    (["-i", "--"], ""), (["-i", "-a"], ""), (["-ai4"], "f(1)\n"), (["-ax"], ""), (["-a=x"], ""), (["-a="], ""),
    (["--no-type-comments=1"], ""), (["--indent=2", "ok.py"], ""), (["-i=2", "ok.py"], ""), (["-i2", "ok.py"], ""),
    (["nosuch.py"], ""), (["d"], ""), (["ok.py", "extra"], ""), (["a", "b"], ""), (["x", "y"], ""),
    (["ok.py", "-a"], ""), (["-a", "ok.py", "-i", "1"], ""), (["-a", "ok.py", "-i", "1", "more"], ""),
    (["--", "-a"], ""), (["--", "--"], ""), (["--"], "q\n"), (["ok.py", "--", "x"], ""), (["-x", "-h"], ""),
    (["-m", "foo", "-h"], ""), (["-h", "-m", "foo"], ""), (["-1"], ""), (["-1.5"], ""), (["-a b"], ""),
    (["-", "-"], ""), (["it's.py"], ""), (["no'pe\"s"], ""), (["e.py"], ""), (["-a", "e.py"], ""),
    (["--include-attributes", "--no-type-comments", "ok.py"], ""), (["-m", "exec", "-m", "eval", "ok.py"], ""),
    (["--mode"], ""), (["-m", ""], ""), ([""], ""), (["-i", "99999999999999999999999", "ok.py"], ""),
    (["-i", "-99999999999999999999999", "ok.py"], ""), (["-i", "9999999999999", "ok.py"], ""),
]
LAYOUT = ("import os\nx: int = 1  # type: int\ndef f(a, *, b=None): return [a, {**b}]\nwith a as b, c: pass\n"
          "match x:\n    case [1, *r] | {'k': 2} | P(y=3): pass\nz = -1.5e-7 + 2j, b'\\x00', 'it\\'s'\n")
for indent in ("0", "1", "-3", "7"):
    CASES.append((["-i", indent], LAYOUT))
    CASES.append((["-a", "-i", indent], LAYOUT))
CASES += [(["--no-type-comments"], LAYOUT), (["-m", "eval"], "x if y else (lambda: z)\n"),
          (["-m", "eval"], "x = 1\n"), (["-m", "single"], "x = 1; y = 2\n"), (["-m", "single"], "if x:\n  y\n\n"),
          (["-m", "func_type", "-a"], "(int, *str, **dict) -> None\n"), (["-m", "func_type"], "int -> str\n"),
          ([], "x = 1\0\n"), ([], "\ufeffx = 'caf\xe9'\n"), ([], "# -*- coding: latin-1 -*-\nx = 1\n")]
COLUMN_CASES = [(["-h"], c) for c in (20, 30, 40, 60, 100, 200)] + [(["-x"], c) for c in (20, 40, 60, 100)]


def run(args, stdin, columns, cwd):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", COLUMNS=str(columns))
    p = subprocess.run([sys.executable, "-m", "ast"] + args, input=stdin.encode(), capture_output=True, cwd=cwd,
                       env=env)
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in FILES.items():
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        os.mkdir(os.path.join(tmp, "d"))
        for args, stdin in CASES:
            so, se, rc = run(args, stdin, 80, tmp)
            out.append({"args": args, "stdin": stdin, "columns": 80, "stdout": so, "stderr": se, "status": rc,
                        "parses": not se.startswith("usage:") and not so.startswith("usage:")})
        for args, columns in COLUMN_CASES:
            so, se, rc = run(args, "", columns, tmp)
            out.append({"args": args, "stdin": "", "columns": columns, "stdout": so, "stderr": se, "status": rc,
                        "parses": False})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"files": FILES, "cases": out}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(len(out), "cases")


if __name__ == "__main__":
    main()
