# Unicode 14.0 (CPython 3.11's unicodedata) case mappings and character types: special casing (one code point
# mapping to several), title-case digraphs, the final sigma of lower(), case folding, and code points whose
# properties changed after Unicode 14 (later Unicode versions answer differently for them).

def show(s):
    return " ".join("%04X" % ord(c) for c in s)


samples = ["ß", "ǅ", "ǆ", "Ǆ", "ŉ", "ǰ", "ΐ", "ﬁ", "ﬃ", "ﬆ", "ẞ", "İ", "ı", "K", "Ω", "ῼ", "ᾳ", "ᾼ", "ς", "ϐ",
           "µ", "ſ", "ꭰ", "Ꭰ", "ꟲ", "ƛ", "ꞔ", "Ɬ", "ɬ", "ᲀ", "Ა", "ა", "ǈ", "ǋ", "Σ", "ⓐ", "Ⓐ", "ⅰ", "Ⅰ", "𐐀",
           "𐐨", "𞤀", "𞤢", "ꙋ", "ꞵ", "ꟑ", "ꟙ", "ꟁ", "ａ", "Ａ", "ǲ", "ǳ", "ʼn", "ᾀ", "ᾈ"]
for c in samples:
    print(show(c), "|", show(c.upper()), "|", show(c.lower()), "|", show(c.casefold()), "|", show(c.title()), "|",
          show(c.capitalize()), "|", show(c.swapcase()), "|",
          "".join("1" if f else "0" for f in (c.isalpha(), c.isupper(), c.islower(), c.istitle(), c.isprintable(),
                                             c.isidentifier())))

for s in ["ΣΑΣ", "ΌΣΟΣ ΣΑΣ.", "Σ", "AΣ", "AΣb", "A\u0345Σ", "A'Σ", "AΣ'", "AΣ'b", "1Σ", "ΣΣ", "A:Σ", "aΣ\u00ad"]:
    print(show(s), "->", show(s.lower()), show(s.swapcase()), show(s.casefold()), show(s.title()))

for s in ["straße", "ǆemal ǈubljana ǌ", "ﬁne ﬂy", "hello wORLD", "ŉ x", "they're bill's", "1st ǅ ß",
          "ΐ ΰ", "ᾳ ᾼ ῳ", "a\u0301b", "Ǆ", "ǅa ǅA"]:
    print(repr(s.upper()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()),
          s.istitle(), s.title().istitle())

# Digits, numerics and spaces beyond ASCII.
for s in ["١٢٣", "²", "½", "Ⅻ", "〇", "𝟘𝟙", "𑁦", "፩", "߀", "٣.٥", "\u3000", "\u1680", "\u200b", "\x1c", "\x85",
          "\u2028", "\xa0", "\u180e", "𞥐", "𑽐", "᪐"]:
    print(show(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(), s.isprintable())
print(int("١٢٣"), int("𝟘𝟙"), float("٣.٥"), int("\u3000 42 \u2028"), int("᪐᪑"))
print("a\u2028b\x1cc\x85d\u2029e\rf\r\ng".splitlines(), "a\u3000b\xa0c\u1680d\u200be".split())
print(" \u3000x\u2000 ".strip(), repr("\u200bx\u200b".strip()))
print("ǅ".istitle(), "ǅa".istitle(), "Aǅ".istitle(), "ǅǅ".istitle(), "ꭰ".islower(), "Ꭰ".isupper())
print("ℌ".isupper(), "ℌ".lower(), "ℹ".islower(), "ª".islower(), "ª".isalpha(), "ʰ".islower(), "ʰ".upper())
print("ᢅ".isidentifier(), "℘x".isidentifier(), "x·".isidentifier(), "·x".isidentifier(), "x\u200c".isidentifier())
