s = "abc\x4"
