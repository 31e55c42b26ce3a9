# decomposed e + combining acute, and a zero width joiner
x = é
na‍me = 1
nbsp = 1
ideographic　space
