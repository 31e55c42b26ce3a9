words = ['hello World', 'ß', 'ﬁne', 'İstanbul', 'ΑΣ', 'ΟΔΟΣ ΟΔΟΣ', 'σ', 'Σ', 'aΣb', 'ǅungla', 'ǆ', 'ŉ', 'Straße', 'ǰ', 'ΐ',
         'ﬀ', 'µ', 'ꭰ', 'Ꭰ', 'HELLO', '123abc', "they're bill's", 'émile ZOLA', '', ' ', 'ῼ', 'ᾳ', 'ﬃ', 'ǈ', 'Ⅻ', 'ⓐ']
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()), repr(w.title()), repr(w.swapcase()), repr(w.capitalize()))
    print(' ', w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isascii(), w.isprintable(), w.isidentifier())
for s in ['123', '١٢٣', '½', '²', '٣.5', 'Ⅻ', '一', '0x1', '', '𝟘', '¹²³', '٠', '⑴', 'abc', ' \t\n', '\u2028', '\xa0', '\u200b', '\x1c']:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(), s.isprintable())
for s in ['_x', '1x', 'x1', 'été', 'a-b', '', 'ℕ', 'x·y', '·x']:
    print(repr(s), s.isidentifier())
