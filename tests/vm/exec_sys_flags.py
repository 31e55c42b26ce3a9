# sys.flags: every 3.11 field in order, the struct sequence's behaviour, the defaults of a plain run
# (PYTHONHASHSEED=0 turns hash randomization off).
import sys
f = sys.flags
print(type(f).__name__, len(f), type(f).n_fields)
print(type(f).__match_args__)
names = ("debug", "inspect", "interactive", "optimize", "no_user_site", "no_site", "ignore_environment", "verbose",
         "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
         "safe_path", "int_max_str_digits")
for name in names:
    print(name, repr(getattr(f, name)))
print(f[3] == f.optimize, f[-1] == f.int_max_str_digits, type(f.dev_mode).__name__, type(f.safe_path).__name__)
try:
    f.optimize = 2
except AttributeError:
    print("read-only")
