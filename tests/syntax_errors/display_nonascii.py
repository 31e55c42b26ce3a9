café = 日本 b
