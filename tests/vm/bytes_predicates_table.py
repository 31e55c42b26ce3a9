preds = ['isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper']
for c in range(256):
    b = bytes([c])
    print(c, ''.join('1' if getattr(b, p)() else '0' for p in preds), b.upper(), b.lower(), b.title(), b.swapcase(), b.capitalize(), repr(b), b.hex())
for s in [b'Hello World', b'hello world', b'HELLO', b'Hello 2World', b'123', b'', b' \t\n', b'ab1', b'A1b2', b'\xe9t\xe9']:
    print(s, [getattr(s, p)() for p in preds], s.title(), s.capitalize(), s.swapcase())
