# no cookie
s = "café"
