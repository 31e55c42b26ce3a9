#!/usr/bin/env python3
"""Writes tests/ast_cli/batch.json: the per-file output of scripts/conformance-ast's Python batch loop (ast.parse +
ast.dump from a `python3 -c` script) for sources near the dump's recursion and int limits and for errors, for
Tests/KaaSyntaxTests/ASTModuleTests.swift (ASTModule.batchEntry)."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "ast_cli", "batch.json")


def batch_loop():
    # The loop of scripts/conformance-ast, taken from that file so both stay the same.
    text = open(os.path.join(HERE, "conformance-ast")).read()
    start = text.index("PY_BATCH = r'''") + len("PY_BATCH = r'''")
    return text[start:text.index("'''", start)]


SOURCES = {
    "chain990.py": "x=" + "+".join(["a"] * 990) + "\n",
    "chain991.py": "x=" + "+".join(["a"] * 991) + "\n",
    "chain992.py": "x=" + "+".join(["a"] * 992) + "\n",
    "chain993.py": "x=" + "+".join(["a"] * 993) + "\n",
    "bigint.py": "x=0x" + "f" * 3580 + "\n",
    "bad.py": "x = (1,\n",
    "indent.py": "x\n  y\n",
    "nul.py": "x = 1\0\n",
    "ok.py": "# type: ignore\nx: int = 1  # type: int\n",
}


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    with tempfile.TemporaryDirectory() as tmp:
        names = sorted(SOURCES)
        for name in names:
            with open(os.path.join(tmp, name), "w") as f:
                f.write(SOURCES[name])
        r = subprocess.run([sys.executable, "-c", batch_loop()], input="\0".join(names).encode(),
                           stdout=subprocess.PIPE, check=True, cwd=tmp)
    parts = r.stdout.decode().split("\0")
    results = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    cases = [{"name": n, "source": SOURCES[n], "expected": results[n]} for n in names]
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    for c in cases:
        print(c["name"], c["expected"].splitlines()[0][:100])


if __name__ == "__main__":
    main()
