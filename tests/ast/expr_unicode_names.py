# Non-ASCII identifiers (NFKC-normalized) and UTF-8 byte columns.
ñame = ﬁle + ℌ
é = 'é' + f'{é}é{ñame}'
x = [α for α in β]
ƒ = ｘ + 𝔡
