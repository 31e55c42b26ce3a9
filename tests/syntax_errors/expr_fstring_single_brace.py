s = f"a}b"
