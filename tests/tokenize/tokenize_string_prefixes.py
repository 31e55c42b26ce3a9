# Every string prefix, in every case, with single, double and triple quotes.
a = 'x', "x", '''x''', """x"""
b = b'x', B"x", r'x', R"x", u'x', U"x", f'x', F"x"
c = br'x', bR'x', Br'x', BR'x', rb"x", rB"x", Rb"x", RB"x"
d = fr'x', fR'x', Fr'x', FR'x', rf"x", rF"x", Rf"x", RF"x"
e = rb'''x''', Br"""x""", fR'''x''', U"""x"""
# Not prefixes: names followed by strings
g = ur'x', bu'x', ub"x", fb'x', bf"x", rr'x', xyz'x'
# Quotes inside strings
h = "it's", 'say "hi"', '\'', "\"", 'a\\', "a\\\\", '''it's "quoted"''', """'''"""
i = """a "" b""", '''a '' b''', """a\"""b""", ''''''
j = r'\'', r"\"", r'\\', b'\x00\xff', '\t\n\r\x7f\u00e9'
k = 'unicode: é ü 中文 😀', "tab:	end"
