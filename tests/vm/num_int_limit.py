import sys
def show(f):
    try:
        r = f()
        print(r if len(str(r)) < 80 else (len(str(r)), str(r)[:20]))
    except Exception as e:
        print(type(e).__name__, e)

print(sys.get_int_max_str_digits())
big = 10 ** 4299
print(len(str(big)))
show(lambda: str(10 ** 4300))
show(lambda: repr(-10 ** 4300))
show(lambda: int('1' * 4300) % 1000)
show(lambda: int('1' * 4301))
show(lambda: int('-' + '1' * 5000))
show(lambda: int('1' * 5000, 16) % 1000)
show(lambda: hex(10 ** 5000)[:10])
show(lambda: f'{10 ** 5000}')
show(lambda: '%d' % (10 ** 5000))
show(lambda: sys.set_int_max_str_digits(100))
print(sys.get_int_max_str_digits())
show(lambda: int('1' * 101))
show(lambda: int('1' * 100) % 7)
show(lambda: str(10 ** 100))
show(lambda: str(10 ** 99))
show(lambda: sys.set_int_max_str_digits(639))
show(lambda: sys.set_int_max_str_digits(640))
show(lambda: sys.set_int_max_str_digits(0))
show(lambda: int('1' * 10000) % 1000)
show(lambda: sys.set_int_max_str_digits(-1))
show(lambda: sys.set_int_max_str_digits(maxdigits=4300))
print(sys.get_int_max_str_digits())
