def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: b'%s' % b'abc'); show(lambda: b'%s' % bytearray(b'x')); show(lambda: b'%s' % memoryview(b'mv')); show(lambda: b'%b' % b'b')
show(lambda: b'%d %i %x %X %o %5d|%-5d|%05d' % (1, 2, 255, 255, 8, 3, 3, 3)); show(lambda: b'%.2f %e %g' % (3.14159, 1234.5, 0.0001))
show(lambda: b'%c%c' % (65, b'b')); show(lambda: b'%r %a' % ('é', 'é')); show(lambda: b'%(k)s' % {b'k': b'v'}); show(lambda: b'%%' % ())
show(lambda: b'%s %s' % (b'a',)); show(lambda: b'%s' % (b'a', b'b')); show(lambda: b'%d' % b'x'); show(lambda: b'%c' % 256)
show(lambda: bytearray(b'%d-%s') % (5, b'x')); show(lambda: b'%x' % -255); show(lambda: b'%#x|%#o' % (255, 8)); show(lambda: b'%+d % d' % (5, 5))
