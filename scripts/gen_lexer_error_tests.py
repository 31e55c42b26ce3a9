#!/usr/bin/env python3
"""Generates Tests/KaaSyntaxTests/LexerErrorCases.swift: tokenizer error cases with the SyntaxError CPython 3.11
raises for them when the source is run as a file (`python3 f.py`), captured with a sys.excepthook. Each source is
chosen so that the first error is the tokenizer's (the code before it is valid). Run with CPython 3.11."""
import os, subprocess, sys, tempfile

assert sys.version_info[:2] == (3, 11)

CASES = [
    # strings
    b'x = "abc\n', b"x = 'abc", b'x = """abc\n\ny\n', b"x = '''abc", b'x = rb"abc\n', b'x = f"{a}\n',
    b'x = 1\ny = "\\\n', b'x = "a\\\nb\n', b'def f():\n    """doc\n',
    # numbers
    b'x = 0b12\n', b'x = 0b\n', b'x = 0b_\n', b'x = 0b1_\n', b'x = 0b1a\n', b'x = 0o78\n', b'x = 0o\n', b'x = 0o7_\n',
    b'x = 0o1a\n', b'x = 0x\n', b'x = 0xg\n', b'x = 0x1_\n', b'x = 0x1g\n', b'x = 012\n', b'x = 0_7\n', b'x = 00_9\n',
    b'x = 0_\n', b'x = 0a\n', b'x = 1_\n', b'x = 1__2\n', b'x = 1e\n', b'x = 1e+\n', b'x = 1ez\n', b'x = 1.2j3\n',
    b'x = 5abc\n', b'x = 1.5_\n', b'x = 1.e5x\n', b'x = 1_000j_\n', b'x = .5a\n', b'x = 0b2\n',
    b'x = 09\n', b'x = 0777\n', b'x = 1jx\n', b'x = 1e5_\n', b'x = 1.__class__\n', b'x = 1e_5\n', b'x = 0x_\n', b'x = 0o8\n',
    # characters
    b'a = 1 \xe2\x82\xac 2\n', b'a = 1 \xc2\xa0 2\n', b'a\xe2\x82\xac = 2\n', b'ab\xc2\xa0c = 2\n', b'x = 1\n\x01\n',
    b'\xe2\x82\xac\n', b'x = \xe2\x80\x8b\n', b'\xc3\xa9\xe2\x80\x8b = 1\n',
    b'x = a\x7f\n', b'x = \x1b\n', b'x = \xf0\x9f\x98\x80\n', b'x = \xef\xbb\xbf1\n',
    # continuation lines
    b'x = 1 \\ y\n', b'x = 1 + \\\n', b'x = 1 + \\\n  y \\ z\n', b'x = 1 + \\', b'\\\n', b'  \\\n', b'if x:\n  \\ y\n',
    b'x = (1 +\n\\a)\n',
    # indentation
    b'if x:\n  y\n z\n', b'if x:\n    y\n  z\n', b'def f():\n  x\n\ty\n', b'if x:\n\ty\n        z\n',
    b'if x:\n        y\n\tz\n', b'if x:\n \ty\n\t z\n',
    b''.join(b' ' * i + b'if x:\n' for i in range(100)) + b' ' * 100 + b'pass\n',
    # brackets
    b'x = 1)\n', b'x = ]\n', b'x = }\n', b'x = (1]\n', b'x = [1}\n', b'x = {1)\n', b'x = (1,\n  2]\n',
    b'x = (\n[\n)\n', b'x = (1,\n', b'x = [1,\n  2,\n', b'x = {\n', b'x = (' * 201 + b'\n', b'x = (' * 199 + b'\n',
    b'f(a,\n  b\n', b'x = (1 +\n',
    # encodings, NUL bytes
    b'x = 1\ny = 2\nz = 3\x00 + 1\n', b'x = 1\x00\n', b'# z\x00\n', b'x = "\xff"\n', b'x = 1\n\ny = 2\nz = "\xff"\n',
    b'x = 1\xff\x00\n', b'x = 1\x00\xff\n', b'# coding: foo\nx = 1\n', b'\xef\xbb\xbf# coding: latin-1\nx = 1\n',
    b'# coding: ascii\nx = 1\ny = "\xff"\n', b'#!/bin/sh\n# -*- coding: utf8 -*-\nx = "\xff"\n',
    b'x=1\n# coding: latin-1\nx = "\xff"\n', b'\n\n# coding: latin-1\nx = "\xff"\n', b'# coding: utf-16\nprint(1)\n',
    b'# coding: latin-1\nx = 1 \xa4\n', b'# coding: cp1252\nx = \x80\n', b'x = """abc\n\xff\n"""\n',
    b'x = """abc\nd\x00\n"""\n', b'x = (1,\n2,\xff)\n', b'x = \xc0\x80\n', b'x = "\xed\xa0\x80"\n',
    b'#!/usr/bin/python \xe9\n# coding: latin-1\nx = 1\n', b'x = "\xf4\x90\x80\x80"\n', b'x = "\xe0\x80\x80"\n', b'x = "\xc3"\n',
    # invalid UTF-8 reaching the tokenizer (declared UTF-8), BOM on line 1 of error texts
    b'# coding: utf-8\nab\xffc = 1\n', b'\xef\xbb\xbfab\xffc = 1\n', b'\xef\xbb\xbfx = 1\nab\xc3c = 1\n',
    b'\xef\xbb\xbfx = 1\nab\xe2\x82c = 1\n', b'\xef\xbb\xbfx = 1\nab\xc3 = 1\n', b'\xef\xbb\xbfx = 1\n\xed\xa0\x80 = 1\n',
    b'\xef\xbb\xbfx = 1\n\xf4\x90\x80\x80 = 1\n', b'\xef\xbb\xbfx = 1\n\xf0\x9f\x98 = 1\n',
    b'\xef\xbb\xbfx = (1 +\n', b'\xef\xbb\xbf\xc3\xa9 = (1 +\n', b'\xef\xbb\xbfx = "abc\n',
    b'# coding: latin-1\n\xe9 = (1 +\n', b'# coding: utf-8\n\xc3\xa9 = [\n', b'\xc3\xa9 = [\n',
    # EOF
    b'x = (', b'x = [1, 2', b'if x:\n  y = (1,\n',
]

# compile(source_bytes, '<nofile>', 'exec'): bytes input (_PyTokenizer_FromString), tokenizer-level errors.
# CPython's own bad files (Lib/test/tokenizedata, lib2to3 test data) whose error is the tokenizer's.
LIB = os.path.dirname(os.__file__)
for rel in ['test/tokenizedata/bad_coding.py', 'test/tokenizedata/badsyntax_pep3120.py',
            'test/tokenizedata/badsyntax_3131.py', 'test/tokenizedata/bad_coding2.py',
            'lib2to3/tests/data/py2_test_grammar.py']:
    with open(os.path.join(LIB, rel), 'rb') as f:
        CASES.append(f.read())

BYTES_CASES = [
    b'# coding: ascii\nx = 1\ny = "\xff"\n', b'# coding: utf-8\nx = 1\nab\xffc = 1\n', b'x = 1\nab\xffc = 1\n',
    b'\xef\xbb\xbf# coding: utf-8\nx = (\n', b'# coding: bogus\nx = 1\n', b'\xef\xbb\xbf# coding: latin-1\n',
    b'x = 1\x00\n', b'# coding: cp1252\r\nx = 1\r\ny = \x81\n', b'x = (\n', b'if x:\n  y\n z\n', b'x = 1 + \\',
    b'x = "abc\n', b'x = 0b12\n', b'x = 1)\n', b'def f():\n\tx\n        y\n', b'x = 1 \\ 2\n',
    b'\xc3\xa9 = (1 +\n', b'# coding: latin-1\n\xe9 = (1 +\n', b'# coding: utf-8\nx = 1\n\xf0\x9f\x98 = 1\n',
]

def run_bytes(src):
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(src, '<nofile>', 'exec', dont_inherit=True)
    except SyntaxError as e:
        return (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
    return None

HOOK = r'''
import sys
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        sys.stderr.write(repr((t.__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)))
    else:
        sys.stderr.write(repr((t.__name__, str(e), None, None, None, None, None)))
sys.excepthook = hook
'''

def swift_str(s):
    if s is None:
        return 'nil'
    out = '"'
    for ch in s:
        o = ord(ch)
        if ch == '\\': out += '\\\\'
        elif ch == '"': out += '\\"'
        elif ch == '\n': out += '\\n'
        elif ch == '\r': out += '\\r'
        elif ch == '\t': out += '\\t'
        elif o < 0x20 or 0x7f <= o < 0xa0 or not ch.isprintable(): out += '\\u{%X}' % o
        else: out += ch
    return out + '"'

def swift_int(v):
    return 'nil' if v is None else str(v)

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'syntax_errors')

def run_file(src, d, hookdir):
    """The SyntaxError tuple `python3 f.py` raises for `src`, or None."""
    path = os.path.join(d, 'f.py')
    with open(path, 'wb') as f:
        f.write(src)
    r = subprocess.run([sys.executable, '-W', 'ignore', path], cwd=d, capture_output=True,
                       env=dict(os.environ, PYTHONPATH=hookdir, PYTHONHASHSEED='0'))
    err = r.stderr.decode('utf-8', 'replace').strip()
    if not err.startswith('('):
        return None
    t = eval(err)
    return (t[0], t[1].replace(path, 'f.py')) + tuple(t[2:])

def case_line(src, t):
    b = '[' + ', '.join(str(x) for x in src) + ']'
    if len(src) > 200:
        b = 'Array(' + swift_str(src.decode('latin-1')) + '.unicodeScalars.map { UInt8($0.value) })'
    if t is None:
        return f'        Case(source: {b}, expected: nil),'
    cls, msg, lineno, offset, end_lineno, end_offset, text = t
    kind = {'SyntaxError': '.syntaxError', 'IndentationError': '.indentationError', 'TabError': '.tabError'}[cls]
    return (f'        Case(source: {b}, expected: SyntaxErrorInfo(kind: {kind}, message: {swift_str(msg)}, '
            f'filename: "f.py", lineno: {swift_int(lineno)}, offset: {swift_int(offset)}, '
            f'endLineno: {swift_int(end_lineno)}, endOffset: {swift_int(end_offset)}, text: {swift_str(text)})),')

def main():
    rows = []
    with tempfile.TemporaryDirectory() as d:
        hookdir = os.path.join(d, 'hook'); os.mkdir(hookdir)
        with open(os.path.join(hookdir, 'sitecustomize.py'), 'w') as f:
            f.write(HOOK)
        path = os.path.join(d, 'f.py')
        for src in CASES:
            with open(path, 'wb') as f:
                f.write(src)
            r = subprocess.run([sys.executable, '-W', 'ignore', path], cwd=d, capture_output=True,
                               env=dict(os.environ, PYTHONPATH=hookdir, PYTHONHASHSEED='0'))
            err = r.stderr.decode('utf-8', 'replace').strip()
            if not err.startswith('('):
                print('no error for', src, err[:200], file=sys.stderr)
                continue
            cls, msg, lineno, offset, end_lineno, end_offset, text = eval(err)
            msg = msg.replace(path, 'f.py')
            src_lit = ', '.join(str(b) for b in src)
            if len(src) > 150:
                src_lit = None
            rows.append((src, cls, msg, lineno, offset, end_lineno, end_offset, text))
    print('// GENERATED by scripts/gen_lexer_error_tests.py with CPython %s: do not edit.' % sys.version.split()[0])
    print('// Each case: source bytes and the SyntaxError `python3 f.py` reports (class, msg, lineno, offset,')
    print('// end_lineno, end_offset, text); nil when it runs without one.')
    print('@testable import KaaSyntax\n')
    print('enum LexerErrorCases {')
    print('    struct Case { let source: [UInt8]; let expected: SyntaxErrorInfo? }')
    print('    /// Sources whose first error is the tokenizer\'s: checked with the lexer alone.')
    print('    static let all: [Case] = [')
    for src, cls, msg, lineno, offset, end_lineno, end_offset, text in rows:
        print(case_line(src, (cls, msg, lineno, offset, end_lineno, end_offset, text)))
    print('    ]')
    print('    /// Bytes given to compile() (Lexer.InputMode.bytes, filename "<nofile>").')
    print('    static let bytesMode: [Case] = [')
    for src in BYTES_CASES:
        print(case_line(src, run_bytes(src)).replace('filename: "f.py"', 'filename: "<nofile>"'))
    print('    ]')
    print('    /// The golden inputs tests/syntax_errors/lexer_*.py, checked end to end through the parser.')
    print('    static let goldens: [(name: String, case: Case)] = [')
    with tempfile.TemporaryDirectory() as d:
        hookdir = os.path.join(d, 'hook'); os.mkdir(hookdir)
        with open(os.path.join(hookdir, 'sitecustomize.py'), 'w') as f:
            f.write(HOOK)
        for name in sorted(os.listdir(GOLDEN_DIR)):
            if not (name.startswith('lexer_') and name.endswith('.py')):
                continue
            src = open(os.path.join(GOLDEN_DIR, name), 'rb').read()
            print(f'        ("{name}",')
            print(case_line(src, run_file(src, d, hookdir)).rstrip(',') + '),')
    print('    ]')
    print('}')

main()
