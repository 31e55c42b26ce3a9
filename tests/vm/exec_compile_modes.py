# compile() in its three modes, and running what it returns with exec() and eval().
c = compile("x = 40 + 2", "<assign>", "exec")
print(type(c).__name__, c.co_filename, c.co_name, c.co_names)
ns = {}
print(exec(c, ns))
print(ns["x"])

e = compile("x * 2", "<expr>", "eval")
print(e.co_name, eval(e, ns), eval(e, {"x": "ab"}))

# 'single' prints each expression statement's value through sys.displayhook (None is not shown).
s = compile("x + 1", "<single>", "single")
exec(s, ns)
exec(compile("None", "<single>", "single"))
exec(compile("for i in range(3): i * 10\n", "<loop>", "single"))
exec(compile("if True:\n    'first'\n    'second'\n", "<block>", "single"))
exec(compile("y = 5", "<single>", "single"), ns)
print(ns["y"])

# A trailing newline is optional in exec mode; eval mode accepts trailing newlines.
print(eval(compile("1 +\\\n 2\n\n", "<e>", "eval")))
exec(compile("z = 1", "<e>", "exec"), ns)
print(ns["z"])

# Expression statements in exec mode print nothing.
exec(compile("1 + 1\n'text'\n", "<quiet>", "exec"))

# Code objects compare equal when compiled from the same source.
print(compile("a + b", "f", "eval") == compile("a + b", "f", "eval"),
      compile("a + b", "f", "eval") == compile("a - b", "f", "eval"))

# Filenames may be bytes; the mode names are case sensitive.
print(compile("1", b"bytes-name", "eval").co_filename)
for mode in ["EXEC", "eval ", "", "func_type"]:
    try:
        compile("1", "f", mode)
    except ValueError as err:
        print(repr(mode), err)
