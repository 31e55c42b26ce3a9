# from M import *: __all__ (underscore names included), else the public names; packages import their __all__.
from impstar_all import *
print(shown, _also_shown, "not_shown" in globals())
from impstar_noall import *
print(public, helper(), "_private" in globals())
try:
    from impstar_badall import *
except TypeError as e:
    print("TypeError:", e)
from impstar_pkg import *
print(first.X, second.X)
import sys
print(sorted(k for k in sys.modules if k.startswith("impstar")))
class Holder:
    from impbasic import VALUE
print(Holder.VALUE)
