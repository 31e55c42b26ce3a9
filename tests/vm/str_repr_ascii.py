strs = ['', 'abc', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'cr\r', 'nul\x00', 'bell\x07', 'del\x7f', '\x80\x9f',
        'é', '\xa0', '\xad', 'ü', '€', '\u200b', '\u2028', '\ud800', '\udfff', '日本', '😀', '\U0001F600\U000E0001', '\ufeff', '\U0010ffff',
        '\\', 'a\\nb', '\u0378', '\u00ff\u0100']
for s in strs:
    print(repr(s), ascii(s), len(s), repr(repr(s)))
print(repr(['é', 'x']), ascii(['é', 'x']), ascii({'k': 'ü'}), ascii(1.5), ascii(None), str('é'), '%a' % 'é', f'{"é"!a}')
for c in [0, 9, 10, 31, 32, 126, 127, 128, 160, 255, 256, 0x2028, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff]:
    ch = chr(c)
    print(c, repr(ch), ascii(ch), ch.isprintable(), ord(ch))
for bad in [-1, 0x110000, 1.5, 'a']:
    try:
        chr(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in ['', 'ab', 5]:
    try:
        ord(bad)
    except Exception as e:
        print(type(e).__name__, e)
