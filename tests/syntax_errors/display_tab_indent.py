if x:
	a b
