# PEP 562 module __getattr__, module attribute setting and deleting.
import impgetattr
print(impgetattr.EAGER, impgetattr.lazy)
from impgetattr import lazy
print(lazy)
try:
    impgetattr.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from impgetattr import other
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
impgetattr.added = "added"
print(impgetattr.added, "added" in vars(impgetattr))
del impgetattr.added
print(hasattr(impgetattr, "added"))
