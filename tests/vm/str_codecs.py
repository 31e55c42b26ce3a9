def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
texts = ['hello', 'héllo', '€uro', 'naïve café', '日本語', '😀x', '\udc80\udcff', 'a\ud800b', '']
for t in texts:
    for enc in ['utf-8', 'ascii', 'latin-1', 'UTF8', 'Latin1', 'iso-8859-1']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass']:
            show(lambda: t.encode(enc, err))
for t in texts[:6]:
    for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be']:
        show(lambda: t.encode(enc))
        show(lambda: t.encode(enc).decode(enc))
show(lambda: 'x'.encode('nope')); show(lambda: 'é'.encode('ascii', 'nope')); show(lambda: 'x'.encode('ascii', 'nope')); show(lambda: 'x'.encode(encoding='utf-8', errors='strict'))
show(lambda: 'x'.encode(1)); show(lambda: 'x'.encode('utf-8', 1))
datas = [b'hello', b'h\xc3\xa9llo', b'\xff', b'\xe2\x82', b'\xe2\x82\xac', b'\xe2(\xa1', b'\xf0\x9f\x98\x80', b'\xf0\x9f\x98', b'\xc0\xaf', b'\xed\xa0\x80',
         b'\x80abc', b'abc\xe9', b'\xf4\x90\x80\x80', b'\xff\xfeh\x00i\x00', b'h\x00', b'\x00']
for d in datas:
    for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-16-le']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
            show(lambda: d.decode(enc, err))
try:
    'aé€'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, isinstance(e, ValueError), isinstance(e, UnicodeError))
try:
    b'ab\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
show(lambda: bytearray(b'\xc3\xa9').decode()); show(lambda: memoryview(b'ab').tobytes().decode('ascii'))
