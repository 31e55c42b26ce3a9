# The order of a frozenset constant's items depends on whether the last code object's intern_string_constants
# replaced one of its strings by an equal string interned before (CPython then rebuilds the frozenset). Each
# function below is one case; the comment says whether CPython rebuilds.


def startup_interned(x):
    # 'path' was interned by python3's startup: rebuilt.
    return x in {'zq_fresh_a_246', 'zq_fresh_a_428', 'zq_fresh_a_71', 'path'}


def all_fresh(x):
    # No one interned these before: interned in place, not rebuilt.
    return x in {'zq_fresh_b_596', 'zq_fresh_b_642', 'zq_fresh_b_645'}


def identifier_of_the_file(x):
    # The parser interned the identifier zq_ident_c (used further down): rebuilt.
    return x in {'zq_fresh_c_147', 'zq_fresh_c_296', 'zq_fresh_c_429', 'zq_ident_c'}


def keyword_first(f, x):
    # The constant cache first saw 'zq_kw_d' as a keyword name (the identifier object itself): not rebuilt.
    f(zq_kw_d=1)
    return x in {'zq_fresh_d_184', 'zq_fresh_d_715', 'zq_kw_d', 'zq_fresh_d_813'}


def literal_first(f, x):
    # The constant cache first saw 'zq_kw_e' as a string literal: rebuilt.
    f('zq_kw_e')
    f(zq_kw_e=1)
    return x in {'zq_kw_e', 'zq_fresh_e_537', 'zq_fresh_e_896', 'zq_fresh_e_506'}


class Zq:
    def private(self):
        return self.__private_f


def mangled_name(x):
    # Zq.private's co_names interned the mangled '_Zq__private_f' (not an identifier of the file): rebuilt.
    return x in {'zq_fresh_f_684', 'zq_fresh_f_40', 'zq_fresh_f_985', '_Zq__private_f'}


class ZqClassH:
    pass


def class_name_first(x):
    # A top-level class's name reaches the constant cache as its identifier object: not rebuilt.
    return x in {'ZqClassH', 'zq_fresh_h_348', 'zq_fresh_h_711', 'zq_fresh_h_358'}


def from_import_first(x):
    # A from-import's names reach the constant cache as identifier objects: not rebuilt.
    from zq_module import zq_from_i
    return x in {'zq_fresh_i_95', 'zq_from_i', 'zq_fresh_i_70', 'zq_fresh_i_860'}


zq_ident_c = None
