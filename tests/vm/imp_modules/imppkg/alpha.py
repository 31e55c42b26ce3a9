print("imppkg.alpha runs:", __name__, __package__)
ALPHA = "alpha"
