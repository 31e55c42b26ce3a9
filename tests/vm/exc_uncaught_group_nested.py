# uncaught nested groups: chained context inside a box, notes inside a group, more than 15 sub-exceptions
def make(i):
    try:
        raise KeyError(i)
    except KeyError:
        try:
            raise ValueError(f"v{i}")
        except ValueError as e:
            e.add_note(f"note for {i}")
            return e
wide = ExceptionGroup("wide", [make(i) for i in range(17)])
eg = ExceptionGroup("top", [make(100), wide, ExceptionGroup("plain", [TypeError("t")])])
eg.add_note("top note")
try:
    try:
        raise eg
    except* TypeError:
        raise RuntimeError("while handling")
except* RuntimeError as r:
    print("caught", repr(r.exceptions[0]))
raise eg
