/// The built-in codecs str.encode / bytes.decode need without the codecs module: utf-8, ascii, latin-1, utf-16 and
/// utf-32, with the error handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape and
/// surrogatepass (CPython: Objects/unicodeobject.c, Python/codecs.c), and UnicodeEncodeError/UnicodeDecodeError with
/// CPython's messages (Objects/exceptions.c: UnicodeEncodeError_str, UnicodeDecodeError_str).

nonisolated(unsafe) var bufferErrorType: TypePtr! = nil
nonisolated(unsafe) var lookupErrorType: TypePtr! = nil
nonisolated(unsafe) var unicodeEncodeErrorType: TypePtr! = nil
nonisolated(unsafe) var unicodeDecodeErrorType: TypePtr! = nil

enum CodecKind { case utf8, ascii, latin1, utf16(Bool?), utf32(Bool?) }

/// CPython: encodings.normalize_encoding + the aliases table for the codecs built in here.
func codecLookup(_ name: String) -> (CodecKind, String)? {
    var n = ""
    for ch in name.lowercased() { n.append(ch == "-" || ch == " " ? "_" : ch) }
    switch n {
    case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4": return (.utf8, "utf-8")
    case "ascii", "us_ascii", "646", "us", "iso646_us", "ansi_x3.4_1968", "cp367", "csascii", "ibm367":
        return (.ascii, "ascii")
    case "latin_1", "latin1", "iso_8859_1", "iso8859_1", "8859", "cp819", "latin", "l1", "iso_ir_100", "ibm819":
        return (.latin1, "latin-1")
    case "utf_16", "utf16", "u16": return (.utf16(nil), "utf-16")
    case "utf_16_le", "utf_16le", "utf16le": return (.utf16(true), "utf-16-le")
    case "utf_16_be", "utf_16be", "utf16be": return (.utf16(false), "utf-16-be")
    case "utf_32", "utf32", "u32": return (.utf32(nil), "utf-32")
    case "utf_32_le", "utf_32le", "utf32le": return (.utf32(true), "utf-32-le")
    case "utf_32_be", "utf_32be", "utf32be": return (.utf32(false), "utf-32-be")
    default: return nil
    }
}

private func encodingArgs(_ enc: PyValue, _ errors: PyValue, _ fname: String) -> (CodecKind, String, String)? {
    var encName = "utf-8", errName = "strict"
    if !enc.isNull {
        guard isInstance(enc, strType) else {
            raise(typeErrorType, "\(fname)() argument 'encoding' must be str, not \(typeName(enc))"); return nil
        }
        encName = strSwift(enc)
    }
    if !errors.isNull {
        guard isInstance(errors, strType) else {
            raise(typeErrorType, "\(fname)() argument 'errors' must be str, not \(typeName(errors))"); return nil
        }
        errName = strSwift(errors)
    }
    guard let (kind, canonical) = codecLookup(encName) else {
        raise(lookupErrorType, "unknown encoding: \(encName)"); return nil
    }
    return (kind, canonical, errName)
}

private func unknownHandler(_ name: String) -> PyValue {
    raise(lookupErrorType, "unknown error handler name '\(name)'")
}

func raiseUnicodeEncodeError(_ enc: String, _ obj: [UInt32], _ start: Int, _ end: Int, _ reason: String) -> PyValue {
    let args = newTuple([newStr(enc), newStr(codePoints: obj), makeInt(start), makeInt(end), newStr(reason)])
    setException(newException(unicodeEncodeErrorType, args: args))
    return .null
}

func raiseUnicodeDecodeError(_ enc: String, _ obj: [UInt8], _ start: Int, _ end: Int, _ reason: String) -> PyValue {
    let args = newTuple([newStr(enc), newBytes(obj), makeInt(start), makeInt(end), newStr(reason)])
    setException(newException(unicodeDecodeErrorType, args: args))
    return .null
}

private func hex(_ v: UInt32, _ width: Int) -> [UInt8] {
    Array(String(v, radix: 16).leftPadded(to: width).utf8)
}

/// str.encode(encoding, errors) (CPython: unicode_encode_impl).
func strEncode(_ s: PyValue, _ encoding: PyValue, _ errors: PyValue) -> PyValue {
    guard let (kind, enc, handler) = encodingArgs(encoding, errors, "encode") else { return .null }
    let cps = Array(strBuffer(s))
    var out: [UInt8] = []
    out.reserveCapacity(cps.count)
    let limit: UInt32
    switch kind {
    case .ascii: limit = 128
    case .latin1: limit = 256
    default: limit = 0x110000
    }
    let reason: String
    switch kind {
    case .ascii: reason = "ordinal not in range(128)"
    case .latin1: reason = "ordinal not in range(256)"
    default: reason = "surrogates not allowed"
    }
    func encodable(_ c: UInt32) -> Bool {
        if c >= limit { return false }
        if c >= 0xD800 && c <= 0xDFFF {
            switch kind { case .ascii, .latin1: return c < limit; default: return false }
        }
        return true
    }
    func emit(_ c: UInt32) {
        switch kind {
        case .utf8:
            if c < 0x80 { out.append(UInt8(c)) }
            else if c < 0x800 { out += [UInt8(0xC0 | c >> 6), UInt8(0x80 | c & 0x3F)] }
            else if c < 0x10000 { out += [UInt8(0xE0 | c >> 12), UInt8(0x80 | (c >> 6) & 0x3F), UInt8(0x80 | c & 0x3F)] }
            else { out += [UInt8(0xF0 | c >> 18), UInt8(0x80 | (c >> 12) & 0x3F), UInt8(0x80 | (c >> 6) & 0x3F), UInt8(0x80 | c & 0x3F)] }
        case .ascii, .latin1: out.append(UInt8(c))
        case .utf16(let le):
            func unit(_ u: UInt32) { let l = le ?? true; out += l ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
            if c >= 0x10000 { let v = c - 0x10000; unit(0xD800 | v >> 10); unit(0xDC00 | v & 0x3FF) } else { unit(c) }
        case .utf32(let le):
            let b = [UInt8(c & 0xFF), UInt8((c >> 8) & 0xFF), UInt8((c >> 16) & 0xFF), UInt8(c >> 24)]
            out += (le ?? true) ? b : b.reversed()
        }
    }
    switch kind {
    case .utf16(nil): out += [0xFF, 0xFE]
    case .utf32(nil): out += [0xFF, 0xFE, 0, 0]
    default: break
    }
    var i = 0
    while i < cps.count {
        let c = cps[i]
        if encodable(c) { emit(c); i += 1; continue }
        // A run of unencodable characters (CPython reports the whole run to the handler).
        var j = i + 1
        while j < cps.count && !encodable(cps[j]) { j += 1 }
        switch handler {
        case "strict": return raiseUnicodeEncodeError(enc, cps, i, j, reason)
        case "ignore": break
        case "replace": for _ in i..<j { out.append(63) }
        case "backslashreplace":
            for k in i..<j {
                let x = cps[k]
                if x < 0x100 { out += [92, 120] + hex(x, 2) } else if x < 0x10000 { out += [92, 117] + hex(x, 4) }
                else { out += [92, 85] + hex(x, 8) }
            }
        case "xmlcharrefreplace":
            for k in i..<j { out += Array("&#\(cps[k]);".utf8) }
        case "surrogateescape":
            for k in i..<j {
                let x = cps[k]
                guard x >= 0xDC80 && x <= 0xDCFF else { return raiseUnicodeEncodeError(enc, cps, i, j, reason) }
                out.append(UInt8(x - 0xDC00))
            }
        case "surrogatepass":
            for k in i..<j {
                let x = cps[k]
                guard x >= 0xD800 && x <= 0xDFFF, case .utf8 = kind else { return raiseUnicodeEncodeError(enc, cps, i, j, reason) }
                out += [UInt8(0xE0 | x >> 12), UInt8(0x80 | (x >> 6) & 0x3F), UInt8(0x80 | x & 0x3F)]
            }
        default: return unknownHandler(handler)
        }
        i = j
    }
    return newBytes(out)
}

/// bytes.decode(encoding, errors) (CPython: PyUnicode_Decode and the UTF-8 decoder's error ranges).
func bytesDecode(_ b: [UInt8], _ encoding: PyValue, _ errors: PyValue) -> PyValue {
    guard let (kind, enc0, handler) = encodingArgs(encoding, errors, "decode") else { return .null }
    var enc = enc0
    var out: [UInt32] = []
    out.reserveCapacity(b.count)
    // Applies the handler to bytes start..<end; false when an exception was raised.
    func bad(_ start: Int, _ end: Int, _ reason: String) -> Bool {
        switch handler {
        case "strict": _ = raiseUnicodeDecodeError(enc, b, start, end, reason); return false
        case "ignore": return true
        case "replace": out.append(0xFFFD); return true
        case "backslashreplace":
            for k in start..<end { out += [92, 120] + hex(UInt32(b[k]), 2).map { UInt32($0) } }
            return true
        case "surrogateescape":
            for k in start..<end {
                guard b[k] >= 128 else { _ = raiseUnicodeDecodeError(enc, b, start, end, reason); return false }
                out.append(0xDC00 + UInt32(b[k]))
            }
            return true
        default: _ = unknownHandler(handler); return false
        }
    }
    switch kind {
    case .latin1: out = b.map { UInt32($0) }
    case .ascii:
        for (i, c) in b.enumerated() {
            if c < 128 { out.append(UInt32(c)) } else if !bad(i, i + 1, "ordinal not in range(128)") { return .null }
        }
    case .utf8:
        var i = 0
        let n = b.count
        while i < n {
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
                if !bad(i, i + 1, "invalid start byte") { return .null }
                i += 1; continue
            }
            var v = UInt32(c) & (need == 1 ? 0x1F : (need == 2 ? 0x0F : 0x07))
            var k = 1
            var ok = true
            while k <= need {
                if i + k >= n {
                    // Truncated: with surrogatepass-free strict decoding this is "unexpected end of data".
                    if !bad(i, n, "unexpected end of data") { return .null }
                    i = n; ok = false; break
                }
                let cc = b[i + k]
                let l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF
                if cc < l || cc > h {
                    if handler == "surrogatepass" && c == 0xED && k == 1 && cc >= 0xA0 && cc <= 0xBF && i + 2 < n {
                        break
                    }
                    if !bad(i, i + k, "invalid continuation byte") { return .null }
                    i += k; ok = false; break
                }
                v = v << 6 | UInt32(cc & 0x3F)
                k += 1
            }
            if !ok { continue }
            if k <= need {
                // surrogatepass: ED A0..BF xx
                let v2 = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                out.append(v2); i += 3; continue
            }
            out.append(v)
            i += need + 1
        }
    case .utf16(let le0), .utf32(let le0):
        var isLE = le0 ?? true
        var unit = 2
        if case .utf32 = kind { unit = 4 }
        var i = 0
        if le0 == nil && b.count >= unit {
            if unit == 2 && b[0] == 0xFF && b[1] == 0xFE { i = 2 } else if unit == 2 && b[0] == 0xFE && b[1] == 0xFF { i = 2; isLE = false }
            if unit == 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0 { i = 4 }
            else if unit == 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF { i = 4; isLE = false }
        }
        // CPython names the byte order it settled on in decode errors.
        if le0 == nil { enc = (unit == 2 ? "utf-16-" : "utf-32-") + (isLE ? "le" : "be") }
        func read(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<unit { let byte = UInt32(b[at + (isLE ? unit - 1 - k : k)]); v = v << 8 | byte }
            return v
        }
        while i < b.count {
            if i + unit > b.count {
                if !bad(i, b.count, "truncated data") { return .null }
                break
            }
            let v = read(i)
            if unit == 4 {
                if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) {
                    if !bad(i, i + 4, "code point not in range(0x110000)") { return .null }
                } else { out.append(v) }
                i += 4; continue
            }
            if v >= 0xD800 && v <= 0xDBFF {
                if i + 4 <= b.count {
                    let w = read(i + 2)
                    if w >= 0xDC00 && w <= 0xDFFF { out.append(0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00)); i += 4; continue }
                    if !bad(i, i + 2, "illegal UTF-16 surrogate") { return .null }
                    i += 2; continue
                }
                if !bad(i, b.count, "unexpected end of data") { return .null }
                break
            }
            if v >= 0xDC00 && v <= 0xDFFF {
                if !bad(i, i + 2, "illegal encoding") { return .null }
                i += 2; continue
            }
            out.append(v); i += 2
        }
    }
    return newStr(codePoints: out)
}

private func unicodeErrorArg(_ e: PyValue, _ i: Int) -> PyValue {
    let args = e.payload(ExceptionObject.self).pointee.args
    return i < tupleCount(args) ? tupleItem(args, i) : pyNone
}

func installUnicodeErrors() {
    for (name, t) in exceptionTypes {
        switch name {
        case "BufferError": bufferErrorType = t
        case "LookupError": lookupErrorType = t
        case "UnicodeEncodeError": unicodeEncodeErrorType = t
        case "UnicodeDecodeError": unicodeDecodeErrorType = t
        default: break
        }
    }
    unicodeEncodeErrorType.pointee.str = { w in
        let e = PyValue(raw: w)
        let args = e.payload(ExceptionObject.self).pointee.args
        if tupleCount(args) != 5 { return exceptionStr(e).raw }
        let enc = strSwift(tupleItem(args, 0)), obj = tupleItem(args, 1)
        let start = smallOperand(tupleItem(args, 2)) ?? 0, end = smallOperand(tupleItem(args, 3)) ?? 0
        let reason = strSwift(tupleItem(args, 4))
        if isInstance(obj, strType) && start < strCount(obj) && end == start + 1 {
            let c = strData(obj)[start]
            let esc = c <= 0xFF ? "\\x" + String(c, radix: 16).leftPadded(to: 2)
                : (c <= 0xFFFF ? "\\u" + String(c, radix: 16).leftPadded(to: 4) : "\\U" + String(c, radix: 16).leftPadded(to: 8))
            return newStr("'\(enc)' codec can't encode character '\(esc)' in position \(start): \(reason)").raw
        }
        return newStr("'\(enc)' codec can't encode characters in position \(start)-\(end - 1): \(reason)").raw
    }
    unicodeDecodeErrorType.pointee.str = { w in
        let e = PyValue(raw: w)
        let args = e.payload(ExceptionObject.self).pointee.args
        if tupleCount(args) != 5 { return exceptionStr(e).raw }
        let enc = strSwift(tupleItem(args, 0)), obj = bytesLikeBytes(tupleItem(args, 1)) ?? []
        let start = smallOperand(tupleItem(args, 2)) ?? 0, end = smallOperand(tupleItem(args, 3)) ?? 0
        let reason = strSwift(tupleItem(args, 4))
        if start < obj.count && end == start + 1 {
            return newStr("'\(enc)' codec can't decode byte 0x\(String(obj[start], radix: 16).leftPadded(to: 2)) in position \(start): \(reason)").raw
        }
        return newStr("'\(enc)' codec can't decode bytes in position \(start)-\(end - 1): \(reason)").raw
    }
    for t in [unicodeEncodeErrorType!, unicodeDecodeErrorType!] {
        addGetter(t, "encoding") { _, p, _, _ in newRef(unicodeErrorArg(PyValue(raw: p.unsafelyUnwrapped[0]), 0)).raw }
        addGetter(t, "object") { _, p, _, _ in newRef(unicodeErrorArg(PyValue(raw: p.unsafelyUnwrapped[0]), 1)).raw }
        addGetter(t, "start") { _, p, _, _ in newRef(unicodeErrorArg(PyValue(raw: p.unsafelyUnwrapped[0]), 2)).raw }
        addGetter(t, "end") { _, p, _, _ in newRef(unicodeErrorArg(PyValue(raw: p.unsafelyUnwrapped[0]), 3)).raw }
        addGetter(t, "reason") { _, p, _, _ in newRef(unicodeErrorArg(PyValue(raw: p.unsafelyUnwrapped[0]), 4)).raw }
    }
}
