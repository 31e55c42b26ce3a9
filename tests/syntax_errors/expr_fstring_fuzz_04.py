d = {
 "k": f'''\n{(yield):>10}{{{lambda: (1,
2):
>}\n{(
x)=}b
c'''}
