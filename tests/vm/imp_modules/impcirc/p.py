import impcirc.q
P = "p"
