from impcirc.y import Y
X = "x"
