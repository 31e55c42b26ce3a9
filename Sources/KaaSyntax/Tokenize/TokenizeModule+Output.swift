// The token table tokenize.main prints:
//     token_range = "%d,%d-%d,%d:" % (token.start + token.end)
//     print("%-20s%-15s%-15r" % (token_range, tok_name[token_type], token.string))
// '%-Ns' pads with spaces to N code points; %r is repr(str): CPython's unicode_repr, as KaaCore's PyRepr.string
// implements it, but deciding what is printable with CPython 3.11's own table (Unicode 14.0) — PyRepr.string asks
// Swift's Unicode data, which is newer and so prints characters assigned since (U+088F...) that 3.11 escapes.
import KaaCore

struct TokenPrinter: PyTokenSink {
    var exact: Bool
    var out: [UInt8] = []
    /// When set, what has been printed is written to this file descriptor before each line is read (tokens from
    /// stdin appear as their lines arrive, as python's prints do).
    var streamTo: Int32? = nil

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
        var k = width
        while k < 15 {
            out.append(0x20)
            k += 1
        }
        out.append(0x0A)
    }

    mutating func willReadLine() {
        if let fd = streamTo, !out.isEmpty {
            TokenizeModule.writeAll(fd: fd, out)
            out.removeAll(keepingCapacity: true)
        }
    }

    @inline(__always)
    mutating func pad(from start: Int, to width: Int) {
        let used = out.count - start  // ASCII only
        var k = used
        while k < width {
            out.append(0x20)
            k += 1
        }
    }

    @inline(__always)
    mutating func appendInt(_ v: Int) {
        if v < 0 {
            out.append(0x2D)
            appendInt(-v)
            return
        }
        if v >= 10 { appendInt(v / 10) }
        out.append(UInt8(truncatingIfNeeded: 0x30 + v % 10))
    }

    /// Appends repr(text) and returns its length in code points.
    mutating func appendRepr(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var hasSingle = false, hasDouble = false, ascii = true
        for b in text {
            if b == 0x27 { hasSingle = true } else if b == 0x22 { hasDouble = true } else if b >= 0x80 { ascii = false }
        }
        if ascii {
            return Self.appendASCIIRepr(text, hasSingle: hasSingle, hasDouble: hasDouble, to: &out)
        }
        return Self.appendRepr(TokenizeUnicode.codePoints(text), hasSingle: hasSingle, hasDouble: hasDouble, to: &out)
    }

    /// CPython: unicode_repr (Py_UNICODE_ISPRINTABLE from CPython 3.11's tables). Returns the length in code points.
    static func appendRepr(_ cps: [UInt32], hasSingle: Bool, hasDouble: Bool, to out: inout [UInt8]) -> Int {
        let quote: UInt32 = (hasSingle && !hasDouble) ? 0x22 : 0x27
        var width = 2
        out.append(UInt8(quote))
        for cp in cps {
            switch cp {
            case quote, 0x5C:
                out.append(0x5C); out.append(UInt8(cp)); width += 2
            case 0x09:
                out.append(0x5C); out.append(0x74); width += 2
            case 0x0A:
                out.append(0x5C); out.append(0x6E); width += 2
            case 0x0D:
                out.append(0x5C); out.append(0x72); width += 2
            case 0x20..<0x7F:
                out.append(UInt8(cp)); width += 1
            default:
                if cp >= 0x80 && PyRepr.isPrintable(codePoint: cp) {
                    TokenizeUnicode.append(cp, to: &out)
                    width += 1
                } else {
                    let (letter, digits): (UInt8, Int) = cp <= 0xFF ? (0x78, 2) : cp <= 0xFFFF ? (0x75, 4) : (0x55, 8)
                    out.append(0x5C); out.append(letter)
                    var shift = (digits - 1) * 4
                    while shift >= 0 {
                        out.append(hex[Int((cp >> UInt32(shift)) & 0xF)])
                        shift -= 4
                    }
                    width += 2 + digits
                }
            }
        }
        out.append(UInt8(quote))
        return width
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
