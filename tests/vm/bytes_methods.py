def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
b = b'Hello, World! Hello!'
for m in ['upper', 'lower', 'swapcase', 'title', 'capitalize', 'isalpha', 'isalnum', 'isdigit', 'islower', 'isupper', 'istitle', 'isspace', 'isascii', 'hex', 'split', 'splitlines', 'strip']:
    show(lambda: getattr(b, m)())
show(lambda: b.count(b'l')); show(lambda: b.count(108)); show(lambda: b.count(b'l', 5, 10)); show(lambda: b.find(b'o')); show(lambda: b.rfind(b'o'))
show(lambda: b.index(b'xyz')); show(lambda: b.find(300)); show(lambda: b.find('o')); show(lambda: b.startswith(b'Hell')); show(lambda: b.endswith((b'!', b'?')))
show(lambda: b.startswith('H')); show(lambda: b.replace(b'Hello', b'Bye')); show(lambda: b.replace(b'l', b'L', 2)); show(lambda: b.split(b', '))
show(lambda: b'a b  c'.split()); show(lambda: b'a,b,c'.rsplit(b',', 1)); show(lambda: b'a,b'.partition(b',')); show(lambda: b'a,b'.rpartition(b'x'))
show(lambda: b'  x '.strip()); show(lambda: b'xxaxx'.strip(b'x')); show(lambda: b'ab'.center(6, b'*')); show(lambda: b'ab'.ljust(4)); show(lambda: b'ab'.rjust(4, b'0'))
show(lambda: b'-5'.zfill(4)); show(lambda: b'a\tb'.expandtabs(4)); show(lambda: b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')])); show(lambda: b'-'.join([b'a', 'b']))
show(lambda: b'abc'.removeprefix(b'a')); show(lambda: b'abc'.removesuffix(b'bc')); show(lambda: b'a\nb\r\nc'.splitlines(True))
t = bytes.maketrans(b'abc', b'xyz')
show(lambda: b'aabbcc'.translate(t)); show(lambda: b'aabbcc'.translate(None, b'b')); show(lambda: b'abc'.translate(b'x'))
show(lambda: b'\xde\xad\xbe\xef'.hex()); show(lambda: b'\xde\xad\xbe\xef'.hex(':')); show(lambda: b'\xde\xad\xbe\xef'.hex('-', 2)); show(lambda: b'\x01\x02\x03'.hex(' ', -2))
show(lambda: bytes.fromhex('de ad be ef')); show(lambda: bytes.fromhex('dex')); show(lambda: bytes.fromhex('d')); show(lambda: bytearray.fromhex('0a0b'))
show(lambda: bytes(3)); show(lambda: bytes([1, 2, 255])); show(lambda: bytes([256])); show(lambda: bytes('abc', 'ascii')); show(lambda: bytes('abc'))
show(lambda: bytes(-1)); show(lambda: bytes(1.5)); show(lambda: bytes(range(5))); show(lambda: bytes(b'xy')); show(lambda: bytes()); show(lambda: bytes(x for x in [65, 66]))
show(lambda: b'abc'[1]); show(lambda: b'abc'[-1]); show(lambda: b'abc'[5]); show(lambda: b'abcdef'[1:4]); show(lambda: b'abcdef'[::-2]); k = 'x'; show(lambda: b'abc'[k])
show(lambda: b'ab' + b'cd'); show(lambda: b'ab' + bytearray(b'cd')); show(lambda: b'ab' + 'cd'); show(lambda: b'ab' * 3); show(lambda: 2 * b'ab'); show(lambda: b'a' in b'abc')
show(lambda: 98 in b'abc'); show(lambda: 300 in b'abc'); show(lambda: 'a' in b'abc'); show(lambda: b'abc' == b'abc'); show(lambda: b'abc' < b'abd'); show(lambda: b'abc' == 'abc')
show(lambda: list(b'hi')); show(lambda: hash(b'abc') == hash(b'abc')); show(lambda: len(b'abc')); show(lambda: b'%s and %d' % (b'x', 5)); show(lambda: b'%b|%5s|%-3d|%x' % (b'y', b'z', 7, 255))
show(lambda: b'%r' % 'x'); show(lambda: b'%c%c' % (65, b'B')); show(lambda: repr(b'\x00\x7f\x80\'"')); show(lambda: repr(b"'")); show(lambda: str(b'a'))
show(lambda: b'abc'.decode()); show(lambda: int.from_bytes(b'\x01\x00', 'big')); show(lambda: b'A'.isupper()); show(lambda: bytes.__name__)
