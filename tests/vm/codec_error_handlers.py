# Every error handler (strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape, surrogatepass,
# namereplace) with every built-in codec (utf-8, utf-16, utf-32 with and without byte order, ascii, latin-1), both
# directions: the output, or the exception with its range and reason (CPython: Python/codecs.c, the encoders and
# decoders of Objects/unicodeobject.c). Codecs reached through the registry wrap a handler's TypeError/LookupError.

encs = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii", "latin-1"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape",
            "surrogatepass", "namereplace", "bogus"]
texts = ["abc", "a\udc80b", "x\ud800y", "\ud83d\ude00", "é€😀", "a\udcffz\ud800", "\u0378\u4e00\uac00\U0001F600\x00\x85"]
for enc in encs:
    for h in handlers:
        for t in texts:
            try:
                r = t.encode(enc, h)
            except UnicodeEncodeError as e:
                r = "UnicodeEncodeError %s %d %d %s" % (e.encoding, e.start, e.end, e.reason)
            except (TypeError, LookupError) as e:
                r = "%s %s" % (type(e).__name__, e)
            print("encode", enc, h, ascii(t), r)
datas = [b"ab", b"a\x00b\x00", b"\x00\xd8a\x00", b"a\x00\x00\xdc", b"\x00\xd8\x00\xdc", b"\x3d\xd8\x00\xde", b"abc",
         b"\xff\xfea\x00", b"\xfe\xff\x00a", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"a\x00\x00\x00b",
         b"\xff\xfe\x00\x00a\x00\x00\x00", b"\xe9\x80", b"\xed\xa0\x80x", b"\x80abc\xff", b"\x00\xd8a"]
for enc in encs:
    for h in handlers:
        for d in datas:
            try:
                r = ascii(d.decode(enc, h))
            except UnicodeDecodeError as e:
                r = "UnicodeDecodeError %s %d %d %s" % (e.encoding, e.start, e.end, e.reason)
            except (TypeError, LookupError) as e:
                r = "%s %s" % (type(e).__name__, e)
            print("decode", enc, h, d, r)

# namereplace: names, aliases' private-use code points, unnamed characters.
for t in ["é", "\u4e00", "\uac00", "\U0001F600", "\x00", "\x85", "\u0378", "\U000F0000", "\U000F0200", "\ue000",
          "\U0001FAE8", "\u200b", "\ufeff", "\U000E0001"]:
    print(ascii(t), t.encode("ascii", "namereplace"), t.encode("latin-1", "namereplace"))
e = None
try:
    "\ud800".encode("utf-16", "bogus")
except LookupError as exc:
    e = exc
print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
try:
    b"\xff".decode("utf-16-le", "xmlcharrefreplace")
except TypeError as exc:
    print(type(exc).__name__, exc, "|", exc.__cause__)
