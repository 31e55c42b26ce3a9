#!/usr/bin/env python3
"""Writes tests/syntax_display/cases.json: SyntaxError fields and what CPython 3.11 prints for them when uncaught
(sys.__excepthook__ with no traceback, i.e. what `python3 FILE.py` writes for a SyntaxError), for
Tests/KaaSyntaxTests/SyntaxErrorDisplayTests.swift. Cases with lineno None are built as `cls(msg)` (no location)."""
import contextlib
import io
import itertools
import json
import os
import random
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "syntax_display", "cases.json")
KINDS = {"SyntaxError": SyntaxError, "IndentationError": IndentationError, "TabError": TabError}


def render(kind, msg, filename, lineno, offset, text, end_lineno, end_offset):
    cls = KINDS[kind]
    exc = cls(msg) if lineno is None else cls(msg, (filename, lineno, offset, text, end_lineno, end_offset))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        sys.__excepthook__(cls, exc, None)
    return err.getvalue()


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    rng = random.Random(311)
    texts = ["x = (1, 2\n", "x = (1, 2", "    x = (1, 2\n", "\t\fx = 1\n", " \t y = 2", "é = (1, 2\n",
             "ab\ncd = (1, 2\n", "ab\ncd\nef = 3", "", "\n", "   \n", "a\tb c\n", "x = 1\r\n", "f(a for a in b,",
             "日本語 = (", "    ", "x = 1\n\n"]
    offsets = [None, -1, 0, 1, 2, 3, 5, 7, 9, 10, 11, 20]
    ends = [None, -1, 0, 1, 4, 6, 10, 11, 12, 30]
    cases = []
    for text, off, eoff in itertools.product(texts, offsets, ends):
        for eln in (None, 1, 2):
            kind = "SyntaxError" if rng.random() < 0.8 else rng.choice(["IndentationError", "TabError"])
            if rng.random() < 0.12:
                cases.append((kind, "invalid syntax", "f.py", 1, off, text, eln, eoff))
    cases += [
        ("SyntaxError", "m", "<string>", 3, 2, None, 3, 4),
        ("SyntaxError", "", "f.py", 1, 1, "x\n", 1, 2),
        ("SyntaxError", "source code string cannot contain null bytes", "f.py", None, None, None, None, None),
        ("IndentationError", "unexpected indent", "<stdin>", 2, 3, "  y\n", 2, -1),
        ("TabError", "inconsistent use of tabs and spaces in indentation", "/tmp/t.py", 3, 9, "        pass\n",
         3, -1),
        ("SyntaxError", "'(' was never closed", "bad.py", 1, 5, "x = (1,", 1, 0),
        ("SyntaxError", "m", "dir/ü.py", 12, 4, "if x = 1:\n", 12, 10),
    ]
    out = []
    for kind, msg, fn, ln, off, text, eln, eoff in cases:
        out.append({"kind": kind, "message": msg, "filename": fn, "lineno": ln, "offset": off, "text": text,
                    "endLineno": eln, "endOffset": eoff,
                    "expected": render(kind, msg, fn, ln, off, text, eln, eoff)})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(len(out), "cases")


if __name__ == "__main__":
    main()
