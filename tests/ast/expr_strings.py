# String and bytes literals: escapes, prefixes, implicit concatenation, the 'u' kind.
s1 = 'a' "b" '''c''' """d"""
s2 = u'kind' 'rest'
s3 = 'no' u'kind'
s4 = r'\n\t' R"\x" + rb'\d' + Br'\q'
s5 = '\n\t\r\a\b\f\v\\\'\"\0\101\x41\u0041\U00000041'
s6 = '\N{LATIN SMALL LETTER A}\N{em dash}\N{CJK UNIFIED IDEOGRAPH-4E00}'
s7 = '\q\d\777'
s8 = '\ud800'
s9 = 'é\é' 'line\
continued'
b1 = b'\x41\101\n\q' b'more'
b2 = b''
e1 = ''
long = ('a'
        'b'
        'c')
