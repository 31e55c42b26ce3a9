#!/usr/bin/env python3
"""Prints CPython's symbol table of Python sources in the text form of Kaa's `SymbolTable.dump()`.

    scripts/symtable_dump.py FILE...      one dump per file (a header line `== FILE` first when several)
    scripts/symtable_dump.py --batch      NUL-separated paths on stdin; prints "\\0PATH\\0" then the dump of each

The table is the one `_symtable.symtable(source, filename, 'exec')` builds, i.e. CPython's C table (before the AST
optimizer, as the `symtable` module sees it). A file CPython rejects prints `!Class: msg (lineno, offset, end_lineno,
end_offset)`. Format: see Sources/KaaCompiler/Symtable/SymbolTable+Dump.swift.
"""
import _symtable, sys

TYPES = {_symtable.TYPE_FUNCTION: "function", _symtable.TYPE_CLASS: "class", _symtable.TYPE_MODULE: "module"}
PASS_THROUGH = _symtable.FREE << _symtable.SCOPE_OFF


def dump(ste, depth, out):
    pad = "  " * depth
    out.append("%s%s %s lineno=%d nested=%d\n" % (pad, TYPES.get(ste.type, "annotation"), ste.name, ste.lineno,
                                                  1 if ste.nested else 0))
    out.append("%s  varnames:%s\n" % (pad, "".join(" " + v for v in ste.varnames)))
    tail = []
    for name, flags in ste.symbols.items():
        if flags == PASS_THROUGH:
            tail.append(name)
            continue
        out.append("%s  %s %d\n" % (pad, name, flags))
    for name in sorted(tail):
        out.append("%s  %s %d\n" % (pad, name, PASS_THROUGH))
    for child in ste.children:
        dump(child, depth + 1, out)


def dump_source(source, filename):
    try:
        top = _symtable.symtable(source, filename, "exec")
    except SyntaxError as e:
        return "!%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except BaseException as e:
        return "!%s: %s\n" % (type(e).__name__, e)
    out = []
    dump(top, 0, out)
    return "".join(out)


def main():
    if sys.argv[1:] == ["--batch"]:
        for path in sys.stdin.buffer.read().split(b"\0"):
            if not path:
                continue
            with open(path, "rb") as f:
                source = f.read()
            sys.stdout.write("\0" + path.decode() + "\0" + dump_source(source, path.decode()))
        return
    for path in sys.argv[1:]:
        if len(sys.argv) > 2:
            sys.stdout.write("== %s\n" % path)
        with open(path, "rb") as f:
            sys.stdout.write(dump_source(f.read(), path))


if __name__ == "__main__":
    main()
