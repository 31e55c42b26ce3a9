# coding=UTF8
# coding: latin-1 (only the first cookie counts)
x = "é"
