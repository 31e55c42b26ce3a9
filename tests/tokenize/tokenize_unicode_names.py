# Non-ASCII identifiers and \w characters that are not identifiers.
été = 1
Σ = été + 1
变量 = "值"
_ä = ñ = ø
𝔘𝔫𝔦 = 3
x² = 2
a = ²
b = ١٢٣
c = x١
d = ℕ + ⅷ
e = é
f = Ⅻ
