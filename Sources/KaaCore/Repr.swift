/// Python's `repr()` for the values that exist before the runtime: the AST dump and the disassembler print them.
public enum PyRepr {
    // CPython: unicode_repr
    public static func string(_ s: PyString) -> String {
        let cps = s.codePoints
        var hasSingle = false, hasDouble = false
        for cp in cps {
            if cp == 0x27 { hasSingle = true } else if cp == 0x22 { hasDouble = true }
        }
        let quote: UInt32 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        var out = String.UnicodeScalarView()
        out.append(Unicode.Scalar(quote)!)
        for cp in cps {
            switch cp {
            case quote, 0x5C:
                out.append("\\"); out.append(Unicode.Scalar(cp)!)
            case 0x09: out.append(contentsOf: "\\t".unicodeScalars)
            case 0x0A: out.append(contentsOf: "\\n".unicodeScalars)
            case 0x0D: out.append(contentsOf: "\\r".unicodeScalars)
            case 0..<0x20, 0x7F:
                out.append(contentsOf: hexEscape(cp, "x", 2).unicodeScalars)
            case 0x20..<0x7F:
                out.append(Unicode.Scalar(cp)!)
            default:
                if let scalar = Unicode.Scalar(cp), isPrintable(scalar) {
                    out.append(scalar)
                } else if cp <= 0xFF {
                    out.append(contentsOf: hexEscape(cp, "x", 2).unicodeScalars)
                } else if cp <= 0xFFFF {
                    out.append(contentsOf: hexEscape(cp, "u", 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hexEscape(cp, "U", 8).unicodeScalars)
                }
            }
        }
        out.append(Unicode.Scalar(quote)!)
        return String(out)
    }

    public static func string(_ s: String) -> String { string(PyString(s)) }

    // CPython: bytes_repr (PyBytes_Repr with smartquotes)
    public static func bytes(_ b: [UInt8]) -> String {
        let quote: UInt8 = (b.contains(0x27) && !b.contains(0x22)) ? 0x22 : 0x27
        var out = "b" + String(UnicodeScalar(quote))
        for c in b {
            switch c {
            case quote, 0x5C: out += "\\" + String(UnicodeScalar(c))
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(c))
            default: out += hexEscape(UInt32(c), "x", 2)
            }
        }
        out.unicodeScalars.append(UnicodeScalar(quote))
        return out
    }

    // CPython: float_repr → PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0)
    public static func float(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let (negative, digits, exponent) = shortestDigits(x)
        var out = negative ? "-" : ""
        // `exponent` is the decimal point position: value = 0.DIGITS × 10^exponent.
        let decpt = exponent
        if decpt > -4 && decpt <= 16 {
            if decpt <= 0 {
                out += "0." + String(repeating: "0", count: -decpt) + digits
            } else if decpt >= digits.count {
                out += digits + String(repeating: "0", count: decpt - digits.count) + ".0"
            } else {
                let i = digits.index(digits.startIndex, offsetBy: decpt)
                out += digits[..<i] + "." + digits[i...]
            }
        } else {
            let e = decpt - 1
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += "e" + (e < 0 ? "-" : "+")
            let mag = String(abs(e))
            out += (mag.count < 2 ? "0" : "") + mag
        }
        return out
    }

    // CPython: complex_repr
    public static func complex(real: Double, imag: Double) -> String {
        func part(_ v: Double) -> String {
            // complex_repr formats with 'r' but without the ".0" suffix.
            var s = float(v)
            if s.hasSuffix(".0") { s.removeLast(2) }
            return s
        }
        if real == 0 && real.sign == .plus {
            return part(imag) + "j"
        }
        let re = part(real)
        var im = part(imag)
        if !(im.hasPrefix("-")) { im = "+" + im }
        return "(" + re + im + "j)"
    }

    /// Shortest round-trip decimal digits of |x| (no leading/trailing zeros) and the decimal point position.
    static func shortestDigits(_ x: Double) -> (negative: Bool, digits: String, decpt: Int) {
        let negative = x.sign == .minus
        if x == 0 { return (negative, "0", 1) }
        // Swift's description is the shortest round-trip representation; normalise its layout.
        let text = abs(x).description
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp = Int(text[text.index(after: e)...])!
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(intPart) + fracPart
        var decpt = intPart.count + exp
        while digits.first == "0" && digits.count > 1 { digits.removeFirst(); decpt -= 1 }
        while digits.last == "0" && digits.count > 1 { digits.removeLast() }
        return (negative, digits, decpt)
    }

    static func hexEscape(_ v: UInt32, _ letter: String, _ width: Int) -> String {
        let hex = String(v, radix: 16)
        return "\\" + letter + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }

    /// CPython: Py_UNICODE_ISPRINTABLE — false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than space.
    public static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s.value == 0x20 { return true }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
