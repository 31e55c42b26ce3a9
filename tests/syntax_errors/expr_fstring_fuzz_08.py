x = 'a' \
  rf"""a{lambda: (1,
2)!r}a"""
