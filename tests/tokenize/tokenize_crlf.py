# comment
if x:
    y = (1,
         2)

    z = """a
b"""
    w = 1 + \
        2
    s = 'a\
b'
