print(
  f'{z}' F"""a{{
"k": v}:>10}b
c{a.
b:{w}}""")
