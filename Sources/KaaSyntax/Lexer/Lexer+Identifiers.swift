import Foundation

/// Non-ASCII identifiers: validation with Unicode 14.0 XID tables (CPython: verify_identifier,
/// _PyUnicode_ScanIdentifier) and NFKC normalization (CPython: _PyPegen_new_identifier).
extension Lexer {
    /// Decodes one UTF-8 scalar at `i` (the buffer is valid UTF-8); returns the scalar and its length.
    @inline(__always) static func decodeScalar(_ buf: [UInt8], _ i: Int, _ end: Int) -> (UInt32, Int) {
        let b0 = UInt32(buf[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < end { return ((b0 & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < end {
            return ((b0 & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F), 3)
        }
        if i + 3 < end {
            return ((b0 & 0x07) << 18 | UInt32(buf[i + 1] & 0x3F) << 12 | UInt32(buf[i + 2] & 0x3F) << 6
                        | UInt32(buf[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// CPython: verify_identifier. The name `buf[tokStart..<cur]` contains non-ASCII bytes; every character must be
    /// XID_Start (first) or XID_Continue (rest). On failure the error points just past the first bad character.
    func verifyIdentifier() -> Bool {
        var i = tokStart
        var first = true
        while i < cur {
            let (cp, len) = Lexer.decodeScalar(buf, i, cur)
            let ok = first ? (IdentifierTables.isXidStart(cp)) : IdentifierTables.isXidContinue(cp)
            if !ok {
                cur = i + len
                let hex = Lexer.hex4(cp)
                if IdentifierTables.isPrintable(cp) {
                    let ch = Unicode.Scalar(cp).map { String(Character($0)) } ?? "\u{FFFD}"
                    _ = syntaxError("invalid character '\(ch)' (U+\(hex))")
                } else {
                    _ = syntaxError("invalid non-printable character U+\(hex)")
                }
                return false
            }
            first = false
            i += len
        }
        return true
    }
}

/// NFKC-normalizes an identifier as CPython does for every NAME with non-ASCII characters
/// (CPython: _PyPegen_new_identifier → unicodedata.normalize("NFKC", name)). ASCII names are returned as is.
public func normalizeIdentifier(_ name: String) -> String {
    if name.utf8.allSatisfy({ $0 < 0x80 }) { return name }
    return name.precomposedStringWithCompatibilityMapping
}
