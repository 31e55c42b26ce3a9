/// str.format_map (CPython: do_string_format with a mapping): the mapping's items become the keyword arguments of
/// str.format; and bytes %-formatting (CPython: _PyBytes_FormatEx) over the str implementation with latin-1 text.

func strFormatMap(_ s: PyValue, _ m: PyValue) -> PyValue {
    guard m.type == dictType || isSubtype(m.type, dictType) else {
        return raise(typeErrorType, "format_map() argument must be a mapping, not \(typeName(m))")
    }
    guard let keys = collectIterable(m) else { return .null }
    defer { for k in keys { decref(k) } }
    var names: [PyValue] = []
    var words: [UInt] = []
    for k in keys where isInstance(k, strType) {
        let v = dictGetItem(m, k)
        if v.isNull { continue }
        names.append(newRef(k))
        words.append(v.raw)
    }
    let kw = newTuple(names)
    defer { decref(kw) }
    return words.withUnsafeBufferPointer { buf in
        strFormatMethod(s, Args(buf.baseAddress, 0, kw.raw))
    }
}

func bytesPercentFormat(_ f: PyValue, _ a: PyValue) -> PyValue {
    guard let fb = bytesLikeBytes(f) else { return newRef(pyNotImplemented) }
    // %s/%b take bytes-like objects (or __bytes__); %r/%a use ascii(); numbers format as in str.
    func convertArg(_ x: PyValue) -> PyValue {
        if let b = bytesLikeBytes(x) { return newStr(codePoints: b.map { UInt32($0) }) }
        return newRef(x)
    }
    var args: PyValue
    if a.type == tupleType {
        var items: [PyValue] = []
        for i in 0..<tupleCount(a) { items.append(convertArg(tupleItem(a, i))) }
        args = newTuple(items)
    } else if a.type == dictType {
        args = newRef(a)
    } else {
        args = convertArg(a)
    }
    defer { decref(args) }
    var fmt = fb.map { UInt32($0) }
    // %b is %s for bytes; %s of a non-bytes object is a TypeError in CPython.
    var i = 0
    while i < fmt.count {
        if fmt[i] == 37 && i + 1 < fmt.count {
            var j = i + 1
            while j < fmt.count, let u = Unicode.Scalar(fmt[j]), "-+ #0123456789.*()".unicodeScalars.contains(u) { j += 1 }
            if j < fmt.count && fmt[j] == 98 { fmt[j] = 115 }
            i = j + 1
        } else { i += 1 }
    }
    let fs = newStr(codePoints: fmt)
    defer { decref(fs) }
    let r = strPercentFormat(fs, args)
    if r.isNull { return .null }
    defer { decref(r) }
    var out: [UInt8] = []
    for c in strBuffer(r) {
        if c > 255 { return raise(valueErrorType, "bytes formatting produced a non-latin-1 character") }
        out.append(UInt8(c))
    }
    return newBytes(out)
}
