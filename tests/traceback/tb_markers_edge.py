# Marker edge cases: multi-line expressions, non-ASCII columns, whole-line spans (no markers), parenthesised
# operands, two-character operators, subscripts with slices, tabs, and calls whose segment does not parse.
import sys

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

def multi_call():
    return max(1,
               2, key=5)

def multi_binop():
    return (1 +
            "a")

def unicode_cols():
    s = "é€😀" * 3;   return s    +    5

def whole_line():
    raise ValueError("whole")

def paren_operand():
    a = 1
    return (a) + None

def two_char():
    return 7 // 0 ** 1

def slices():
    d = {"k": [1, 2, 3]}
    return d["k"][1:2:1]["z"]

def	tabbed():
	return 1	+	"x"

def method_chain():
    return "abc".upper().nothing()

def nested_subscript():
    m = [[1]]
    return m[0][m[0][0]]

def call_arg_error():
    return int("x" + str(len([]))    )

def trailing_space():
    return {}["missing"]   

def subscript_call():
    fs = [lambda: 1 / 0]
    return fs[0]()

def aug_assign():
    x = 1
    x += "s"

def compare_chain():
    return 1 < "a" < 3

def not_an_expr():
    for x in 5: pass

for f in (multi_call, multi_binop, unicode_cols, whole_line, paren_operand, two_char, slices, tabbed,
          method_chain, nested_subscript, call_arg_error, trailing_space, subscript_call, aug_assign,
          compare_chain, not_an_expr):
    show(f)

def outer():
    return [inner(x) for x in range(3)]

def inner(x):
    return {x: x}[x + 1]

outer()
