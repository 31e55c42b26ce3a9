if 1:
    y = rf"""{{{f(x,
 y):{w}}a{lambda: (1,
2) = }b
c{'''m
l''':{w}}é"""
