import BigInt

/// Python's `repr()` for the values that exist before the runtime: the AST dump and the disassembler print them.
public enum PyRepr {
    // MARK: - str

    // CPython: unicode_repr (Objects/unicodeobject.c)
    public static func string(_ s: PyString) -> String {
        string(codePoints: s.codePoints)
    }

    public static func string(_ s: String) -> String {
        string(codePoints: s.unicodeScalars.map { $0.value })
    }

    /// `repr()` of a str given as code points (lone surrogates allowed).
    public static func string<C: Collection>(codePoints cps: C) -> String where C.Element == UInt32 {
        // Quote choice: single quotes unless the text has ' and no ".
        var hasSingle = false, hasDouble = false
        for cp in cps {
            if cp == 0x27 { hasSingle = true } else if cp == 0x22 { hasDouble = true }
        }
        let quote: UInt32 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        var out = String.UnicodeScalarView()
        out.append(Unicode.Scalar(UInt8(quote)))
        for cp in cps {
            switch cp {
            case quote, 0x5C:
                out.append("\\"); out.append(Unicode.Scalar(UInt8(cp)))
            case 0x09: out.append("\\"); out.append("t")
            case 0x0A: out.append("\\"); out.append("n")
            case 0x0D: out.append("\\"); out.append("r")
            case 0..<0x20, 0x7F:
                appendHexEscape(&out, cp, "x", 2)
            case 0x20..<0x7F:
                out.append(Unicode.Scalar(UInt8(cp)))
            default:
                // Non-ASCII: kept when printable, else the shortest of \xHH, \uHHHH, \UHHHHHHHH.
                if isPrintable(codePoint: cp), let scalar = Unicode.Scalar(cp) {
                    out.append(scalar)
                } else if cp <= 0xFF {
                    appendHexEscape(&out, cp, "x", 2)
                } else if cp <= 0xFFFF {
                    appendHexEscape(&out, cp, "u", 4)
                } else {
                    appendHexEscape(&out, cp, "U", 8)
                }
            }
        }
        out.append(Unicode.Scalar(UInt8(quote)))
        return String(out)
    }

    /// CPython: Py_UNICODE_ISPRINTABLE with Python 3.11's Unicode 14.0 database (UnicodeTables.swift): false for
    /// categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than space. Code points past U+10FFFF are not printable.
    public static func isPrintable(codePoint cp: UInt32) -> Bool {
        if cp >= 0x20 && cp < 0x7F { return true }
        if cp > 0x10FFFF { return false }
        let table = UnicodeTables.nonPrintableRanges
        // Binary search for the last range whose first code point is <= cp.
        var lo = 0, hi = table.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[2 * mid] <= cp { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return true }
        return cp > table[2 * (lo - 1) + 1]
    }

    public static func isPrintable(_ s: Unicode.Scalar) -> Bool { isPrintable(codePoint: s.value) }

    // MARK: - bytes

    // CPython: PyBytes_Repr(obj, smartquotes=1)
    public static func bytes<C: Collection>(_ b: C) -> String where C.Element == UInt8 {
        var hasSingle = false, hasDouble = false
        for c in b {
            if c == 0x27 { hasSingle = true } else if c == 0x22 { hasDouble = true }
        }
        let quote: UInt8 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        var out = String.UnicodeScalarView()
        out.append("b")
        out.append(Unicode.Scalar(quote))
        for c in b {
            switch c {
            case quote, 0x5C: out.append("\\"); out.append(Unicode.Scalar(c))
            case 0x09: out.append("\\"); out.append("t")
            case 0x0A: out.append("\\"); out.append("n")
            case 0x0D: out.append("\\"); out.append("r")
            case 0x20..<0x7F: out.append(Unicode.Scalar(c))
            default: appendHexEscape(&out, UInt32(c), "x", 2)
            }
        }
        out.append(Unicode.Scalar(quote))
        return String(out)
    }

    // MARK: - int

    /// CPython 3.11's default `sys.get_int_max_str_digits()`: `repr()` of an int with more decimal digits raises.
    public static let intMaxStrDigits = 4300

    /// The ValueError text CPython 3.11 raises when `repr()` meets an int over the limit
    /// (CPython: long_to_decimal_string_internal).
    public static let intMaxStrDigitsMessage =
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"

    /// `repr()` of an int, or nil when CPython 3.11 would raise ValueError (more than 4300 decimal digits).
    public static func int(_ v: BigInt) -> String? {
        // Cheap bound first: a value under 2^14000 has at most 4215 digits.
        if v.magnitude.bitWidth < 14_000 { return String(v) }
        let text = String(v)
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.count - 1 : text.utf8.count
        return digits > intMaxStrDigits ? nil : text
    }

    // MARK: - float

    // CPython: float_repr → PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL)
    public static func float(_ x: Double) -> String {
        formatShortest(x, addDot0: true, forceSign: false)
    }

    // CPython: complex_repr — parts formatted with 'r' and no ".0"; the imaginary part signed when there is a real
    // part. The real part is left out only when it is +0.0 (so -0.0 still gives parentheses).
    public static func complex(real: Double, imag: Double) -> String {
        if real == 0 && real.sign == .plus {
            return formatShortest(imag, addDot0: false, forceSign: false) + "j"
        }
        return "(" + formatShortest(real, addDot0: false, forceSign: false)
            + formatShortest(imag, addDot0: false, forceSign: true) + "j)"
    }

    /// CPython: format_float_short (Python/pystrtod.c) for mode 'r': the shortest digits that round-trip, in
    /// positional notation when -4 < decpt <= 16, else exponent notation with at least two exponent digits.
    static func formatShortest(_ x: Double, addDot0: Bool, forceSign: Bool) -> String {
        if x.isNaN { return forceSign ? "+nan" : "nan" }  // the sign of a NaN is never shown
        var out = ""
        if x.sign == .minus { out = "-" } else if forceSign { out = "+" }
        if x.isInfinite { return out + "inf" }
        let (digits, decpt) = shortestDigits(x)
        if decpt > -4 && decpt <= 16 {
            if decpt <= 0 {
                out += "0."
                out += String(repeating: "0", count: -decpt)
                out += digits
            } else if decpt >= digits.count {
                out += digits
                out += String(repeating: "0", count: decpt - digits.count)
                if addDot0 { out += ".0" }
            } else {
                let i = digits.index(digits.startIndex, offsetBy: decpt)
                out += digits[..<i]
                out += "."
                out += digits[i...]
            }
        } else {
            let e = decpt - 1
            out.append(digits.first!)
            if digits.count > 1 {
                out += "."
                out += digits.dropFirst()
            }
            out += e < 0 ? "e-" : "e+"
            let mag = String(abs(e))
            if mag.count < 2 { out += "0" }
            out += mag
        }
        return out
    }

    /// Shortest round-trip decimal digits of |x| (no leading/trailing zeros; "0" for zero) and the decimal point
    /// position `decpt` (value = 0.DIGITS × 10^decpt). x must be finite.
    static func shortestDigits(_ x: Double) -> (digits: String, decpt: Int) {
        if x == 0 { return ("0", 1) }
        // Swift's description is the shortest round-trip representation, closest to the exact value (as David
        // Gay's dtoa mode 0, which CPython uses); only its layout differs, so normalise that.
        let text = Array(x.magnitude.description.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var intDigits = 0
        var seenDot = false
        var exp = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                seenDot = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var j = i + 1
                var negative = false
                if j < text.count, text[j] == UInt8(ascii: "-") { negative = true; j += 1 }
                else if j < text.count, text[j] == UInt8(ascii: "+") { j += 1 }
                while j < text.count { exp = exp * 10 + Int(text[j] &- 48); j += 1 }
                if negative { exp = -exp }
                break
            } else {
                digits.append(c)
                if !seenDot { intDigits += 1 }
            }
            i += 1
        }
        var decpt = intDigits + exp
        var start = 0
        while start < digits.count - 1 && digits[start] == UInt8(ascii: "0") { start += 1; decpt -= 1 }
        var end = digits.count
        while end > start + 1 && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return (String(decoding: digits[start..<end], as: UTF8.self), decpt)
    }

    // MARK: - helpers

    static func appendHexEscape(_ out: inout String.UnicodeScalarView, _ v: UInt32, _ letter: Unicode.Scalar,
                                _ width: Int) {
        out.append("\\")
        out.append(letter)
        var shift = (width - 1) * 4
        while shift >= 0 {
            let nibble = UInt8((v >> UInt32(shift)) & 0xF)
            out.append(Unicode.Scalar(nibble < 10 ? 48 + nibble : 87 + nibble))
            shift -= 4
        }
    }
}
