# Prints, for every code point in range(LO, HI) (argv), what each Unicode-dependent str method answers for it, and
# its 'namereplace' escape: scripts/check-str-unicode runs this under python3 and kaa and compares the output line
# by line.
import sys

lo = int(sys.argv[1], 16) if len(sys.argv) > 1 else 0
hi = int(sys.argv[2], 16) if len(sys.argv) > 2 else 0x110000
out = []
for cp in range(lo, hi):
    c = chr(cp)
    flags = ''.join('1' if f else '0' for f in (
        c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isspace(), c.isprintable(),
        c.isidentifier(), ('a' + c).isidentifier(), c.istitle(), c.isupper(), c.islower(), c.isascii(),
        len(('a' + c + 'b').splitlines()) == 2, len(('a' + c + 'b').split()) == 2, c.strip() == '',
        # case context: is c cased for title() (the 'a' after it stays lower), does lower() skip it or stop at it
        # when deciding a final sigma (before and after the sigma)
        ('x' + c + 'a').title()[-1] == 'a', ('A' + c + '\u03a3').lower()[-1] == '\u03c2',
        ('1' + c + '\u03a3').lower()[-1] == '\u03c2', ('A\u03a3' + c).lower()[1] == '\u03c2',
        ('A\u03a3' + c + 'b').lower()[1] == '\u03c2'))
    parts = [c.upper(), c.lower(), c.casefold(), c.title(), c.capitalize(), c.swapcase(), (c + 'A').title(),
             (c + 'AB').capitalize(), ('a' + c).swapcase()]
    line = '%X %s %s' % (cp, flags, ' '.join(','.join('%X' % ord(x) for x in p) for p in parts))
    line += ' ' + ascii(c.encode('ascii', 'namereplace'))
    if c.isdecimal():
        line += ' int=%d' % int(c + c)
    out.append(line)
    if len(out) >= 4096:
        print('\n'.join(out))
        out = []
if out:
    print('\n'.join(out))
