# gi_frame / cr_frame: the suspended frame's line, code, locals, globals; None once the generator finished.
def gen():
    x = 1
    yield x
    y = 2
    yield y
g = gen()
print(g.gi_frame.f_lineno, g.gi_frame.f_code is gen.__code__, g.gi_frame.f_locals, g.gi_frame.f_back)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals, g.gi_frame.f_lasti > 0)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals, g.gi_frame.f_globals is globals())
list(g)
print(g.gi_frame)
async def c(a, b=2):
    return a
co = c(1)
print(co.cr_frame.f_locals, co.cr_frame.f_lineno)
co.close()
print(co.cr_frame, repr(g.gi_frame))
def lineno():
    yield 1
    x = 2
    yield x
ln = lineno()
print(ln.gi_frame.f_lineno)
next(ln)
print(ln.gi_frame.f_lineno)
next(ln)
print(ln.gi_frame.f_lineno, ln.gi_frame.f_locals)
def closure():
    cell = 'captured'
    def inner():
        return cell
    yield inner
cl = closure()
next(cl)
print(cl.gi_frame.f_locals['cell'], sorted(cl.gi_frame.f_locals))
