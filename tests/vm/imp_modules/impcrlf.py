CRLF = "crlf"
if True:
    CRLF2 = CRLF * 2
