# SyntaxWarnings the tokenizer raises while compile()/exec()/eval() read source: written to stderr as
# "FILE:LINE: SyntaxWarning: message" (no source line for a name that is not a file), once per compilation.
print("start")
code = compile("x = [0x1for x in (1, 2)]\ny = 1if x else 2\n", "<warned>", "exec")
ns = {}
exec(code, ns)
print(ns["x"], ns["y"])
exec("z = 3or 4", ns)
print(ns["z"])
print(eval("0o7and 5"))
compile("a = 1else_ = 2" if False else "b = 2", "<clean>", "exec")
try:
    compile("w = 0b1for\n(", "<warned-then-error>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print("end")
