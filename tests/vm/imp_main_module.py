# __main__ is a module in sys.modules; other modules can import it.
import sys
import __main__
MAIN_VALUE = "set by main"
print(__name__, __main__ is sys.modules["__main__"], __main__.MAIN_VALUE)
import impmain_user
print(impmain_user.read_main())
print(__package__, __spec__)
if __name__ == "__main__":
    print("running as a script")
