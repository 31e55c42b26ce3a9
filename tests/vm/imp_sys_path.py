# sys.path: the script's folder first; entries added at run time are searched; bad entries are skipped.
import sys
print(type(sys.path).__name__, sys.path[0] != "")
sys.path.insert(0, sys.path[0] + "/imppkg/sub")
import beta
print(beta.BETA, beta.__name__, beta.__package__ == "")
sys.path.insert(0, 12345)
sys.path.insert(0, "/no/such/folder/at/all")
import impbasic
print(impbasic.VALUE)
del sys.path[:]
try:
    import imppkg
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
import math
print(math.sqrt(16.0))
