import Foundation

extension Parser {
    /// CPython: _PyPegen_new_identifier calls unicodedata.normalize('NFKC', name) for non-ASCII identifiers.
    /// Kept in its own file: the only use of Foundation in the parser, reached only for non-ASCII names.
    func nfkc(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping
    }
}
