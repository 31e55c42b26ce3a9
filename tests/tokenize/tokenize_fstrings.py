# f-strings are ordinary STRING tokens to Lib/tokenize.py 3.11.
name = "world"
print(f"hello {name}!", f'{name!r:>10}', f"{'nested'}", f'{"nested"}')
print(f"{x:{width}.{precision}}", F"{{literal}}", rf"\d{name}", fR'{name}\n')
s = f"""multi
line {name}
"""
t = f'''{
    name
}'''
u = f"{x!r}" f'{y=}' f"{3.14:.2f}"
