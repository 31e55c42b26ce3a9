class AppError(Exception):
    pass
def load():
    try:
        int("abc")
    except ValueError as e:
        raise AppError("could not load") from e
def run():
    try:
        load()
    except AppError:
        raise RuntimeError("run failed")
run()
