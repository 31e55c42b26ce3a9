/// bytes %-formatting (CPython: _PyBytes_FormatEx) over the str implementation with latin-1 text, and str.format /
/// str.format_map with CPython's field parser and messages.

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

// MARK: str.format (CPython: Objects/stringlib/unicode_format.h)

/// Auto-numbering state shared by a format string and its nested format specs (CPython: AutoNumber).
private final class AutoNumber {
    var state = 0  // 0 init, 1 auto, 2 manual
    var next = 0
}

/// get_integer: the decimal value of an all-digit field name, -1 when it is not one; nil with ValueError.
private func fieldInteger(_ s: ArraySlice<UInt32>) -> Int? {
    if s.isEmpty { return -1 }
    var v = 0
    for c in s {
        guard let d = (c >= 48 && c <= 57) ? Int(c - 48) : unicodeDecimalValue(c) else { return -1 }
        if v > (Int.max - d) / 10 { raise(valueErrorType, "Too many decimal digits in format string"); return nil }
        v = v * 10 + d
    }
    return v
}

/// Resolves a field name ("0", "name", "0.attr[key][1]") against args/kwargs (CPython: get_field_object).
private func fieldObject(_ name: ArraySlice<UInt32>, _ args: [PyValue]?, _ kwargs: PyValue, _ auto: AutoNumber) -> PyValue {
    var i = name.startIndex
    while i < name.endIndex && name[i] != 46 && name[i] != 91 { i += 1 }
    let first = name[name.startIndex..<i]
    guard var idx = fieldInteger(first) else { return .null }
    let empty = first.isEmpty
    if empty || idx != -1 {
        if auto.state == 2 && empty {
            return raise(valueErrorType, "cannot switch from manual field specification to automatic field numbering")
        }
        if auto.state == 1 && !empty {
            return raise(valueErrorType, "cannot switch from automatic field numbering to manual field specification")
        }
        if auto.state == 0 { auto.state = empty ? 1 : 2 }
        if empty { idx = auto.next; auto.next += 1 }
    }
    var obj: PyValue
    if idx == -1 {
        let key = newStr(codePoints: first)
        defer { decref(key) }
        if kwargs.isNull { setException(newException(keyErrorType, args: newTuple([newRef(key)]))); return .null }
        obj = getItem(kwargs, key)
        if obj.isNull { return .null }
    } else {
        guard let a = args else { return raise(valueErrorType, "Format string contains positional fields") }
        if idx >= a.count { return raise(indexErrorType, "Replacement index \(idx) out of range for positional args tuple") }
        obj = newRef(a[idx])
    }
    // The rest: .attr and [key] parts (CPython: FieldNameIterator_next).
    while i < name.endIndex {
        let c = name[i]
        i += 1
        var part: ArraySlice<UInt32>
        let isAttr = c == 46
        if c == 46 {
            let st = i
            while i < name.endIndex && name[i] != 46 && name[i] != 91 { i += 1 }
            part = name[st..<i]
        } else if c == 91 {
            let st = i
            while i < name.endIndex && name[i] != 93 { i += 1 }
            if i >= name.endIndex { decref(obj); return raise(valueErrorType, "Missing ']' in format string") }
            part = name[st..<i]
            i += 1
        } else {
            decref(obj)
            return raise(valueErrorType, "Only '.' or '[' may follow ']' in format field specifier")
        }
        if part.isEmpty { decref(obj); return raise(valueErrorType, "Empty attribute in format string") }
        var next: PyValue
        if isAttr {
            let n = newStr(codePoints: part)
            next = getAttr(obj, n)
            decref(n)
        } else {
            guard let k = fieldInteger(part) else { decref(obj); return .null }
            let key = k == -1 ? newStr(codePoints: part) : makeInt(k)
            next = getItem(obj, key)
            decref(key)
        }
        decref(obj)
        if next.isNull { return .null }
        obj = next
    }
    return obj
}

/// CPython: build_string / output_markup.
private func buildFormatted(_ f: [UInt32], _ args: [PyValue]?, _ kwargs: PyValue, _ depth: Int, _ auto: AutoNumber) -> [UInt32]? {
    if depth <= 0 { raise(valueErrorType, "Max string recursion exceeded"); return nil }
    var out: [UInt32] = []
    var i = 0
    let n = f.count
    while i < n {
        let c = f[i]
        if c != 123 && c != 125 { out.append(c); i += 1; continue }
        i += 1
        let atEnd = i >= n
        if c == 125 {
            if atEnd || f[i] != 125 { raise(valueErrorType, "Single '}' encountered in format string"); return nil }
            out.append(125); i += 1; continue
        }
        if atEnd { raise(valueErrorType, "Single '{' encountered in format string"); return nil }
        if f[i] == 123 { out.append(123); i += 1; continue }
        // parse_field
        let nameStart = i
        var ch: UInt32 = 0
        var stopped = false
        while i < n {
            ch = f[i]; i += 1
            if ch == 123 { raise(valueErrorType, "unexpected '{' in field name"); return nil }
            if ch == 91 {
                while i < n && f[i] != 93 { i += 1 }
                continue
            }
            if ch == 125 || ch == 58 || ch == 33 { stopped = true; break }
        }
        let nameEnd = stopped ? i - 1 : i
        var conversion: UInt32 = 0
        var spec: ArraySlice<UInt32> = []
        var specNeedsExpanding = false
        if stopped && (ch == 33 || ch == 58) {
            var done = false
            if ch == 33 {
                if i >= n { raise(valueErrorType, "end of string while looking for conversion specifier"); return nil }
                conversion = f[i]; i += 1
                if i < n {
                    let c2 = f[i]; i += 1
                    if c2 == 125 { done = true } else if c2 != 58 {
                        raise(valueErrorType, "expected ':' after conversion specifier"); return nil
                    }
                }
            }
            if !done {
                let specStart = i
                var count = 1
                var closed = false
                while i < n {
                    let c3 = f[i]; i += 1
                    if c3 == 123 { specNeedsExpanding = true; count += 1 }
                    else if c3 == 125 { count -= 1; if count == 0 { spec = f[specStart..<(i - 1)]; closed = true; break } }
                }
                if !closed { raise(valueErrorType, "unmatched '{' in format spec"); return nil }
            }
        } else if !stopped || ch != 125 {
            raise(valueErrorType, "expected '}' before end of string"); return nil
        }
        var obj = fieldObject(f[nameStart..<nameEnd], args, kwargs, auto)
        if obj.isNull { return nil }
        if conversion != 0 {
            var r: PyValue
            switch conversion {
            case 114: r = objectRepr(obj)
            case 115: r = objectStr(obj)
            case 97: r = objectAscii(obj)
            default:
                decref(obj)
                if conversion > 32 && conversion < 127 {
                    raise(valueErrorType, "Unknown conversion specifier \(Character(Unicode.Scalar(UInt8(conversion))))")
                } else {
                    raise(valueErrorType, "Unknown conversion specifier \\x\(String(conversion, radix: 16))")
                }
                return nil
            }
            decref(obj)
            if r.isNull { return nil }
            obj = r
        }
        var specArr = Array(spec)
        if specNeedsExpanding {
            guard let e = buildFormatted(specArr, args, kwargs, depth - 1, auto) else { decref(obj); return nil }
            specArr = e
        }
        let specStr = newStr(codePoints: specArr)
        let r = formatObject(obj, specStr)
        decref(specStr); decref(obj)
        if r.isNull { return nil }
        out += strBuffer(r)
        decref(r)
    }
    return out
}

/// str.format(*args, **kwargs).
func strFormatCall(_ s: PyValue, _ a: Args) -> PyValue {
    var args: [PyValue] = []
    for i in 0..<a.n { args.append(a[i]) }
    var kwargs = PyValue.null
    if a.kwCount > 0 {
        kwargs = newDict()
        for k in 0..<a.kwCount { _ = dictSetItem(kwargs, tupleItem(a.kw, k), a[a.n + k]) }
    }
    defer { xdecref(kwargs) }
    guard let out = buildFormatted(Array(strBuffer(s)), args, kwargs, 2, AutoNumber()) else { return .null }
    return newStr(codePoints: out)
}

/// str.format_map(mapping).
func strFormatMapCall(_ s: PyValue, _ m: PyValue) -> PyValue {
    guard let out = buildFormatted(Array(strBuffer(s)), nil, m, 2, AutoNumber()) else { return .null }
    return newStr(codePoints: out)
}
