# Import errors: messages, the name attribute, failed modules leaving sys.modules, syntax errors in modules.
import sys
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    import impbasic.child
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import imppkg.nothing_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from impbasic import not_defined
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0] + "/", ""), e.name, e.path.endswith("impbasic.py"))
try:
    from sys import not_in_sys
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
for attempt in range(2):
    try:
        import impfail
    except ValueError as e:
        print("ValueError:", e, "impfail" in sys.modules)
try:
    import impsyntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename.endswith("impsyntax.py"), repr(e.text))
print("impsyntax" in sys.modules)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
for bad in [5, ""]:
    try:
        __import__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    __import__("impbasic", level=-1)
except ValueError as e:
    print("ValueError:", e)
