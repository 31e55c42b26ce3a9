def f():
    """Docstring on
    several lines with 'quotes' and "quotes" and \""" escaped.
    """
    x = '''one line'''
    y = """ends with backslash \
continues"""
    z = r'''raw \''' still'''
    w = b"""
bytes
"""  ; v = 1
    return x
