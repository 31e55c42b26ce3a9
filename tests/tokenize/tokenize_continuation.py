x = 1 + \
    2
if a and \
   b:
    pass
s = 'single \
quoted continued \
three lines'
t = "double \
quoted"
y = (1 +
     2)  # no backslash needed
z = [
    1,
    # comment inside brackets
    2,

]
w = \
\
    3
