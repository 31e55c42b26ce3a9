#!/usr/bin/env python3
"""Generates tests/dis/fixtures/arguments.json: what `python3 -m dis ARGS` prints (stdout, stderr) and its exit
status for command lines that exercise dis.main's argparse parser (unopenable files, a directory, unknown options,
-h variants, negative numbers, `--`) and for files compile() rejects, run in tests/dis with stdin from /dev/null and PYTHONHASHSEED=0.
DisArgumentsTests runs `kaa -m dis ARGS` the same way and compares."""
import json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "tests", "dis")
CASES = [
    ["fixtures"], ["-c", "pass"], ["no_such.py", "b.py"], ["dis_basics.py", "extra.py"], ["-hx"], ["-hhx"],
    ["-h=3"], ["--he"], ["--help=3"], ["-1"], ["-1.5"], ["-", "-"], ["--", "-x"], ["dis_basics.py", "-c"], ["-c"],
    ["-x y"], ["--foo=1"], ["-h", "no_such.py"], ["no_such.py", "-h"], ["a'b.py"], ["/dev/null"], [],
    # compile() raising: the traceback through runpy and dis.py, then the error
    ["fixtures/dis_bad_syntax.py"], ["fixtures/dis_null_byte.py"], ["fixtures/dis_bad_utf8.py"],
    ["fixtures/dis_bad_indent.py"], ["fixtures/dis_return_outside.py"], ["fixtures/dis_empty.py"],
    # the compiler's SyntaxWarnings, shown on stderr
    ["fixtures/dis_syntax_warning.py"],
]

def main():
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = []
    for args in CASES:
        with open(os.devnull, "rb") as devnull:
            r = subprocess.run([sys.executable, "-m", "dis", *args], cwd=FOLDER, stdin=devnull, capture_output=True,
                               env=env)
        out.append({"args": args, "stdout": r.stdout.decode(), "stderr": r.stderr.decode(), "status": r.returncode})
    with open(os.path.join(FOLDER, "fixtures", "arguments.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(out)} cases")

if __name__ == "__main__":
    main()
