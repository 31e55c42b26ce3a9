print("kaa")
