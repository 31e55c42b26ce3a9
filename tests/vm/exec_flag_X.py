# Run with -X and -W options (exec_flag_X.flags): sys._xoptions maps each -X name to its value (True when it has
# none), sys.warnoptions lists -X dev's "default", the -W filters and -b's BytesWarning filter in CPython's order,
# and sys.flags shows dev_mode and bytes_warning.
import sys
print(sys._xoptions)
print(sys.warnoptions)
print(sys.flags.dev_mode, sys.flags.bytes_warning, sys.flags.optimize, sys.flags.utf8_mode)
