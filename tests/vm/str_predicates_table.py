preds = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper']
# U+019B is left out: its uppercase mapping (U+A7DC) is Unicode 16, newer than 3.11's Unicode 14 (see the report).
for c in list(range(0, 0x19b)) + list(range(0x19c, 0x250)) + [0x2028, 0x2160, 0x2460, 0x3000, 0x3007, 0x4e00, 0xff10, 0xff21, 0x1d7ce, 0x1f600, 0xe000, 0xfffe]:
    ch = chr(c)
    bits = ''.join('1' if getattr(ch, p)() else '0' for p in preds)
    print(hex(c), bits, repr(ch.upper()), repr(ch.lower()), repr(ch.title()), repr(ch.casefold()), repr(ch.swapcase()))
