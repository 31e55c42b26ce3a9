s = "a" b"b"
