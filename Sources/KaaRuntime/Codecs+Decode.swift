/// bytes.decode for the built-in codecs with CPython's error handlers (Objects/unicodeobject.c: the UTF-8 decoder's
/// error ranges, PyUnicode_DecodeUTF16Stateful, PyUnicode_DecodeUTF32Stateful; Python/codecs.c PyCodec_*Errors).
/// A handler answers one error range at a time and says where decoding resumes (surrogatepass reads a surrogate
/// encoded in the codec itself at the start of the range).

/// bytes.decode(encoding, errors) (CPython: PyUnicode_Decode).
func bytesDecode(_ b: [UInt8], _ encoding: PyValue, _ errors: PyValue) -> PyValue {
    guard let (kind, enc0, handler) = encodingArgs(encoding, errors, "decode") else { return .null }
    var enc = enc0
    var out: [UInt32] = []
    out.reserveCapacity(b.count)
    var isLE = true
    var unit = 1
    switch kind {
    case .utf16(let le): unit = 2; isLE = le ?? true
    case .utf32(let le): unit = 4; isLE = le ?? true
    default: break
    }
    func read(_ at: Int, _ size: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<size { v = v << 8 | UInt32(b[at + (isLE ? size - 1 - k : k)]) }
        return v
    }
    func surrogate(_ c: UInt32) -> Bool { c >= 0xD800 && c <= 0xDFFF }
    /// The handler's answer to an error over bytes start..<end: where to resume, or nil with the exception set.
    func bad(_ start: Int, _ end: Int, _ reason: String) -> Int? {
        switch handler {
        case "strict": break
        case "ignore": return end
        case "replace": out.append(0xFFFD); return end
        case "backslashreplace":
            for k in start..<end { out += backslashEscape(UInt32(b[k])) }
            return end
        case "surrogateescape":
            // CPython: PyCodec_SurrogateEscapeErrors — up to 4 bytes >= 0x80 from `start`; decoding resumes after them.
            var k = start
            while k < end && k < start + 4 && b[k] >= 128 { out.append(0xDC00 + UInt32(b[k])); k += 1 }
            if k > start { return k }
        case "surrogatepass":
            switch kind {
            case .utf8:
                if start + 3 <= b.count && b[start] & 0xF0 == 0xE0 && b[start + 1] & 0xC0 == 0x80
                    && b[start + 2] & 0xC0 == 0x80 {
                    let c = UInt32(b[start] & 0x0F) << 12 | UInt32(b[start + 1] & 0x3F) << 6 | UInt32(b[start + 2] & 0x3F)
                    if surrogate(c) { out.append(c); return start + 3 }
                }
            case .utf16, .utf32:
                if start + unit <= b.count {
                    let c = read(start, unit)
                    if surrogate(c) { out.append(c); return start + unit }
                }
            case .ascii, .latin1: break
            }
        case "xmlcharrefreplace", "namereplace":
            raise(typeErrorType, "don't know how to handle UnicodeDecodeError in error callback")
            wrapCodecFailure("decoding", encoding)
            return nil
        default:
            _ = unknownHandler(handler)
            wrapCodecFailure("decoding", encoding)
            return nil
        }
        _ = raiseUnicodeDecodeError(enc, b, start, end, reason)
        return nil
    }
    switch kind {
    case .latin1: out = b.map { UInt32($0) }
    case .ascii:
        var i = 0
        while i < b.count {
            if b[i] < 128 { out.append(UInt32(b[i])); i += 1; continue }
            guard let next = bad(i, i + 1, "ordinal not in range(128)") else { return .null }
            i = next
        }
    case .utf8:
        var i = 0
        let n = b.count
        decoding: while i < n {
            let c = b[i]
            if c < 0x80 { out.append(UInt32(c)); i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default:
                guard let next = bad(i, i + 1, "invalid start byte") else { return .null }
                i = next; continue decoding
            }
            var v = UInt32(c) & (need == 1 ? 0x1F : (need == 2 ? 0x0F : 0x07))
            for k in 1...need {
                if i + k >= n {
                    guard let next = bad(i, n, "unexpected end of data") else { return .null }
                    i = next; continue decoding
                }
                let cc = b[i + k]
                if cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF) {
                    guard let next = bad(i, i + k, "invalid continuation byte") else { return .null }
                    i = next; continue decoding
                }
                v = v << 6 | UInt32(cc & 0x3F)
            }
            out.append(v)
            i += need + 1
        }
    case .utf16(let le0), .utf32(let le0):
        var i = 0
        if le0 == nil && b.count >= unit {
            if unit == 2 && b[0] == 0xFF && b[1] == 0xFE { i = 2 } else if unit == 2 && b[0] == 0xFE && b[1] == 0xFF { i = 2; isLE = false }
            if unit == 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { i = 4 }
            else if unit == 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { i = 4; isLE = false }
        }
        // CPython names the byte order it settled on in decode errors.
        if le0 == nil { enc = (unit == 2 ? "utf-16-" : "utf-32-") + (isLE ? "le" : "be") }
        while i < b.count {
            if i + unit > b.count {
                guard let next = bad(i, b.count, "truncated data") else { return .null }
                i = next; continue
            }
            let v = read(i, unit)
            if unit == 4 {
                if v > 0x10FFFF || surrogate(v) {
                    let why = v > 0x10FFFF ? "code point not in range(0x110000)"
                        : "code point in surrogate code point range(0xd800, 0xe000)"
                    guard let next = bad(i, i + 4, why) else { return .null }
                    i = next
                } else { out.append(v); i += 4 }
                continue
            }
            if v >= 0xD800 && v <= 0xDBFF {
                if i + 4 <= b.count {
                    let w = read(i + 2, 2)
                    if w >= 0xDC00 && w <= 0xDFFF { out.append(0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00)); i += 4; continue }
                    guard let next = bad(i, i + 2, "illegal UTF-16 surrogate") else { return .null }
                    i = next; continue
                }
                guard let next = bad(i, b.count, "unexpected end of data") else { return .null }
                i = next; continue
            }
            if v >= 0xDC00 && v <= 0xDFFF {
                guard let next = bad(i, i + 2, "illegal encoding") else { return .null }
                i = next; continue
            }
            out.append(v); i += 2
        }
    }
    return newStr(codePoints: out)
}
