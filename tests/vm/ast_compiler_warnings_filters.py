# Warnings filters applied to the compiler's SyntaxWarnings (ast_compiler_warnings_filters.flags): the last -W
# option wins; `error:assertion` matches messages starting with "assertion" (case-insensitive), a module filter
# matches the file name without ".py", and "once" shows a text only once.
for source, filename in [
    ('assert (1, 2)', '<w>'),
    ('ASSERT = 1\nassert (1, 2)', 'x.py'),
    ('x is 1', '<w>'),
    ('x is 1', 'mod.py'),
    ('x is 1', 'mod.py'),
    ('x is 2', 'other.py'),
    ('(1)(2)', 'mod.py'),
    ('(1)(2)', 'mod2.py'),
    ('"s"[1.5]', 'mod.py'),
    ('x = 1if y else 2', 'mod.py'),
]:
    print('---', repr(source), filename)
    try:
        compile(source, filename, 'exec')
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno)
