if True:
	x = 1
	if x:
		y = 2
        z = 3
	w = 4
  	  v = 5
if 1:
        a = 1
	b = 2
c = 3
if 2:
        d = 4
