x = """abc
def""" yy
