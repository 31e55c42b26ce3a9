/// The built-in codecs str.encode / bytes.decode need without the codecs module: utf-8, ascii, latin-1, utf-16 and
/// utf-32 (Codecs+Encode.swift, Codecs+Decode.swift, with every error handler of Python/codecs.c) (CPython: Objects/unicodeobject.c, Python/codecs.c), and UnicodeEncodeError/UnicodeDecodeError with
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

func encodingArgs(_ enc: PyValue, _ errors: PyValue, _ fname: String) -> (CodecKind, String, String)? {
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

func unknownHandler(_ name: String) -> PyValue {
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
