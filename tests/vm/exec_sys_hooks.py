# sys's smaller services: audit hooks (PEP 578), call_tracing, the switch interval, thread_info, orig_argv,
# settrace/setprofile cleared with None, and their argument errors.
import sys
print(sys.audit("ignored.before.any.hook", 1))
seen = []
def hook(event, args):
    if event.startswith("test."):
        seen.append((event, args))
sys.addaudithook(hook)
sys.audit("test.one")
sys.audit("test.two", 1, "x", None)
print(seen)
try:
    sys.audit(5)
except TypeError as err:
    print("TypeError:", err)
def failing(event, args):
    if event == "test.fail":
        raise RuntimeError("hook refused " + event)
sys.addaudithook(failing)
try:
    sys.audit("test.fail")
except RuntimeError as err:
    print("RuntimeError:", err)
print(len(seen))
print(sys.call_tracing(divmod, (17, 5)), sys.call_tracing(lambda *a: a, ()))
for bad in [(print, [1]), (print,)]:
    try:
        sys.call_tracing(*bad)
    except TypeError as err:
        print("TypeError:", err)
print(sys.getswitchinterval())
sys.setswitchinterval(0.25)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as err:
        print("ValueError:", err)
t = sys.thread_info
print(type(t).__name__, t.name, t.lock, len(t), type(t.version).__name__)
print(type(sys.orig_argv).__name__, sys.orig_argv[-1])
print(sys.settrace(None), sys.setprofile(None), sys.gettrace(), sys.getprofile())
print(sys.platlibdir, type(sys.copyright).__name__, type(sys.__doc__).__name__)
