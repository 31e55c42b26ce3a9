"""io.StringIO for interpreters that have no `io` module yet (kaa, until its io arrives): the part hexiom uses
(write, getvalue). python3 never imports this file: its io module is loaded before the program starts."""


class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        self._parts = [initial_value] if initial_value else []

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        self._parts.append(s)
        return len(s)

    def getvalue(self):
        value = "".join(self._parts)
        self._parts = [value]
        return value

    def flush(self):
        pass

    def close(self):
        self._parts = []
