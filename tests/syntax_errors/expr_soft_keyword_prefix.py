[c d]
