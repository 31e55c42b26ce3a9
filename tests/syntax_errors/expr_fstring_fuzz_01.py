F"""  {lambda: (1,
2):>10}b
c{f(x,
 y)!s:{w}.{p}}\n{ 
 x 
 =}é"""
