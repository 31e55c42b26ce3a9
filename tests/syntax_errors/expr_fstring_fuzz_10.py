if 1:
    y = ('x'
 rf'''q
  r{lambda: (1,
2)!r}  ''')
