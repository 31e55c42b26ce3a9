VALUE = "checked source"
print("hashmod runs", VALUE)
