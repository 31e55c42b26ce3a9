# Source given to compile()/exec() as bytes is decoded as a file would be (coding cookie, UTF-8 BOM); a str is
# already text, so its cookie is ignored.
print(eval(b"'caf\xc3\xa9'"))
latin = b"# -*- coding: latin-1 -*-\nresult = 'caf\xe9'\n"
ns = {}
exec(latin, ns)
print(ns["result"], len(ns["result"]))
ns = {}
exec("# -*- coding: latin-1 -*-\nresult = 'café'\n", ns)
print(ns["result"])
exec(b"\xef\xbb\xbfbom = 'with BOM'", ns)
print(ns["bom"])
for src in [b"x = '\xe9'", b"# coding: nope\nx = 1", b"\xef\xbb\xbf# coding: latin-1\nx = 1", "x = '\ud800'"]:
    try:
        exec(src, {})
        print("ran", src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
    except UnicodeError as e:
        print(type(e).__name__)
print(eval(b"# coding: utf-8\n'\xe2\x82\xac' * 2"))
print(compile(b"# vim: set fileencoding=ascii :\nn = 1", "<a>", "exec").co_names)
