a = $x
b = x ? y : z
c = !x
d = `x`
e = 'unterminated
f = "unterminated
g = rb'unterminated
h = 1 + 'abc
i = x ! = y
j = \ x
