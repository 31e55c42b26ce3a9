# Nested format specs and f-strings inside f-strings.
a = f'{x:{y}}'
b = f'{x:{y}.{z}}'
c = f'{x!r:{y!s}}'
d = f'{f"{x}"}'
e = f'{x:}{y:}'
f_ = f'{x:{{}}>10}'
g = f'{ {} }', f'{ {1: 2} }', f'{[1, 2]}'
h = f'a{x:b{y}c}d'
