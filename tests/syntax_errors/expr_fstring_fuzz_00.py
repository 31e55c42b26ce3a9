foo(a, rf'''{g(*a,
 **k)!r}b
c{"é"}q
  r{g(*a,
 **k)=!r}{lambda: (1,
2)}\n''')
