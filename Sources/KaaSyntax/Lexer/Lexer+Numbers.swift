/// Numeric literals: decimal, hexadecimal, octal, binary, float, imaginary, with underscores, and their errors
/// (CPython: the `/* Number */` part of tok_get, tok_decimal_tail, verify_end_of_number).
extension Lexer {
    @inline(__always) func isHexDigit(_ c: Int) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    private var errorToken: RawToken { RawToken(kind: .errortoken, start: -1, end: -1) }

    /// Scans a number whose first digit `first` has been read.
    func scanNumber(_ first: Int) -> RawToken {
        var c = first
        if c == 0x30 /* 0 */ {
            // Hex, octal or binary -- maybe.
            c = nextc()
            if c == 0x78 || c == 0x58 {  // x X
                c = nextc()
                repeat {
                    if c == 0x5F { c = nextc() }
                    if !isHexDigit(c) {
                        backup(c)
                        return syntaxError("invalid hexadecimal literal")
                    }
                    repeat { c = nextc() } while isHexDigit(c)
                } while c == 0x5F
                if !verifyEndOfNumber(c, "hexadecimal") { return errorToken }
            } else if c == 0x6F || c == 0x4F {  // o O
                c = nextc()
                repeat {
                    if c == 0x5F { c = nextc() }
                    if c < 0x30 || c >= 0x38 {
                        if isDigit(c) {
                            return syntaxError("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in octal literal")
                        }
                        backup(c)
                        return syntaxError("invalid octal literal")
                    }
                    repeat { c = nextc() } while c >= 0x30 && c < 0x38
                } while c == 0x5F
                if isDigit(c) {
                    return syntaxError("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in octal literal")
                }
                if !verifyEndOfNumber(c, "octal") { return errorToken }
            } else if c == 0x62 || c == 0x42 {  // b B
                c = nextc()
                repeat {
                    if c == 0x5F { c = nextc() }
                    if c != 0x30 && c != 0x31 {
                        if isDigit(c) {
                            return syntaxError("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in binary literal")
                        }
                        backup(c)
                        return syntaxError("invalid binary literal")
                    }
                    repeat { c = nextc() } while c == 0x30 || c == 0x31
                } while c == 0x5F
                if isDigit(c) {
                    return syntaxError("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in binary literal")
                }
                if !verifyEndOfNumber(c, "binary") { return errorToken }
            } else {
                var nonzero = false
                // maybe old-style octal; c is first char of it; in any case, allow '0' as a literal
                while true {
                    if c == 0x5F {
                        c = nextc()
                        if !isDigit(c) {
                            backup(c)
                            return syntaxError("invalid decimal literal")
                        }
                    }
                    if c != 0x30 { break }
                    c = nextc()
                }
                let zerosEnd = cur
                if isDigit(c) {
                    nonzero = true
                    guard let t = decimalTail() else { return errorToken }
                    c = t
                }
                if c == 0x2E {
                    c = nextc()
                    return scanFraction(c)
                } else if c == 0x65 || c == 0x45 {
                    return scanExponent(c)
                } else if c == 0x6A || c == 0x4A {
                    return scanImaginary()
                } else if nonzero {
                    // Old-style octal: now disallowed. The range is in bytes, as CPython computes it.
                    backup(c)
                    return syntaxErrorRange(
                        col: tokStart + 1 - lineStart, endCol: zerosEnd - lineStart,
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
                }
                if !verifyEndOfNumber(c, "decimal") { return errorToken }
            }
        } else {
            // Decimal
            guard let t = decimalTail() else { return errorToken }
            c = t
            if c == 0x2E {
                c = nextc()
                return scanFraction(c)
            }
            if c == 0x65 || c == 0x45 { return scanExponent(c) }
            if c == 0x6A || c == 0x4A { return scanImaginary() }
            if !verifyEndOfNumber(c, "decimal") { return errorToken }
        }
        backup(c)
        return RawToken(kind: .number, start: tokStart, end: cur)
    }

    /// After the '.' of a float; `c` is the byte after it (CPython: the `fraction:` label).
    func scanFraction(_ first: Int) -> RawToken {
        var c = first
        if isDigit(c) {
            guard let t = decimalTail() else { return errorToken }
            c = t
        }
        if c == 0x65 || c == 0x45 { return scanExponent(c) }
        if c == 0x6A || c == 0x4A { return scanImaginary() }
        if !verifyEndOfNumber(c, "decimal") { return errorToken }
        backup(c)
        return RawToken(kind: .number, start: tokStart, end: cur)
    }

    /// `e` is the 'e'/'E' just read (CPython: the `exponent:` label).
    func scanExponent(_ e: Int) -> RawToken {
        var c = nextc()
        if c == 0x2B || c == 0x2D {  // + -
            c = nextc()
            if !isDigit(c) {
                backup(c)
                return syntaxError("invalid decimal literal")
            }
        } else if !isDigit(c) {
            backup(c)
            if !verifyEndOfNumber(e, "decimal") { return errorToken }
            backup(e)
            return RawToken(kind: .number, start: tokStart, end: cur)
        }
        guard let t = decimalTail() else { return errorToken }
        c = t
        if c == 0x6A || c == 0x4A { return scanImaginary() }
        if !verifyEndOfNumber(c, "decimal") { return errorToken }
        backup(c)
        return RawToken(kind: .number, start: tokStart, end: cur)
    }

    /// After reading 'j'/'J' (CPython: the `imaginary:` label).
    func scanImaginary() -> RawToken {
        let c = nextc()
        if !verifyEndOfNumber(c, "imaginary") { return errorToken }
        backup(c)
        return RawToken(kind: .number, start: tokStart, end: cur)
    }

    /// CPython: tok_decimal_tail — digits with single underscores between them; returns the byte after, or nil
    /// after raising "invalid decimal literal".
    func decimalTail() -> Int? {
        var c = 0
        while true {
            repeat { c = nextc() } while isDigit(c)
            if c != 0x5F { break }
            c = nextc()
            if !isDigit(c) {
                backup(c)
                _ = syntaxError("invalid decimal literal")
                return nil
            }
        }
        return c
    }

    /// CPython: verify_end_of_number. A number directly followed by one of the keywords that can follow a number in
    /// valid code ("and", "else", "for", "if", "in", "is", "not", "or") gets a SyntaxWarning; followed by another
    /// ASCII identifier character it is an error. `c` is the byte after the number (already read).
    func verifyEndOfNumber(_ c: Int, _ kind: String) -> Bool {
        var r = false
        switch c {
        case 0x61: r = lookahead("nd")   // a
        case 0x65: r = lookahead("lse")  // e
        case 0x66: r = lookahead("or")   // f
        case 0x69:                        // i
            let c2 = nextc()
            if c2 == 0x66 || c2 == 0x6E || c2 == 0x73 { r = true }
            backup(c2)
        case 0x6F: r = lookahead("r")    // o
        case 0x6E: r = lookahead("ot")   // n
        default: break
        }
        if r {
            backup(c)
            if !warn("invalid \(kind) literal") { return false }
            _ = nextc()
        } else if c < 128 && isPotentialIdentifierChar(c) {
            // Only ASCII: `5é` is NUMBER NAME (then a parser error), `5€` an invalid character in the NAME.
            backup(c)
            _ = syntaxError("invalid \(kind) literal")
            return false
        }
        return true
    }
}
