__all__ = ["first", "second"]
