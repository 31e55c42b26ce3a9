import BigInt
import KaaCore

/// NUMBER tokens to constants. (CPython: _PyPegen_number_token, parsenumber, parsenumber_raw in Parser/pegen.c)
extension Parser {
    /// CPython: _PyPegen_number_token — the NUMBER at `pos` as a Constant.
    func numberExpression() throws -> Expr? {
        let t = try peek()
        guard t.kind == .number else { return nil }
        pos += 1
        let value = try parseNumber(t)
        return Expr(.constant(value: value, kind: nil), range: SourceRange(start: t.start, end: t.end))
    }

    /// CPython: parsenumber — drop the underscores, then parsenumber_raw.
    func parseNumber(_ t: ParserToken) throws -> ConstantValue {
        var bytes = Array(lexer.textBytes(of: t))
        if bytes.contains(UInt8(ascii: "_")) { bytes.removeAll { $0 == UInt8(ascii: "_") } }
        guard let last = bytes.last else { return .int(0) }
        let isImaginary = last == UInt8(ascii: "j") || last == UInt8(ascii: "J")
        if !isImaginary, let v = parseIntegerLiteral(bytes) {
            if case .digitLimit(let digits) = v {
                // CPython reports PyLong_FromString's ValueError at the token's line, without columns.
                var e = error(.syntaxError, "Exceeds the limit (4300 digits) for integer string conversion: "
                              + "value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit"
                              + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                              start: t.start)
                e.offset = 0
                e.endLineno = t.end.line
                e.endOffset = 0
                throw e
            }
            if case .value(let i) = v { return .int(i) }
        }
        if isImaginary {
            let text = String(decoding: bytes.dropLast(), as: UTF8.self)
            return .complex(real: 0, imag: Double(text) ?? .infinity)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return .float(Double(text) ?? .infinity)
    }

    enum IntegerParse {
        case value(BigInt)
        case digitLimit(Int)
    }

    /// An integer literal (`0x1f`, `0o17`, `0b1`, `007`, `123`), or nil when the text is a float.
    func parseIntegerLiteral(_ b: [UInt8]) -> IntegerParse? {
        var radix = 10
        var start = 0
        if b.count >= 2, b[0] == UInt8(ascii: "0") {
            switch b[1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16; start = 2
            case UInt8(ascii: "o"): radix = 8; start = 2
            case UInt8(ascii: "b"): radix = 2; start = 2
            default: break
            }
        }
        guard start < b.count else { return nil }
        // Fast path: fits in a machine word.
        var small: UInt64 = 0
        var overflow = false
        for i in start..<b.count {
            let c = b[i]
            let d: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            if d >= radix { return nil }
            if !overflow {
                let (m, o1) = small.multipliedReportingOverflow(by: UInt64(radix))
                let (s, o2) = m.addingReportingOverflow(UInt64(d))
                if o1 || o2 { overflow = true } else { small = s }
            }
        }
        if !overflow { return .value(BigInt(small)) }
        if radix == 10 {
            // CPython: sys.int_info.default_max_str_digits.
            var digits = b.count - start
            var i = start
            while i < b.count - 1, b[i] == UInt8(ascii: "0") { i += 1; digits -= 1 }
            if digits > 4300 { return .digitLimit(digits) }
        }
        let text = String(decoding: b[start...], as: UTF8.self)
        guard let v = BigInt(text, radix: radix) else { return nil }
        return .value(v)
    }
}
