# The forms of the import statement: dotted, aliased dotted (binds the leaf), several names, inside functions.
import imppkg.sub.beta as leaf, impbasic as ib
print(leaf.__name__, ib.__name__)
from imppkg.sub.beta import (BETA,
                             where as w)
print(BETA, w())
def f():
    from imppkg import alpha as a
    import imppkg.sub.beta
    return a.ALPHA, imppkg.sub.beta.BETA
print(f())
class C:
    import impbasic
    from imppkg import PKG_CONST
print(C.impbasic.VALUE, C.PKG_CONST)
def g():
    global impbasic
    import impbasic
g()
print(impbasic.VALUE)
