x y
