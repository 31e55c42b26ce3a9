#!/usr/bin/env python3
"""Parses .py files with Kaa's parser (through the ParserBatchTests XCTest batch mode) and with python3, and lists
the files whose AST dump or SyntaxError differ. A developer tool for the parser; scripts/conformance-ast is the
full check through the `kaa` command.
Usage: scripts/compare-parse-batch.py [--show N] FILE_OR_DIR...   (default: CPython's Lib/ outside test/)"""
import argparse, os, subprocess, sys, sysconfig, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY_BATCH = r'''
import ast, sys
for path in sys.stdin.read().split("\0"):
    if not path:
        continue
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source, path, "exec", type_comments=True)
        out = ast.dump(tree, include_attributes=True, indent=3) + "\n"
    except SyntaxError as e:
        out = "!%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except BaseException as e:
        out = "!%s: %s\n" % (type(e).__name__, e)
    sys.stdout.write("\x00" + path + "\x00" + out)
'''


def split(data):
    parts = data.split("\0")
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args()
    roots = args.paths or [sysconfig.get_paths()["stdlib"]]
    files = []
    for r in roots:
        if os.path.isdir(r):
            for d, dirs, names in os.walk(r):
                dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__") and
                                 (args.paths or x != "test"))
                files += [os.path.join(d, n) for n in sorted(names) if n.endswith(".py")]
        else:
            files.append(r)
    with tempfile.TemporaryDirectory() as tmp:
        lst, out = os.path.join(tmp, "list"), os.path.join(tmp, "out")
        with open(lst, "w") as f:
            f.write("\0".join(files))
        env = dict(os.environ, KAA_PARSE_LIST=lst, KAA_PARSE_OUT=out)
        subprocess.run(["swift", "test", "--skip-build", "--filter", "ParserBatchTests"], cwd=ROOT, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kaa = split(open(out, encoding="utf-8", errors="surrogateescape").read()) if os.path.exists(out) else {}
    py = split(subprocess.run([sys.executable, "-c", PY_BATCH], input="\0".join(files).encode(),
                              stdout=subprocess.PIPE).stdout.decode("utf-8", "surrogateescape"))
    bad = [p for p in files if kaa.get(p) != py.get(p)]
    for p in bad[:args.show]:
        a, b = (py.get(p) or "").splitlines(), (kaa.get(p) or "<none>").splitlines()
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        print("DIFF", p, "line", i + 1)
        print("  python:", "\n          ".join(a[max(0, i - 3):i + 2]))
        print("  kaa:   ", "\n          ".join(b[max(0, i - 3):i + 2]))
    for p in bad[args.show:]:
        print("DIFF", p)
    print("%d passed, %d failed" % (len(files) - len(bad), len(bad)))


main()
