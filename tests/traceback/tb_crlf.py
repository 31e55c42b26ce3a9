# CRLF line ends: source lines are read with universal newlines; trailing blanks stay.
def f():
    return 1 + "a"   

f()
