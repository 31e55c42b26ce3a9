#!/usr/bin/env python3
"""Prints CPython's symbol table of Python sources in the text form of Kaa's `SymbolTable.dump()`.

    scripts/symtable_dump.py FILE...      one dump per file (a header line `== FILE` first when several)
    scripts/symtable_dump.py --batch      NUL-separated paths on stdin; prints "\\0PATH\\0" then the dump of each
    --code (first argument, either form)  also a `code:` line for each function and class block: the co_flags bits
                                          the table decides, co_cellvars and co_freevars of the block's code object
                                          from compile() (`code: ?` where no code object matches unambiguously)

The table is the one `_symtable.symtable(source, filename, 'exec')` builds, i.e. CPython's C table (before the AST
optimizer, as the `symtable` module sees it). A file CPython rejects prints `!Class: msg (lineno, offset, end_lineno,
end_offset)`. Format: see Sources/KaaCompiler/Symtable/SymbolTable+Dump.swift.
"""
import _symtable, ast, sys

TYPES = {_symtable.TYPE_FUNCTION: "function", _symtable.TYPE_CLASS: "class", _symtable.TYPE_MODULE: "module"}
PASS_THROUGH = _symtable.FREE << _symtable.SCOPE_OFF


CODE_NAMES = {"lambda": "<lambda>", "listcomp": "<listcomp>", "setcomp": "<setcomp>", "dictcomp": "<dictcomp>",
              "genexpr": "<genexpr>"}
# CO_VARARGS, CO_VARKEYWORDS, CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR
FLAG_BITS = 0x4 | 0x8 | 0x10 | 0x20 | 0x80 | 0x200


def code_index(source, filename):
    """(co_name, line of the def/class/lambda/comprehension) -> code object, None when ambiguous."""
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
        tree = ast.parse(source, filename)
    except BaseException:
        return {}
    # A decorated def's code starts at its first decorator; the table has the line of `def`/`class`.
    deco = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.decorator_list:
            deco[(node.name, node.decorator_list[0].lineno)] = node.lineno
    index = {}
    stack = [code]
    while stack:
        co = stack.pop()
        for c in co.co_consts:
            if hasattr(c, "co_code"):
                stack.append(c)
        line = deco.get((co.co_name, co.co_firstlineno), co.co_firstlineno)
        key = (co.co_name, line)
        index[key] = None if key in index else co
    return index


def dump(ste, depth, out, codes=None):
    pad = "  " * depth
    out.append("%s%s %s lineno=%d nested=%d\n" % (pad, TYPES.get(ste.type, "annotation"), ste.name, ste.lineno,
                                                  1 if ste.nested else 0))
    if codes is not None and ste.type != _symtable.TYPE_MODULE:
        co = codes.get((CODE_NAMES.get(ste.name, ste.name), ste.lineno))
        if co is None:
            out.append("%s  code: ?\n" % pad)
        else:
            out.append("%s  code: flags=%d cells=%s frees=%s\n" % (pad, co.co_flags & FLAG_BITS,
                                                                  ",".join(co.co_cellvars), ",".join(co.co_freevars)))
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
        dump(child, depth + 1, out, codes)


def dump_source(source, filename, with_code=False):
    try:
        top = _symtable.symtable(source, filename, "exec")
    except SyntaxError as e:
        return "!%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except BaseException as e:
        return "!%s: %s\n" % (type(e).__name__, e)
    out = []
    dump(top, 0, out, code_index(source, filename) if with_code else None)
    return "".join(out)


def main():
    args = sys.argv[1:]
    with_code = bool(args) and args[0] == "--code"
    if with_code:
        args = args[1:]
    if args == ["--batch"]:
        for path in sys.stdin.buffer.read().split(b"\0"):
            if not path:
                continue
            with open(path, "rb") as f:
                source = f.read()
            sys.stdout.write("\0" + path.decode() + "\0" + dump_source(source, path.decode(), with_code))
        return
    for path in args:
        if len(args) > 1:
            sys.stdout.write("== %s\n" % path)
        with open(path, "rb") as f:
            sys.stdout.write(dump_source(f.read(), path, with_code))


if __name__ == "__main__":
    main()
