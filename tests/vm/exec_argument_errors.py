# The TypeErrors and ValueErrors compile(), exec() and eval() raise for bad arguments, with CPython's messages.
cases = [
    lambda: compile(),
    lambda: compile("1"),
    lambda: compile("1", "f"),
    lambda: compile("1", "f", "exec", 0, 0, 0, 0),
    lambda: compile("1", "f", "exec", bogus=1),
    lambda: compile("1", "f", "exec", source="x"),
    lambda: compile(1, "f", "exec"),
    lambda: compile(None, "f", "exec"),
    lambda: compile("1", 1, "exec"),
    lambda: compile("1", "f", 1),
    lambda: compile("1", "f", "exec", "a"),
    lambda: compile("1", "f", "exec", 1 << 30),
    lambda: compile("1", "f", "exec", 0x8000),
    lambda: compile("1", "f", "exec", optimize=3),
    lambda: compile("1", "f", "exec", optimize=-2),
    lambda: compile("1", "f", "exec", dont_inherit="x"),
    lambda: compile("1", "f", "nope"),
    lambda: exec(),
    lambda: exec(1),
    lambda: exec("1", []),
    lambda: exec("1", {}, 5),
    lambda: exec("1", {}, {}, {}),
    lambda: exec("1", globals={}),
    lambda: exec("1", {}, {}, closure=1),
    lambda: exec(compile("1", "f", "exec"), {}, {}, closure=(1,)),
    lambda: eval(),
    lambda: eval(1),
    lambda: eval("1", []),
    lambda: eval("1", {}, 1),
    lambda: eval("1", {}, {}, {}),
    lambda: eval("1", globals={}),
    lambda: eval(compile("x = 1", "f", "exec"), {}),
    lambda: globals(1),
    lambda: locals(1),
    lambda: vars(1),
    lambda: vars(1, 2),
]
for i, case in enumerate(cases):
    try:
        result = case()
        print(i, "returned", result)
    except (TypeError, ValueError) as err:
        print(i, type(err).__name__, err)

# The argument checks come before the source is looked at.
try:
    compile("(", "f", "nope")
except ValueError as err:
    print("mode first:", err)
try:
    exec("(", [])
except TypeError as err:
    print("globals first:", err)
