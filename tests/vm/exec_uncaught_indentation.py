# An uncaught IndentationError raised by exec(): the source line and caret, no end position for subclasses.
exec("if True:\nprint('body')\n")
