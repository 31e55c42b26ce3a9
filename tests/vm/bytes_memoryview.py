def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m.tobytes(), m.tolist(), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m.obj, m[1:5][1:3].tobytes(), m.hex(), m == b'abcdef', m == memoryview(b'abcdef'), m != b'x', bytes(m), list(m))
show(lambda: m[10]); show(lambda: m.__setitem__(0, 1)); show(lambda: memoryview('abc')); show(lambda: memoryview(5)); show(lambda: hash(m) == hash(b'abcdef'))
ba = bytearray(b'hello')
mv = memoryview(ba)
mv[0] = 74; print(ba, mv.readonly)
mv[1:3] = b'EL'; print(ba)
show(lambda: mv.__setitem__(0, 256)); show(lambda: mv.__setitem__(slice(0, 2), b'abc')); show(lambda: ba.extend(b'x')); show(lambda: hash(mv))
with memoryview(b'ctx') as c:
    print(c.tobytes())
show(lambda: c.readonly)
show(lambda: c.tobytes()); show(lambda: len(c)); show(lambda: c[0])
mv.release(); mv.release(); ba.extend(b'!'); print(ba)
print(bytes(memoryview(b'xyz')[::-1]), bytearray(memoryview(b'q')), memoryview(b'abc').cast('B').tolist(), int.from_bytes(memoryview(b'\x01\x02'), 'big'))
