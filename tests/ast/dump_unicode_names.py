café = "naïve" + 日
