import __main__
def read_main():
    return __main__.MAIN_VALUE
