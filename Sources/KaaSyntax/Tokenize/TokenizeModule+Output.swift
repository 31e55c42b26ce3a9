// The token table tokenize.main prints:
//     token_range = "%d,%d-%d,%d:" % (token.start + token.end)
//     print("%-20s%-15s%-15r" % (token_range, tok_name[token_type], token.string))
// '%-Ns' pads with spaces to N code points; %r is repr(str) (KaaCore's PyRepr.string, with an equivalent fast path
// for ASCII text, which is nearly every token).
import KaaCore

struct TokenPrinter: PyTokenSink {
    var exact: Bool
    var out: [UInt8] = []

    init(exact: Bool) {
        self.exact = exact
        out.reserveCapacity(1 << 16)
    }

    mutating func token(_ type: PyTokenType, _ text: UnsafeBufferPointer<UInt8>,
                        _ startRow: Int, _ startCol: Int, _ endRow: Int, _ endCol: Int) {
        let lineStart = out.count
        appendInt(startRow)
        out.append(0x2C)
        appendInt(startCol)
        out.append(0x2D)
        appendInt(endRow)
        out.append(0x2C)
        appendInt(endCol)
        out.append(0x3A)
        pad(from: lineStart, to: 20)

        var name = type.name
        if exact && type == .op, let exactName = Self.exactTypeName(text) {
            name = exactName
        }
        let nameStart = out.count
        out.append(contentsOf: name.utf8)
        pad(from: nameStart, to: 15)

        let width = appendRepr(text)
        if width < 15 {
            out.append(contentsOf: repeatElement(0x20, count: 15 - width))
        }
        out.append(0x0A)
    }

    @inline(__always)
    mutating func pad(from start: Int, to width: Int) {
        let used = out.count - start  // ASCII only
        if used < width { out.append(contentsOf: repeatElement(0x20, count: width - used)) }
    }

    @inline(__always)
    mutating func appendInt(_ v: Int) {
        if v < 0 {
            out.append(0x2D)
            appendInt(-v)
            return
        }
        if v < 10 {
            out.append(UInt8(0x30 + v))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var x = v
        withUnsafeMutableBytes(of: &digits) { buf in
            while x > 0 {
                buf[n] = UInt8(0x30 + x % 10)
                x /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                out.append(buf[n])
            }
        }
    }

    /// Appends repr(text) and returns its length in code points.
    mutating func appendRepr(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var hasSingle = false, hasDouble = false, ascii = true
        for b in text {
            if b == 0x27 { hasSingle = true } else if b == 0x22 { hasDouble = true } else if b >= 0x80 { ascii = false }
        }
        if !ascii {
            let repr = PyRepr.string(PyString(codePoints: TokenizeUnicode.codePoints(text)))
            out.append(contentsOf: repr.utf8)
            return repr.unicodeScalars.count
        }
        return Self.appendASCIIRepr(text, hasSingle: hasSingle, hasDouble: hasDouble, to: &out)
    }

    /// CPython: unicode_repr, for text whose code points are all below 0x80.
    static func appendASCIIRepr(_ text: UnsafeBufferPointer<UInt8>, hasSingle: Bool, hasDouble: Bool,
                                to out: inout [UInt8]) -> Int {
        let start = out.count
        let quote: UInt8 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        out.append(quote)
        for b in text {
            switch b {
            case quote, 0x5C:
                out.append(0x5C)
                out.append(b)
            case 0x09:
                out.append(0x5C); out.append(0x74)
            case 0x0A:
                out.append(0x5C); out.append(0x6E)
            case 0x0D:
                out.append(0x5C); out.append(0x72)
            case 0x20..<0x7F:
                out.append(b)
            default:
                out.append(0x5C); out.append(0x78)
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            }
        }
        out.append(quote)
        return out.count - start
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// TokenInfo.exact_type for OP tokens: token.EXACT_TOKEN_TYPES[string], by its tok_name.
    static func exactTypeName(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard text.count >= 1 && text.count <= 3 else { return nil }
        var key = ""
        for b in text {
            guard b < 0x80 else { return nil }
            key.unicodeScalars.append(Unicode.Scalar(b))
        }
        return exactTypes[key]
    }

    static let exactTypes: [String: String] = [
        "!=": "NOTEQUAL", "%": "PERCENT", "%=": "PERCENTEQUAL", "&": "AMPER", "&=": "AMPEREQUAL", "(": "LPAR",
        ")": "RPAR", "*": "STAR", "**": "DOUBLESTAR", "**=": "DOUBLESTAREQUAL", "*=": "STAREQUAL", "+": "PLUS",
        "+=": "PLUSEQUAL", ",": "COMMA", "-": "MINUS", "-=": "MINEQUAL", "->": "RARROW", ".": "DOT",
        "...": "ELLIPSIS", "/": "SLASH", "//": "DOUBLESLASH", "//=": "DOUBLESLASHEQUAL", "/=": "SLASHEQUAL",
        ":": "COLON", ":=": "COLONEQUAL", ";": "SEMI", "<": "LESS", "<<": "LEFTSHIFT", "<<=": "LEFTSHIFTEQUAL",
        "<=": "LESSEQUAL", "=": "EQUAL", "==": "EQEQUAL", ">": "GREATER", ">=": "GREATEREQUAL", ">>": "RIGHTSHIFT",
        ">>=": "RIGHTSHIFTEQUAL", "@": "AT", "@=": "ATEQUAL", "[": "LSQB", "]": "RSQB", "^": "CIRCUMFLEX",
        "^=": "CIRCUMFLEXEQUAL", "{": "LBRACE", "|": "VBAR", "|=": "VBAREQUAL", "}": "RBRACE", "~": "TILDE",
    ]
}
