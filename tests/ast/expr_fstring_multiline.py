# Multi-line f-strings: CPython 3.11's re-parse puts these nodes at its own (quirky) places.
a = f'''
{x}'''
b = f'''{
x}'''
c = f'''{x
}'''
d = f'''ab
cd {x} {y}'''
e = (1, f'''{a +
b} {c}''')
f_ = f'''{

x}'''
g = f'''  {x}
  {y:{z}}'''
h = ('a'
     f'{x}'
     f'''{y}
{z}''')
