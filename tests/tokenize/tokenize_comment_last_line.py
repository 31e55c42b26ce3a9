x = 1
# last comment without newline