x, y, name = 42, 3.14159, 'world'
items = [1, 2, 3]
d = {'k': 'v'}
print(f'hello {name}!', f'{x}', f'{x!r}', f'{name!r}', f'{name!a}', f'{name!s:>10}', f'{x:#x}', f'{y:.2f}', f'{y:10.3e}')
print(f'{x + 1}', f'{items[1]}', f'{d["k"]}', f'{len(items)}', f'{"nested " + name}', f'{x:{"0"}{6}}', f'{{literal}}', f'{x}{y}{name}')
print(f'{x = }', f'{y = :.1f}', f'{name = !r}', f'{ x }', f'{x:>{4 + 1}}', f'{3.0:g}', f'{-0.0}', f'{1e100}', f'{2**64:,}')
w = 7
print(f'{"left":<{w}}|{"right":>{w}}|{"mid":^{w}}|', f'{x:*^9}', f'{y:+.3}', f'{-y: .2f}', f'{x:b}', f'{x:o}', f'{x:c}')
print(f'{1+2j}', f'{1+2j:.1f}', f'{True}', f'{None}', f'{[1, "a"]}', f'{(1,)}', f'{ {1: 2} }', f'{b"x"}', f'{x:_}', f'{123456789:_d}')
class T:
    def __format__(self, spec):
        return '<' + spec + '>'
    def __repr__(self):
        return 'T()'
    def __str__(self):
        return 'str-T'
t = T()
print(f'{t}', f'{t:abc}', f'{t!r}', f'{t!s}', f'{t!r:>8}', f'{t:{w}}', format(t), str(t), repr(t))
try:
    f'{x:q}'
except ValueError as e:
    print('ValueError', e)
try:
    f'{name:d}'
except ValueError as e:
    print('ValueError', e)
try:
    f'{t!r:d}'
except ValueError as e:
    print('ValueError', e)
