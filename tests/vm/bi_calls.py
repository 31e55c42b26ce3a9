# Builtins and container methods called wrongly and rightly: argument-count and type messages as CPython's.
tests = [
 "list(filter(lambda x: x, [0,1]))", "sorted([3,1], key=lambda x: -x)", "min([], key=len, default=3)",
 "dict(a=1).setdefault('b')", "[].extend(5)", "list.append([], 1, 2)", "{}.pop()", "{}.get()", "{}.get(1,2,3)",
 "dict.fromkeys()", "set().add()", "frozenset([1]) | 5", "range(3).index(5)", "tuple.count((1,2))",
 "[1,2].index()", "[1,2,3].insert(1)", "'abc'[5]", "{}['x']", "[].pop(0)",
 "[1,2,3][::0]", "iter([]).__next__()", "next(iter([]))", "enumerate([], 1, 2)",
 "reversed([], [])", "sum([], [], [])", "any()", "all(1)", "divmod(1)", "abs()", "round()", "pow(1)",
 "hash()", "id()", "callable()", "chr()", "ord()", "bin()", "format()", "repr()", "ascii()", "len(5)",
 "hasattr(1)", "getattr(1)", "setattr(1,2)", "delattr(1)", "vars(1,2)", "dir(1,2)", "isinstance(1)",
 "sorted(1)", "max(1, key=1)", "min(1, 2, key=None)", "max('a', 1)", "list(range(5))[::-2]",
 "slice(1,2,3).indices(10)", "[1,2,3].sort(reverse=None)", "sorted([2,1], reverse=1)",
 "{1:2}.items() - {(1,2)}", "{1:2}.keys() ^ [1, 3]", "dict([('a', 1)], b=2)", "{**{1:2}}",
 "list(zip('ab', 'c', strict=False))", "list(map(lambda *a: a, 'ab', 'cd', 'e'))", "set('ab') <= set('abc')",
 "frozenset('ab').issubset('abc')", "set().pop()", "{1}.remove(2)", "[].remove(1)", "().index(1)",
 "list(reversed(range(5, 0, -2)))", "range(0, 10, 3)[-1]", "range(5)[1:-1:2]", "bool(range(1, 1))",
 "[*range(3)] * 2", "print(1, 2, sep='-', end='!\\n')", "str(list)", "repr(dict)", "next(iter([1]), 2, 3)", "anext(1)", "aiter(1)", "divmod(-7, 2.0)", "round(2.5, -1)", "round(25, -1)",
 "pow(2, -1, 3)", "abs(-0.0)", "hex(-0)", "oct(-1)", "bin(-2**70)", "format(12, 'b')", "format(1.5, 'e')",
 "chr(97) + chr(0x1F600)", "ord('😀')", "ascii('😀')", "repr('😀')", "sum([1.5, 2.5], 1)", "sum([], 0.0)",
 "max({1: 2, 3: 4})", "min('bca')", "sorted({3, 1, 2})", "list(enumerate('ab', True))",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '=>', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
