class ConfigError(Exception):
    """Bad configuration."""
def check(cfg):
    if "name" not in cfg:
        raise ConfigError(f"missing key 'name' in {cfg!r}")
try:
    check({})
except ConfigError as e:
    print("first:", e)
check({"x": 1})
