s = rb'abc\'
