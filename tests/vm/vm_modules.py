import math
import sys
from math import sqrt, pi
print(math.sqrt(16), sqrt(2), round(pi, 5), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(10))
print(math.isnan(float("nan")), math.inf > 10 ** 300, math.log(math.e), math.pow(2, 10), math.hypot(3, 4))
print(len(sys.argv), sys.argv[1:], sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit())
try:
    import nosuchmodule
except ImportError as e:
    print(type(e).__name__, e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
