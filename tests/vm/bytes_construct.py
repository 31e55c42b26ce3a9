def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class WithBytes:
    def __bytes__(self): return b'from __bytes__'
class BadBytes:
    def __bytes__(self): return 'str'
class Idx:
    def __index__(self): return 3
show(lambda: bytes(WithBytes())); show(lambda: bytes(BadBytes())); show(lambda: bytes(Idx())); show(lambda: bytes([Idx(), 65]))
show(lambda: bytes('é', 'utf-8')); show(lambda: bytes('é', 'ascii')); show(lambda: bytes('é', 'ascii', 'ignore')); show(lambda: bytes('é', encoding='latin-1'))
show(lambda: bytes(b'x', 'utf-8')); show(lambda: bytes(5, 'utf-8')); show(lambda: bytes(errors='strict')); show(lambda: bytes([1, -1])); show(lambda: bytes([1, 'a']))
show(lambda: bytes({1: 'a', 2: 'b'})); show(lambda: bytes(iter([104, 105]))); show(lambda: bytes(memoryview(b'mv'))); show(lambda: bytes(bytearray(b'ba')))
show(lambda: bytearray('x', 'utf-8')); show(lambda: bytearray(2)); show(lambda: bytearray(b'a', 'utf-8')); show(lambda: bytearray(None)); show(lambda: bytes(None))
show(lambda: b''.join([])); show(lambda: b'ab'.decode('utf-16')); show(lambda: 'ab'.encode('utf-16-le').decode('utf-16-le')); show(lambda: len(bytes(10**3)))
