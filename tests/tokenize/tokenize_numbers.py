# Every number form of Lib/tokenize.py's Number regex, and the places it stops.
a = 0, 00, 0_0, 7, 1_000_000, 123
b = 0x1F, 0X_ff, 0b1010, 0B_1, 0o777, 0O_7
c = 1.5, 1., .5, 1.5e10, 1e-5, 1E+5, 1_0.0_1e1_0, 1.e5, .5e-3
d = 1j, 1J, 1.5j, 1.j, .5j, 1e5j, 1_0j, 0j, 09j, 09.5
e = 09, 0_1, 1__0, 1_, 0x, 0xg, 0b2, 0o8, 1e, 1e+, 1.5e, 1ej
f = 1if 1else 2, 0x1for, 1_000.real, 1..real, 1.0.real, 5...
g = 0xdeadBEEF, 0b_1_0, 0o_1_7, 0_0_0, 100_000j, 1.5_5J
