# -*- coding: latin-1 -*-
name = "café"  # © ½
été = 1
x = " "
