import KaaCore

extension Parser {
    /// CPython: _PyPegen_new_identifier calls unicodedata.normalize('NFKC', name) for non-ASCII identifiers
    /// (KaaCore's NFKC, Unicode 14.0 as CPython 3.11's unicodedata).
    func nfkc(_ s: String) -> String { NFKC.normalize(s) }
}
