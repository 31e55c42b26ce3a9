#!/usr/bin/env python3
"""Differential fuzzing of Kaa's lexer errors against CPython 3.11: mutates lines of real source files, compiles
each mutant as bytes (compile(src, '<nofile>', 'exec')) and, when CPython reports one of the tokenizer's errors,
checks that Kaa's lexer (bytes mode) stops at the same error. (If CPython reports a tokenizer error, it is the first
tokenizer error of the whole stream, so the lexer alone must find it.)

Usage: scripts/fuzz_lexer.py [N] [SEED] [--file]   (needs a built test bundle: swift build --build-tests)
With --file the oracle is `python3 case.py` (file input, one process per case: slower) and Kaa lexes in file mode."""
import os, random, subprocess, sys, tempfile, warnings

sys.path.insert(0, os.path.dirname(__file__))
FILE_MODE = '--file' in sys.argv
ARGS = [a for a in sys.argv[1:] if a != '--file']
N = int(ARGS[0]) if len(ARGS) > 0 else 2000
rng = random.Random(int(ARGS[1]) if len(ARGS) > 1 else 1)
HOOK = '''
import sys
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        sys.stderr.write(repr((t.__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)))
sys.excepthook = hook
'''
LIB = os.path.dirname(os.__file__)
TOKENIZER_ERRORS = ('unterminated', 'invalid decimal', 'invalid hex', 'invalid octal', 'invalid binary',
                    'invalid imaginary', 'invalid digit', 'leading zeros', 'invalid character', 'invalid non-printable',
                    'unexpected character after line', 'unexpected EOF', 'unindent does not match',
                    'inconsistent use of tabs', 'too many', 'unmatched', 'closing parenthesis',
                    'source code', 'Non-UTF-8', 'encoding problem', 'unknown encoding')
PIECES = ['"', "'", '"""', "'''", '(', ')', '[', ']', '{', '}', '\\', '\\\n', '\t', '    ', '\n', '0', '0x', '0o',
          '0b', '1_', '1e', '.5', 'j', '_', '€', '\u00a0', '\x01', '\x00', '#', 'é', 'f"', "rb'", '9', '08', '\r',
          '\x0c', ' ', 'if', 'and', '\xff'.encode('latin-1').decode('latin-1')]

def mutate(lines):
    k = rng.randrange(1, 4)
    out = list(lines)
    for _ in range(k):
        i = rng.randrange(len(out))
        line = out[i]
        j = rng.randrange(len(line) + 1)
        piece = rng.choice(PIECES)
        r = rng.random()
        if r < 0.6:
            line = line[:j] + piece + line[j:]
        elif r < 0.8:
            line = line[:j] + line[j + 1:]
        else:
            line = line[:j] + piece
        out[i] = line
    return out

def describe(e):
    def f(v): return 'None' if v is None else str(v)
    return f"{type(e).__name__} {e.msg!r} {f(e.lineno)} {f(e.offset)} {f(e.end_lineno)} {f(e.end_offset)} {e.text!r}"

class FileError:
    """A SyntaxError-like record from the file-mode oracle."""
    def __init__(self, t):
        self.cls, self.msg, self.lineno, self.offset, self.end_lineno, self.end_offset, self.text = t

def file_mode_error(data, d, hookdir, i):
    path = os.path.join(d, f'c{i}.py')
    with open(path, 'wb') as f:
        f.write(data)
    r = subprocess.run([sys.executable, '-W', 'ignore', path], cwd=d, capture_output=True, timeout=20,
                       env=dict(os.environ, PYTHONPATH=hookdir, PYTHONHASHSEED='0'))
    err = r.stderr.decode('utf-8', 'replace').strip()
    return FileError(eval(err)) if err.startswith('(') else None

def describe_any(e):
    if isinstance(e, FileError):
        def f(v): return 'None' if v is None else str(v)
        return f"{e.cls} {e.msg!r} {f(e.lineno)} {f(e.offset)} {f(e.end_lineno)} {f(e.end_offset)} {e.text!r}"
    return describe(e)

def main():
    files = [os.path.join(LIB, f) for f in sorted(os.listdir(LIB)) if f.endswith('.py')]
    cases = []
    work = tempfile.mkdtemp()
    hookdir = os.path.join(work, 'hook'); os.mkdir(hookdir)
    with open(os.path.join(hookdir, 'sitecustomize.py'), 'w') as f:
        f.write(HOOK)
    while len(cases) < N:
        src = open(rng.choice(files), encoding='utf-8', errors='replace').read().split('\n')
        start = rng.randrange(max(1, len(src) - 12))
        lines = mutate(src[start:start + rng.randrange(1, 12)])
        data = '\n'.join(lines).encode('utf-8', 'surrogateescape') if rng.random() < 0.9 else \
            '\n'.join(lines).encode('latin-1', 'replace')
        err = None
        try:
            if FILE_MODE:
                err = file_mode_error(data, work, hookdir, len(cases))
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore')
                    compile(data, '<nofile>', 'exec', dont_inherit=True)
        except SyntaxError as e:
            err = e
        except (ValueError, MemoryError, RecursionError, subprocess.TimeoutExpired):
            continue
        if err is None:
            continue
        # Errors inside f-string expressions come from the parser's f-string compiler: not the lexer's.
        inside_fstring = err.text is not None and err.text.startswith('(') and \
            err.text.split('\n')[0] not in data.decode('utf-8', 'replace')
        if str(err.msg).startswith(TOKENIZER_ERRORS) and not inside_fstring:
            cases.append((data, describe_any(err)))
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, (data, _) in enumerate(cases):
            # File mode: the same path the oracle saw (messages name the file).
            p = os.path.join(work if FILE_MODE else d, f'c{i}.py')
            open(p, 'wb').write(data)
            paths.append(p)
        lst = os.path.join(d, 'list')
        open(lst, 'w').write('\n'.join(paths))
        env = dict(os.environ, KAA_LEXER_DUMP=lst, KAA_LEXER_OUT=d, KAA_LEXER_MODE='file' if FILE_MODE else 'bytes')
        subprocess.run(['swift', 'test', '--skip-build', '--filter', 'LexerDumpTool'], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bad = 0
        for i, (data, exp) in enumerate(cases):
            got = open(os.path.join(d, f'{i}.kaatok'), encoding='utf-8').read().split('\n')[-1]
            if got != exp:
                bad += 1
                if bad <= 8:
                    print(f'source {data!r}\n  kaa:      {got}\n  expected: {exp}')
        print(f'{len(cases) - bad}/{len(cases)} tokenizer errors match')
        return 1 if bad else 0

sys.exit(main())
