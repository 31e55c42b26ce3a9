# except*: matching parts of groups, naked exceptions wrapped, reraise of unhandled parts, nesting
def run(exc):
    try:
        try:
            raise exc
        except* ValueError as e:
            print("ValueError part:", repr(e))
        except* TypeError as e:
            print("TypeError part:", repr(e))
    except BaseException as rest:
        print("escaped:", repr(rest))
run(ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)]))
run(ExceptionGroup("g", [ValueError(1)]))
run(ValueError("naked"))
run(KeyError("naked other"))
run(ExceptionGroup("g", [ExceptionGroup("inner", [ValueError(1), KeyError(2)]), TypeError(3)]))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except BaseException as e:
    print(type(e).__name__, repr(e), repr(e.exceptions[0].__context__) if isinstance(e, BaseExceptionGroup) else "")
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except BaseException as e:
    print("bare raise:", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* (ValueError, TypeError) as e:
        print("tuple match", repr(e))
except Exception:
    pass
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError", e)
