# uncaught: a three-exception chain mixing context and cause
class AppError(Exception):
    pass
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise AppError("cannot load") from e
def main():
    try:
        load()
    except AppError:
        raise RuntimeError("startup failed")
main()
