__all__ = ["ok", 5]
ok = 1
