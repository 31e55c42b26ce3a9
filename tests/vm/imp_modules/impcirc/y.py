from impcirc.x import X
Y = "y"
