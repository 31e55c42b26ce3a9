s = b"\x4"
