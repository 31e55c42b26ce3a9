import KaaCore

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
        // Bytes that are not UTF-8 get here only with a declared UTF-8 (BOM or cookie) or bytes input: CPython's
        // PyUnicode_DecodeUTF8 fails (E_DECODE) and pegen reports the UnicodeDecodeError at the cursor.
        if let (s, e, reason) = Lexer.utf8DecodeError(base, tokStart, cur) {
            let what = e - s == 1
                ? "byte 0x\(Lexer.hex2(base[tokStart + s])) in position \(s)"
                : "bytes in position \(s)-\(e - 1)"
            pendingError = pegenError(.syntaxError, "(unicode error) 'utf-8' codec can't decode \(what): \(reason)",
                                      line: lineno, col: currentColumn, endLine: lineno, endCol: -1)
            done = .error
            return false
        }
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

extension Lexer {
    /// The first UTF-8 decoding error in `p[from..<to]` as CPython's decoder reports it: the bad range relative to
    /// `from` (end exclusive) and the reason, or nil if the bytes are valid.
    static func utf8DecodeError(_ p: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> (Int, Int, String)? {
        var i = from
        @inline(__always) func isCont(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        while i < to {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let start = i - from
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xED: need = 2; hi = 0x9F
            case 0xE1...0xEF: need = 2
            case 0xF0: need = 3; lo = 0x90
            case 0xF4: need = 3; hi = 0x8F
            case 0xF1...0xF3: need = 3
            default: return (start, start + 1, "invalid start byte")
            }
            for k in 1...need {
                if i + k >= to { return (start, to - from, "unexpected end of data") }
                let c = p[i + k]
                let ok = k == 1 ? (c >= lo && c <= hi) : isCont(c)
                if !ok { return (start, start + k, "invalid continuation byte") }
            }
            i += need + 1
        }
        return nil
    }
}

/// NFKC-normalizes an identifier as CPython does for every NAME with non-ASCII characters
/// (CPython: _PyPegen_new_identifier → unicodedata.normalize("NFKC", name)). ASCII names are returned as is.
public func normalizeIdentifier(_ name: String) -> String {
    NFKC.normalize(name)
}
