#!/usr/bin/env python3
"""Differential check of Kaa's lexer against CPython 3.11's tokenize module on real files.

Usage: scripts/check_lexer.py FILE_OR_DIR...   (runs `swift test --filter LexerDumpTool` with KAA_LEXER_DUMP)

The pure-Python tokenize differs from the C tokenizer the parser uses in known ways, which are mapped here:
COMMENT/NL/ENCODING are dropped, OP becomes its exact type, keywords become KW, columns become UTF-8 byte offsets,
NEWLINE ends at the '\\n' and starts there or at a comment before it (then its text is the comment), INDENT/DEDENT/ENDMARKER have
column -1 and EOF tokens stay on the last line. Files tokenize rejects are skipped."""
import io, keyword, os, subprocess, sys, tempfile, tokenize, token

TOKENIZER_ERRORS = ('unterminated', 'invalid decimal', 'invalid hex', 'invalid octal', 'invalid binary',
                    'invalid imaginary', 'invalid digit', 'leading zeros', 'invalid character', 'invalid non-printable',
                    'unexpected character after line', 'unexpected EOF', 'unindent does not match',
                    'inconsistent use of tabs', 'too many', 'unmatched', 'closing parenthesis', 'was never closed',
                    'source code', 'Non-UTF-8', 'encoding problem', 'unknown encoding')

def expected(path, allow_parse_errors=False):
    """The expected dump, or None when tokenize fails or the file does not compile (with allow_parse_errors:
    only when compiling fails with one of the tokenizer's errors)."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        toks = list(tokenize.tokenize(io.BytesIO(data).readline))
    except Exception:
        return None
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(data, path, 'exec', dont_inherit=True)
    except SyntaxError as e:
        if not allow_parse_errors or str(e.msg).startswith(TOKENIZER_ERRORS):
            return None
    except Exception:
        return None
    enc = toks[0].string
    text = data.decode(enc)
    if text.startswith('\ufeff'):
        text = text[1:]
    lines = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    nlines = len(lines) - 1 if lines[-1] == '' else len(lines)
    def bcol(row, col):
        if row - 1 < len(lines):
            return len(lines[row - 1][:col].encode('utf-8'))
        return col
    out = []
    prev = None
    for t in toks:
        if t.type in (tokenize.ENCODING, tokenize.NL):
            prev = t
            continue
        if t.type == tokenize.COMMENT:
            prev = t
            continue
        if t.type == tokenize.ERRORTOKEN:
            return None
        (sr, sc), (er, ec) = t.start, t.end
        if t.type == tokenize.NEWLINE:
            c = bcol(sr, sc)
            s, txt = c, ''
            if prev is not None and prev.type == tokenize.COMMENT and prev.start[0] == sr:
                s, txt = bcol(sr, prev.start[1]), prev.string
            out.append(f"NEWLINE {txt!r} {sr}:{s}-{sr}:{c}")
        elif t.type in (tokenize.INDENT, tokenize.DEDENT):
            out.append([token.tok_name[t.type]])   # its line is the next token's (filled in below)
        elif t.type == tokenize.ENDMARKER:
            r = min(sr, nlines)
            out.append(f"ENDMARKER '' {r}:-1-{r}:-1")
        else:
            name = token.tok_name[t.exact_type]
            if t.type == tokenize.NAME:
                if t.string in ('async', 'await'):
                    name = t.string.upper()
                elif keyword.iskeyword(t.string):
                    name = 'KW'
            string = t.string
            if t.type == tokenize.STRING:   # the C tokenizer reads the file with universal newlines
                string = string.replace('\r\n', '\n').replace('\r', '\n')
            out.append(f"{name} {string!r} {sr}:{bcol(sr, sc)}-{er}:{bcol(er, ec)}")
        prev = t
    # INDENT/DEDENT are produced after the indentation (and any backslash continuations in it) has been read, so
    # they are on the line of the token that follows them.
    for k in range(len(out) - 1, -1, -1):
        if isinstance(out[k], list):
            nxt = out[k + 1]
            r = nxt.rsplit(' ', 1)[1].split(':')[0]
            out[k] = f"{out[k][0]} '' {r}:-1-{r}:-1"
    return '\n'.join(out)

def main():
    paths = []
    for a in sys.argv[1:]:
        if os.path.isdir(a):
            for root, _, files in os.walk(a):
                paths += [os.path.join(root, f) for f in sorted(files) if f.endswith('.py')]
        else:
            paths.append(a)
    exp = {}
    for p in paths:
        e = expected(p)
        if e is not None:
            exp[p] = e
    todo = sorted(exp)
    with tempfile.TemporaryDirectory() as d:
        lst = os.path.join(d, 'list')
        with open(lst, 'w') as f:
            f.write('\n'.join(todo))
        env = dict(os.environ, KAA_LEXER_DUMP=lst, KAA_LEXER_OUT=d)
        subprocess.run(['swift', 'test', '--skip-build', '--filter', 'LexerDumpTool'], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bad = 0
        for i, p in enumerate(todo):
            try:
                got = open(os.path.join(d, f'{i}.kaatok'), encoding='utf-8').read()
            except FileNotFoundError:
                got = '<no output>'
            if got != exp[p]:
                bad += 1
                if bad <= 5:
                    g, e = got.split('\n'), exp[p].split('\n')
                    for k in range(max(len(g), len(e))):
                        gl = g[k] if k < len(g) else '<end>'
                        el = e[k] if k < len(e) else '<end>'
                        if gl != el:
                            print(f'{p}: token {k}\n  kaa:      {gl}\n  expected: {el}')
                            break
        print(f'{len(todo) - bad}/{len(todo)} files match ({len(paths) - len(todo)} skipped)')
        return 1 if bad else 0

sys.exit(main())
