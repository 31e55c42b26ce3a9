s = f"{x\n}"
