values = [0x1for_ in range(3)]
