# coding: u8
x = "ÿ"
