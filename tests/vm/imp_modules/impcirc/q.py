import impcirc.p
try:
    print(impcirc.p.P)
except AttributeError as e:
    print("AttributeError:", e)
Q = "q"
