# A str literal with bytes that are not UTF-8: CPython reports the decoder error at the next token.
print("böse")
