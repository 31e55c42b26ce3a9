X = "second"
