# Future features and compile()'s flags: CO_FUTURE_ANNOTATIONS passed explicitly, inherited from the calling code
# unless dont_inherit, and visible in co_flags.
CO_FUTURE_ANNOTATIONS = 0x1000000
CO_FUTURE_DIVISION = 0x20000

src = "def f(x: undefined_name) -> also_undefined: pass\n"
ns = {}
exec(compile(src, "<ann>", "exec", CO_FUTURE_ANNOTATIONS), ns)
print(ns["f"].__annotations__)
try:
    exec(compile(src, "<ann>", "exec"), {})
except NameError as err:
    print("NameError:", err)

c = compile("x: List[int] = []", "<ann>", "exec", CO_FUTURE_ANNOTATIONS)
print(c.co_flags & CO_FUTURE_ANNOTATIONS == CO_FUTURE_ANNOTATIONS)
ns = {}
exec(c, ns)
print(ns["__annotations__"])

# A source's own future import sets the flag too.
c = compile("from __future__ import annotations\ndef g(a: b.c): pass", "<own>", "exec")
print(c.co_flags & CO_FUTURE_ANNOTATIONS != 0)
ns = {}
exec(c, ns)
print(ns["g"].__annotations__)

# Flags with no effect in Python 3 are accepted and kept in co_flags.
c = compile("1 / 2", "<div>", "eval", CO_FUTURE_DIVISION)
print(eval(c), c.co_flags & CO_FUTURE_DIVISION != 0)
print(compile("pass", "<obsolete>", "exec", 0x10).co_flags & 0x10)

# Inheritance: code compiled by code that has the future import inherits it unless dont_inherit.
inherit_src = """
from __future__ import annotations
inherited = compile("def h(p: nope): pass", "<inh>", "exec")
plain = compile("def h(p: int): pass", "<inh>", "exec", dont_inherit=True)
ns1, ns2 = {}, {}
exec(inherited, ns1)
exec(plain, ns2)
results = (ns1["h"].__annotations__, ns2["h"].__annotations__)
exec("def k(q: still_nope): pass", ns1)
eval_result = eval("compile('def e(r: deferred): pass', '<e>', 'exec').co_flags & 0x1000000")
"""
ns = {}
exec(compile(inherit_src, "<outer>", "exec"), ns)
print(ns["results"], ns["ns1"]["k"].__annotations__, ns["eval_result"] != 0)

# This module has no future import: nothing to inherit.
print(compile("pass", "<none>", "exec").co_flags & CO_FUTURE_ANNOTATIONS)
