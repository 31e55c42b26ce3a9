# repr() of characters: printable ones verbatim, others escaped as CPython 3.11 (Unicode 14.0) decides
s = '  ­ ​   ࢏ 🫨 󠀁  é 中 😀  '
t = "it's é"
࢏
