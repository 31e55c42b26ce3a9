# a comment
nonlocal x
