import KaaCore

/// One STRING token taken apart: its prefix flags and the bytes between its quotes.
/// (CPython: _PyPegen_parsestr in Parser/string_parser.c)
struct StringLiteralParts {
    var isBytes = false
    var isRaw = false
    var isFString = false
    /// The token's UTF-8 text (prefix and quotes included).
    var text: [UInt8]
    /// `text[bodyStart..<bodyEnd]` is the literal's content.
    var bodyStart: Int
    var bodyEnd: Int

    /// Splits a STRING token's text; nil only for text the tokenizer cannot produce.
    init?(_ token: String) {
        self.init(bytes: Array(token.utf8))
    }

    /// The same from the token's source bytes (which may hold invalid UTF-8 the token text has as U+FFFD).
    init?(bytes: [UInt8]) {
        text = bytes
        var i = 0
        while i < text.count {
            switch text[i] {
            case UInt8(ascii: "b"), UInt8(ascii: "B"): isBytes = true
            case UInt8(ascii: "r"), UInt8(ascii: "R"): isRaw = true
            case UInt8(ascii: "u"), UInt8(ascii: "U"): break
            case UInt8(ascii: "f"), UInt8(ascii: "F"): isFString = true
            default:
                break
            }
            if text[i] == UInt8(ascii: "'") || text[i] == UInt8(ascii: "\"") { break }
            i += 1
        }
        guard i < text.count else { return nil }
        let quote = text[i]
        var start = i + 1
        var end = text.count - 1
        guard end >= start, text[end] == quote else { return nil }
        if end - start >= 4, text[start] == quote, text[start + 1] == quote {
            start += 2
            end -= 2
        }
        bodyStart = start
        bodyEnd = end
    }
}

/// A failure of the escape decoders, reported by the caller as CPython's "(unicode error) ..." or "(value error) ...".
struct EscapeDecodeError: Error {
    var message: String
}

enum StringLiteralDecoder {
    /// CPython: PyUnicode_DecodeUTF8 (strict) — the bytes' code points, or its UnicodeDecodeError as pegen
    /// reports it. Invalid UTF-8 reaches here only from a source declared UTF-8 (BOM, cookie) or given as bytes.
    static func decodeUTF8(_ b: ArraySlice<UInt8>) throws -> [UInt32] {
        if let (start, end, reason) = utf8Error(b) {
            let what = end - start == 1 ? "byte 0x\(hex2(b[b.startIndex + start])) in position \(start)"
                                        : "bytes in position \(start)-\(end - 1)"
            throw EscapeDecodeError(message: "(unicode error) 'utf-8' codec can't decode \(what): \(reason)")
        }
        return codePoints(b)
    }

    private static func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    /// CPython's UTF-8 decoder's first error in `b`: (start, end) relative to `b`, and its reason.
    static func utf8Error(_ b: ArraySlice<UInt8>) -> (Int, Int, String)? {
        let base = b.startIndex, to = b.endIndex
        var i = base
        while i < to {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let start = i - base
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
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
                if i + k >= to { return (start, to - base, "unexpected end of data") }
                let d = b[i + k]
                let ok = k == 1 ? (d >= lo && d <= hi) : (d & 0xC0 == 0x80)
                if !ok { return (start, start + k, "invalid continuation byte") }
            }
            i += need + 1
        }
        return nil
    }

    /// UTF-8 bytes (valid, as the tokenizer checked them) to code points.
    static func codePoints(_ b: ArraySlice<UInt8>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c < 0x80 {
                out.append(UInt32(c)); i += 1
            } else if c < 0xE0, i + 1 < end {
                out.append(UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)); i += 2
            } else if c < 0xF0, i + 2 < end {
                out.append(UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)); i += 3
            } else if i + 3 < end {
                out.append(UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                           | UInt32(b[i + 3] & 0x3F)); i += 4
            } else {
                out.append(0xFFFD); i += 1
            }
        }
        return out
    }

    /// CPython: decode_unicode_with_escapes — non-ASCII text becomes `\UXXXXXXXX` escapes (and a backslash before
    /// non-ASCII text `\u005c`) before `unicode_escape` decoding, so error positions count in that rewritten buffer.
    static func decodeUnicodeEscapes(_ s: ArraySlice<UInt8>) throws -> [UInt32] {
        var buf: [UInt8] = []
        buf.reserveCapacity(s.count)
        var i = s.startIndex
        let end = s.endIndex
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        while i < end {
            if s[i] == UInt8(ascii: "\\") {
                buf.append(s[i]); i += 1
                if i >= end || s[i] & 0x80 != 0 {
                    buf.append(contentsOf: Array("u005c".utf8))
                    if i >= end { break }
                }
            }
            if s[i] & 0x80 != 0 {
                var j = i
                while j < end && s[j] & 0x80 != 0 { j += 1 }
                for cp in try decodeUTF8(s[i..<j]) {
                    buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "U"))
                    for shift in stride(from: 28, through: 0, by: -4) {
                        buf.append(hex[Int((cp >> UInt32(shift)) & 0xF)])
                    }
                }
                i = j
            } else {
                buf.append(s[i]); i += 1
            }
        }
        return try unicodeEscape(buf)
    }

    /// CPython: _PyUnicode_DecodeUnicodeEscapeInternal (strict), on an ASCII buffer.
    static func unicodeEscape(_ s: [UInt8]) throws -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var i = 0
        let end = s.count
        func fail(_ start: Int, _ endPos: Int, _ message: String) -> EscapeDecodeError {
            let range = endPos - start == 1 ? "byte 0x\(String(s[start], radix: 16)) in position \(start)"
                                            : "bytes in position \(start)-\(endPos - 1)"
            return EscapeDecodeError(message: "(unicode error) 'unicodeescape' codec can't decode \(range): \(message)")
        }
        while i < end {
            let c0 = s[i]
            if c0 != UInt8(ascii: "\\") {
                out.append(UInt32(c0)); i += 1
                continue
            }
            let startPos = i
            i += 1
            if i >= end { throw fail(startPos, i, "\\ at end of string") }
            let c = s[i]; i += 1
            switch c {
            case UInt8(ascii: "\n"): continue
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "'"): out.append(0x27)
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var ch = UInt32(c - UInt8(ascii: "0"))
                if i < end, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "7") {
                    ch = ch << 3 + UInt32(s[i] - UInt8(ascii: "0")); i += 1
                    if i < end, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "7") {
                        ch = ch << 3 + UInt32(s[i] - UInt8(ascii: "0")); i += 1
                    }
                }
                out.append(ch)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                var count = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
                let message = c == UInt8(ascii: "x") ? "truncated \\xXX escape"
                    : c == UInt8(ascii: "u") ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape"
                var ch: UInt32 = 0
                while count > 0 {
                    guard i < end, let d = hexDigit(s[i]) else { throw fail(startPos, i, message) }
                    ch = ch << 4 | UInt32(d)
                    i += 1; count -= 1
                }
                if ch > 0x10FFFF { throw fail(startPos, i, "illegal Unicode character") }
                out.append(ch)
            case UInt8(ascii: "N"):
                let message = "malformed \\N character escape"
                guard i < end else { throw fail(startPos, i, message) }
                guard s[i] == UInt8(ascii: "{") else { throw fail(startPos, i, message) }
                i += 1
                let nameStart = i
                while i < end && s[i] != UInt8(ascii: "}") { i += 1 }
                guard i < end else { throw fail(startPos, i, message) }
                let nameEnd = i
                guard nameEnd > nameStart else { throw fail(startPos, i, message) }
                i += 1
                guard let cp = UnicodeNames.lookup(s[nameStart..<nameEnd]) else {
                    throw fail(startPos, i, "unknown Unicode character name")
                }
                out.append(cp)
            default:
                // Unknown escapes stay as they are (CPython warns: "invalid escape sequence").
                out.append(0x5C)
                out.append(UInt32(c))
            }
        }
        return out
    }

    @inline(__always) static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// CPython: _PyBytes_DecodeEscape (strict).
    static func decodeBytesEscapes(_ s: ArraySlice<UInt8>) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        let end = s.endIndex
        while i < end {
            if s[i] != UInt8(ascii: "\\") {
                out.append(s[i]); i += 1
                continue
            }
            i += 1
            if i >= end {
                throw EscapeDecodeError(message: "(value error) Trailing \\ in string")
            }
            let c = s[i]; i += 1
            switch c {
            case UInt8(ascii: "\n"): break
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "'"): out.append(0x27)
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var ch = Int(c - UInt8(ascii: "0"))
                if i < end, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "7") {
                    ch = ch << 3 + Int(s[i] - UInt8(ascii: "0")); i += 1
                    if i < end, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "7") {
                        ch = ch << 3 + Int(s[i] - UInt8(ascii: "0")); i += 1
                    }
                }
                out.append(UInt8(truncatingIfNeeded: ch))
            case UInt8(ascii: "x"):
                if i + 1 < end, let d1 = hexDigit(s[i]), let d2 = hexDigit(s[i + 1]) {
                    out.append(d1 << 4 | d2)
                    i += 2
                } else {
                    throw EscapeDecodeError(
                        message: "(value error) invalid \\x escape at position \(i - 2 - s.startIndex)")
                }
            default:
                out.append(0x5C)
                out.append(c)
            }
        }
        return out
    }
}

/// `\N{...}` names: Unicode 14.0 character names (CPython 3.11's unicodedata) and their aliases, matched
/// case-insensitively as CPython's `_getcode` does, with its algorithmic CJK and Hangul names.
enum UnicodeNames {
    /// Swift initialises a static `let` lazily and thread-safely: the table is built on the first `\N{...}`.
    /// It holds no names, only `hash << 32 | code point` sorted (about 45,000 words, 0.4 MB): a dictionary of String
    /// keys was 17 MB, more than the parse of the largest file. A hit is confirmed by the scalar's own name.
    private static let table: [UInt64] = buildTable()

    /// CPython 3.11: is_unified_ideograph.
    private static let unifiedIdeographs: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2A6DF, 0x2A700...0x2B738, 0x2B740...0x2B81D,
        0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0, 0x30000...0x3134A,
    ]

    static func lookup(_ nameBytes: ArraySlice<UInt8>) -> UInt32? {
        var name = ""
        name.reserveCapacity(nameBytes.count)
        for b in nameBytes {
            let u = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) ? b - 32 : b
            name.unicodeScalars.append(Unicode.Scalar(u))
        }
        let cjk = "CJK UNIFIED IDEOGRAPH-"
        if name.hasPrefix(cjk) {
            // Algorithmic names are matched case-sensitively (CPython: strncmp), and are in no table.
            guard nameBytes.starts(with: cjk.utf8) else { return nil }
            let hex = nameBytes.dropFirst(cjk.utf8.count)
            guard hex.count == 4 || hex.count == 5 else { return nil }
            var v: UInt32 = 0
            for c in hex {
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(c - UInt8(ascii: "A") + 10)
                default: return nil
                }
            }
            return unifiedIdeographs.contains { $0.contains(v) } ? v : nil
        }
        let hangul = "HANGUL SYLLABLE "
        if name.hasPrefix(hangul) {
            guard nameBytes.starts(with: hangul.utf8) else { return nil }
            for c in nameBytes.dropFirst(hangul.utf8.count) where c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
                return nil
            }
        }
        return tableLookup(name) ?? unicodeNameAliases[name]
    }

    /// FNV-1a over the name's UTF-8 bytes.
    private static func hash(_ name: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    private static func tableLookup(_ name: String) -> UInt32? {
        let key = UInt64(hash(name)) << 32
        var lo = 0, hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        while lo < table.count, table[lo] & 0xFFFF_FFFF_0000_0000 == key {
            let cp = UInt32(truncatingIfNeeded: table[lo])
            if let scalar = Unicode.Scalar(cp), scalar.properties.name == name { return cp }
            lo += 1
        }
        return nil
    }

    /// Code points the table leaves out: the unified ideographs (named algorithmically, matched before the table
    /// is consulted) and the Tangut ideographs, which Swift names but CPython 3.11's unicodedata does not
    /// (`\N{TANGUT IDEOGRAPH-17000}` is an error there).
    private static func leftOutOfTable(_ v: UInt32) -> Bool {
        if (0x17000...0x187F7).contains(v) || (0x18D00...0x18D08).contains(v) { return true }
        return v >= 0x3400 && unifiedIdeographs.contains { $0.contains(v) }
    }

    private static func buildTable() -> [UInt64] {
        var t: [UInt64] = []
        t.reserveCapacity(50000)
        // Named code points of Unicode 14 lie in planes 0-3 and 14 (planes 4-13 are unassigned, 15-16 private use).
        for plane: ClosedRange<UInt32> in [0...0x3FFFF, 0xE0000...0xE0FFF] {
            for v in plane where !leftOutOfTable(v) {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let props = scalar.properties
                // Only what Unicode 14.0 (CPython 3.11's database) names.
                guard let age = props.age, age.major < 14 || (age.major == 14 && age.minor == 0) else { continue }
                if let n = props.name { t.append(UInt64(hash(n)) << 32 | UInt64(v)) }
            }
        }
        t.sort()
        return t
    }
}
