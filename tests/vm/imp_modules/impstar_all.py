__all__ = ["shown", "_also_shown"]
shown = 1
_also_shown = 2
not_shown = 3
