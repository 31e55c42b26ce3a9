# sys.modules is the import system's cache: entries put there are imported, removed ones are executed again.
import sys
class Fake:
    answer = 54
sys.modules["fake_module"] = Fake()
import fake_module
print(type(fake_module).__name__, fake_module.answer)
from fake_module import answer
print(answer)
import impcounter
import impcounter
del sys.modules["impcounter"]
import impcounter
print(impcounter.runs)
import impreplace
print(type(impreplace).__name__, impreplace.anything)
from impreplace import something
print(something)
saved = sys.modules.pop("impbasic", None)
print(saved)
import impbasic
print("impbasic" in sys.modules)
