class A:
    values = [(y := x) for x in range(3)]
