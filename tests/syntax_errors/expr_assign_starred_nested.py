(a, *b + c) = d
