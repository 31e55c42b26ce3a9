def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
data = [b'', b'\x00', b'\xff', b'\x01\x02\x03\x04\x05', bytes(range(20))]
for d in data:
    print(d.hex(), d.hex(':'), d.hex('_', 2), d.hex('-', -3), d.hex(b'.', 1), bytes.fromhex(d.hex()) == d, bytearray(d).hex(), memoryview(d).hex())
show(lambda: b'ab'.hex('')); show(lambda: b'ab'.hex('::')); show(lambda: b'ab'.hex('é')); show(lambda: b'ab'.hex(1)); show(lambda: bytes.fromhex(' 01  02 '))
show(lambda: bytes.fromhex('0g')); show(lambda: bytes.fromhex('abc')); show(lambda: bytes.fromhex(b'01')); show(lambda: bytes.fromhex('\u0661'))
vals = [b'', b'a', b'ab', b'b', b'\xff', b'a\x00', bytearray(b'ab'), bytearray(b'b')]
for a in vals:
    print(repr(a), [(a < b, a <= b, a == b, a != b, a > b, a >= b) for b in vals])
print(hash(b'') == 0, hash(b'abc') == hash(b'abc'), b'abc' == 'abc', b'a' != 'a', sorted([b'b', b'a', b'ab', b'']), max(b'xyz'), min([b'b', b'a']))
show(lambda: b'a' < 'a'); show(lambda: b'a' < 1); show(lambda: bytearray(b'a') < 'a'); show(lambda: {b'a': 1}[b'a']); show(lambda: {bytearray(b'a'): 1})
show(lambda: b'a' == memoryview(b'a')); show(lambda: bytearray(b'a') == memoryview(b'a'))
