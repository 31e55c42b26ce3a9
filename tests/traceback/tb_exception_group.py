# Exception groups: nested groups with tracebacks and markers, notes, and except* re-raising the rest.
def fail(i):
    if i == 0:
        return 1 / 0
    raise ValueError(f"bad {i}")

def collect():
    errors = []
    for i in range(3):
        try:
            fail(i)
        except Exception as e:
            e.add_note(f"while handling {i}")
            errors.append(e)
    return ExceptionGroup("many", [errors[0], ExceptionGroup("inner", errors[1:])])

try:
    raise collect()
except* ZeroDivisionError as eg:
    print("handled", len(eg.exceptions))
