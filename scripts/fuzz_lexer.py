#!/usr/bin/env python3
"""Differential fuzzing of Kaa's lexer errors against CPython 3.11: mutates lines of real source files, compiles
each mutant as bytes (compile(src, '<nofile>', 'exec')) and, when CPython reports one of the tokenizer's errors,
checks that Kaa's lexer (bytes mode) stops at the same error. (If CPython reports a tokenizer error, it is the first
tokenizer error of the whole stream, so the lexer alone must find it.)

Usage: scripts/fuzz_lexer.py [N] [SEED]   (needs a built test bundle: swift build --build-tests)"""
import os, random, subprocess, sys, tempfile, warnings

sys.path.insert(0, os.path.dirname(__file__))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
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

def main():
    files = [os.path.join(LIB, f) for f in sorted(os.listdir(LIB)) if f.endswith('.py')]
    cases = []
    while len(cases) < N:
        src = open(rng.choice(files), encoding='utf-8', errors='replace').read().split('\n')
        start = rng.randrange(max(1, len(src) - 12))
        lines = mutate(src[start:start + rng.randrange(1, 12)])
        data = '\n'.join(lines).encode('utf-8', 'surrogateescape') if rng.random() < 0.9 else \
            '\n'.join(lines).encode('latin-1', 'replace')
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                compile(data, '<nofile>', 'exec', dont_inherit=True)
        except SyntaxError as e:
            # Errors inside f-string expressions come from the parser's f-string compiler: not the lexer's.
            inside_fstring = e.text is not None and e.text.startswith('(') and \
                e.text.split('\n')[0] not in data.decode('utf-8', 'replace')
            if str(e.msg).startswith(TOKENIZER_ERRORS) and not inside_fstring:
                cases.append((data, describe(e)))
        except (ValueError, MemoryError, RecursionError):
            pass
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, (data, _) in enumerate(cases):
            p = os.path.join(d, f'c{i}.py')
            open(p, 'wb').write(data)
            paths.append(p)
        lst = os.path.join(d, 'list')
        open(lst, 'w').write('\n'.join(paths))
        env = dict(os.environ, KAA_LEXER_DUMP=lst, KAA_LEXER_OUT=d, KAA_LEXER_MODE='bytes')
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
