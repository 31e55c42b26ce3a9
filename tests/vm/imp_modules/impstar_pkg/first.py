X = "first"
