print((**a))
