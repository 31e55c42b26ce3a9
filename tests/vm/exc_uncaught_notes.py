# an uncaught exception with notes, a cause, and a context suppressed
def f():
    try:
        {}["missing"]
    except KeyError as e:
        err = ValueError("converted")
        err.add_note("note one")
        err.add_note("note two\nwith a second line")
        raise err from e
f()
