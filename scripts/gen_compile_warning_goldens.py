#!/usr/bin/env python3
"""Writes tests/compile_warnings/cases.json: `python3 ARGS` for command lines whose compilation warns (the
tokenizer's and the compiler's SyntaxWarnings of the main program, -c code and py_compile, under -W filters and
PYTHONWARNINGS): stdout, stderr and status, run in a fresh folder holding prog.py, its path replaced by TMP.
Run with python3 3.11; commit the output. Tests/KaaCommandTests/CompileWarningsTests.swift runs kaa on them."""
import json, os, subprocess, tempfile

PROG = 'x = 1\nif x is 1:\n    print("one")\nassert (x, 2)\ny = 1if x else 2\nprint(y, "a"[1.5] if 0 else 0)\n'
CODE = 'x = 1\nprint(x is 1, (1)(2) if 0 else 2)'
CASES = [
    (['prog.py'], {}),
    (['-W', 'error', 'prog.py'], {}),
    (['-W', 'error::SyntaxWarning', 'prog.py'], {}),
    (['-W', 'ignore', 'prog.py'], {}),
    (['-W', 'ignore', '-W', 'error:assertion', 'prog.py'], {}),
    (['-W', 'once', 'prog.py'], {}),
    (['prog.py'], {'PYTHONWARNINGS': 'error'}),
    (['-c', CODE], {}),
    (['-W', 'error', '-c', CODE], {}),
    (['-W', 'error:"is"', '-c', CODE], {}),
    (['-X', 'dev', '-c', CODE], {}),
    (['-m', 'py_compile', 'prog.py'], {}),
    (['-W', 'error', '-m', 'py_compile', 'prog.py'], {}),
]

out = []
for args, env in CASES:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        with open(os.path.join(tmp, 'prog.py'), 'w') as f:
            f.write(PROG)
        e = dict(os.environ, PYTHONHASHSEED='0', PYTHONDONTWRITEBYTECODE='1')
        e.pop('PYTHONWARNINGS', None)
        e.update(env)
        r = subprocess.run(['python3'] + args, cwd=tmp, env=e, capture_output=True, text=True)
        out.append({'args': args, 'env': env, 'prog': PROG, 'stdout': r.stdout.replace(tmp, 'TMP'),
                    'stderr': r.stderr.replace(tmp, 'TMP'), 'status': r.returncode})
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'compile_warnings')
with open(os.path.join(root, 'cases.json'), 'w') as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write('\n')
