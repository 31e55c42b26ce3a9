# Packages: __init__ runs first, submodules become attributes of their parent, `import a.b.c` binds `a`.
import sys
import imppkg.sub.beta
print(imppkg.PKG_CONST, imppkg.sub.beta.BETA, imppkg.sub.beta.where())
print(imppkg.__package__, imppkg.sub.__package__, imppkg.sub.beta.__package__)
print([p.endswith("/imppkg") for p in imppkg.__path__], type(imppkg.__path__).__name__)
print(hasattr(imppkg.sub.beta, "__path__"), imppkg.__file__.endswith("imppkg/__init__.py"))
print("imppkg.alpha" in sys.modules)
import imppkg.sub.beta as b
print(b is sys.modules["imppkg.sub.beta"])
from imppkg import alpha
print(alpha.ALPHA, imppkg.alpha is alpha, "imppkg.alpha" in sys.modules)
from imppkg.sub import beta as b2
print(b2 is b)
import imppkg.alpha, imppkg.sub
print(sorted(k for k in sys.modules if k.startswith("imppkg")))
