ONE = "one"
