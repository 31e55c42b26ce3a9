import KaaCore

/// str.encode for the built-in codecs with CPython's error handlers (Objects/unicodeobject.c unicode_encode_ucs1,
/// unicode_encode_utf8, _PyUnicode_EncodeUTF16/32; Python/codecs.c PyCodec_*Errors). Which characters one handler
/// call covers follows CPython: a run of unencodable characters for ascii/latin-1, a run of surrogates for utf-8,
/// one character at a time for utf-16 and utf-32 (whose handlers' str replacements must be ASCII and whose bytes
/// replacements must be whole code units).

private func hexDigits(_ v: UInt32, _ width: Int) -> [UInt32] {
    Array(String(v, radix: 16).leftPadded(to: width).unicodeScalars.map { $0.value })
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` (CPython: PyCodec_BackslashReplaceErrors).
func backslashEscape(_ c: UInt32) -> [UInt32] {
    if c < 0x100 { return [92, 120] + hexDigits(c, 2) }
    if c < 0x10000 { return [92, 117] + hexDigits(c, 4) }
    return [92, 85] + hexDigits(c, 8)
}

/// `\N{NAME}` when CPython 3.11's unicodedata names `c`, else its backslash escape (CPython:
/// PyCodec_NameReplaceErrors).
func nameEscape(_ c: UInt32) -> [UInt32] {
    if let name = UnicodeType.nameForEscape(c) {
        return [92, 78, 123] + name.unicodeScalars.map { $0.value } + [125]
    }
    return backslashEscape(c)
}

/// str.encode(encoding, errors) (CPython: unicode_encode_impl).
func strEncode(_ s: PyValue, _ encoding: PyValue, _ errors: PyValue) -> PyValue {
    guard let (kind, enc, handler) = encodingArgs(encoding, errors, "encode") else { return .null }
    let cps = Array(strBuffer(s))
    var out: [UInt8] = []
    out.reserveCapacity(cps.count)
    var limit: UInt32 = 0x110000, reason = "surrogates not allowed", unitSize = 1
    var littleEndian = true
    switch kind {
    case .ascii: limit = 128; reason = "ordinal not in range(128)"
    case .latin1: limit = 256; reason = "ordinal not in range(256)"
    case .utf16(let le): unitSize = 2; littleEndian = le ?? true
    case .utf32(let le): unitSize = 4; littleEndian = le ?? true
    case .utf8: break
    }
    func encodable(_ c: UInt32) -> Bool {
        if c >= limit { return false }
        if c >= 0xD800 && c <= 0xDFFF { return limit <= 256 }
        return true
    }
    func unit(_ u: UInt32, _ size: Int) {
        for k in 0..<size { out.append(UInt8((u >> UInt32(8 * (littleEndian ? k : size - 1 - k))) & 0xFF)) }
    }
    func emit(_ c: UInt32) {
        switch kind {
        case .utf8:
            if c < 0x80 { out.append(UInt8(c)) }
            else if c < 0x800 { out += [UInt8(0xC0 | c >> 6), UInt8(0x80 | c & 0x3F)] }
            else if c < 0x10000 { out += [UInt8(0xE0 | c >> 12), UInt8(0x80 | (c >> 6) & 0x3F), UInt8(0x80 | c & 0x3F)] }
            else { out += [UInt8(0xF0 | c >> 18), UInt8(0x80 | (c >> 12) & 0x3F), UInt8(0x80 | (c >> 6) & 0x3F), UInt8(0x80 | c & 0x3F)] }
        case .ascii, .latin1: out.append(UInt8(c))
        case .utf16:
            if c >= 0x10000 { let v = c - 0x10000; unit(0xD800 | v >> 10, 2); unit(0xDC00 | v & 0x3FF, 2) } else { unit(c, 2) }
        case .utf32: unit(c, 4)
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
        var j = i + 1
        if unitSize == 1 { while j < cps.count && !encodable(cps[j]) { j += 1 } }
        // A str replacement is encoded by the codec itself (it is ASCII for every handler here).
        var rep: [UInt32]? = nil
        switch handler {
        case "strict": return raiseUnicodeEncodeError(enc, cps, i, j, reason)
        case "ignore": rep = []
        case "replace": rep = [UInt32](repeating: 63, count: j - i)
        case "backslashreplace": rep = (i..<j).flatMap { backslashEscape(cps[$0]) }
        case "xmlcharrefreplace": rep = (i..<j).flatMap { Array("&#\(cps[$0]);".unicodeScalars.map { $0.value }) }
        case "namereplace": rep = (i..<j).flatMap { nameEscape(cps[$0]) }
        case "surrogateescape":
            // Bytes: one byte per character, which a utf-16/32 code unit cannot hold.
            for k in i..<j where !(cps[k] >= 0xDC80 && cps[k] <= 0xDCFF) || unitSize > 1 {
                return raiseUnicodeEncodeError(enc, cps, i, j, reason)
            }
            for k in i..<j { out.append(UInt8(cps[k] - 0xDC00)) }
        case "surrogatepass":
            if limit <= 256 { return raiseUnicodeEncodeError(enc, cps, i, j, reason) }
            for k in i..<j where !(cps[k] >= 0xD800 && cps[k] <= 0xDFFF) {
                return raiseUnicodeEncodeError(enc, cps, i, j, reason)
            }
            for k in i..<j {
                let x = cps[k]
                if unitSize == 1 { out += [UInt8(0xE0 | x >> 12), UInt8(0x80 | (x >> 6) & 0x3F), UInt8(0x80 | x & 0x3F)] }
                else { unit(x, unitSize) }
            }
        default:
            _ = unknownHandler(handler)
            wrapCodecFailure("encoding", encoding)
            return .null
        }
        if let r = rep {
            for x in r {
                guard encodable(x) else { return raiseUnicodeEncodeError(enc, cps, i, j, reason) }
                emit(x)
            }
        }
        i = j
    }
    return newBytes(out)
}

/// Whether CPython's PyUnicode_AsEncodedString / PyUnicode_Decode run the codec directly for this encoding name
/// (after _Py_normalize_encoding); other names go through the codec registry, which wraps a handler's plain
/// TypeError or LookupError (CPython: _PyCodec_EncodeText/_PyCodec_DecodeText, wrap_codec_error).
func isFastCodecName(_ name: String) -> Bool {
    var norm = "", punct = false
    for ch in name.lowercased().unicodeScalars {
        if (ch.value < 128 && (ch.properties.isAlphabetic || ("0"..."9").contains(ch))) || ch == "." {
            if punct && !norm.isEmpty { norm += "_" }
            punct = false
            norm.unicodeScalars.append(ch)
        } else { punct = true }
    }
    switch norm {
    case "utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "latin1", "latin_1", "iso_8859_1", "iso8859_1",
         "ascii", "us_ascii": return true
    default: return false
    }
}

/// CPython: _PyErr_TrySetFromCause — "encoding with 'X' codec failed (TypeError: ...)", chained to the original.
func wrapCodecFailure(_ operation: String, _ encoding: PyValue) {
    let exc = curExc
    guard !exc.isNull, exc.type == typeErrorType || exc.type == lookupErrorType,
          encoding.isNull || isInstance(encoding, strType) else { return }
    let name = encoding.isNull ? "utf-8" : strSwift(encoding)
    if isFastCodecName(name) { return }
    let original = fetchException()
    let text = exceptionStr(original)
    let message = "\(operation) with '\(name)' codec failed (\(typeName(original)): \(text.isNull ? "" : strSwift(text)))"
    xdecref(text)
    let wrapped = newException(original.type, args: newTuple([newStr(message)]))
    let w = wrapped.payload(ExceptionObject.self)
    w.pointee.cause = newRef(original)
    w.pointee.suppressContext = true
    w.pointee.context = original
    setException(wrapped)
}
