# exec() namespaces: globals, locals, the __builtins__ it adds, mapping locals.
g = {}
exec("a = 1", g)
print(sorted(g), type(g["__builtins__"]).__name__, g["__builtins__"] is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else g["__builtins__"] is __builtins__)

g2 = {"__builtins__": {"len": len}}
exec("n = len('abc')", g2)
print(g2["n"])
try:
    exec("print('unreachable')", g2)
except NameError as err:
    print("NameError:", err)

# Separate locals: assignments go to locals, reads fall back to globals then builtins.
glob = {"shared": "global value"}
loc = {}
exec("mine = shared.upper()\nshared = 'shadow'", glob, loc)
print(loc, glob["shared"])

# Functions defined by exec see the globals dict, not the locals.
exec("def f():\n    return who\n", glob, loc)
glob["who"] = "from globals"
print(loc["f"]())

# A mapping that is not a dict works as locals.
class Recorder:
    def __init__(self):
        self.data = {}
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key]
    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value
    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]

r = Recorder()
exec("v = 3\nw = v + 1\ndel v", {}, r)
print(r.data, r.log)

# With globals=None, exec uses the caller's namespaces.
exec("from_exec = 'module level'")
print(from_exec)

def inner():
    x = 10
    exec("y = x + 1")
    return locals()["y"]
print(inner())

# exec returns None even for an expression; eval returns the value.
print(exec("1 + 1"), eval("1 + 1"))

# Class bodies and exec.
class K:
    exec("attr = 'set in class body'")
print(K.attr)
