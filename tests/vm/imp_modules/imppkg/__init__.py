print("imppkg/__init__ runs:", __name__, __package__)
PKG_CONST = "pkg"
