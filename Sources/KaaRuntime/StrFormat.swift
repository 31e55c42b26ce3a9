/// bytes %-formatting (CPython: _PyBytes_FormatEx) over the str implementation with latin-1 text, and str.format /
/// str.format_map with CPython's field parser and messages.

/// bytes % args (CPython: _PyBytes_FormatEx).
func bytesPercentFormat(_ f: PyValue, _ a: PyValue) -> PyValue {
    guard let fb = bytesLikeBytes(f) else { return newRef(pyNotImplemented) }
    let isTuple = !a.isSmallInt && (a.type == tupleType || isSubtype(a.type, tupleType))
    let isMapping = !isTuple && !a.isSmallInt && a.type.pointee.getitem != nil && bytesLikeBytes(a) == nil && !isInstance(a, strType)
    let items: [PyValue] = isTuple ? (0..<tupleCount(a)).map { tupleItem(a, $0) } : [a]
    var argIndex = 0
    var usedMapping = false
    func nextArg() -> PyValue? {
        if argIndex >= items.count { raise(typeErrorType, "not enough arguments for format string"); return nil }
        argIndex += 1
        return items[argIndex - 1]
    }
    var out: [UInt8] = []
    var i = 0
    let n = fb.count
    while i < n {
        let c = fb[i]
        if c != 37 { out.append(c); i += 1; continue }
        i += 1
        if i >= n { return raise(valueErrorType, "incomplete format") }
        var keyed: PyValue = .null
        if fb[i] == 40 {
            guard isMapping else { return raise(typeErrorType, "format requires a mapping") }
            var depth = 1
            var j = i + 1
            while j < n && depth > 0 { if fb[j] == 40 { depth += 1 } else if fb[j] == 41 { depth -= 1 }; j += 1 }
            if depth > 0 { return raise(valueErrorType, "incomplete format key") }
            let key = newBytes(Array(fb[(i + 1)..<(j - 1)]))
            keyed = getItem(a, key)
            decref(key)
            if keyed.isNull { return .null }
            usedMapping = true
            i = j
        }
        defer { xdecref(keyed) }
        var flags: [UInt8] = []
        while i < n, [45, 43, 32, 35, 48].contains(fb[i]) { flags.append(fb[i]); i += 1 }
        var width = -1, precision = -1
        if i < n && fb[i] == 42 {
            guard let w = nextArg() else { return .null }
            guard let wv = smallOperand(w) else { return raise(typeErrorType, "* wants int") }
            width = wv; i += 1
            if width < 0 { flags.append(45); width = -width }
        } else {
            while i < n && fb[i] >= 48 && fb[i] <= 57 { width = Swift.max(width, 0) * 10 + Int(fb[i] - 48); i += 1 }
        }
        if i < n && fb[i] == 46 {
            i += 1
            precision = 0
            if i < n && fb[i] == 42 {
                guard let p = nextArg() else { return .null }
                guard let pv = smallOperand(p) else { return raise(typeErrorType, "* wants int") }
                precision = Swift.max(pv, 0); i += 1
            } else {
                while i < n && fb[i] >= 48 && fb[i] <= 57 { precision = precision * 10 + Int(fb[i] - 48); i += 1 }
            }
        }
        while i < n && (fb[i] == 108 || fb[i] == 104 || fb[i] == 76) { i += 1 }
        if i >= n { return raise(valueErrorType, "incomplete format") }
        let conv = fb[i]
        i += 1
        if conv == 37 { out.append(37); continue }
        let arg: PyValue
        if !keyed.isNull { arg = keyed } else { guard let x = nextArg() else { return .null }; arg = x }
        var text: [UInt8]
        switch conv {
        case 115, 98: // s, b
            if let b = bytesLikeBytes(arg) { text = b }
            else if !arg.isSmallInt && !typeLookup(arg.type, internStr("__bytes__")).isNull {
                let r = callDunder(arg, "__bytes__", [])
                if r.isNull { return .null }
                defer { decref(r) }
                guard let b = bytesLikeBytes(r) else {
                    return raise(typeErrorType, "__bytes__ returned non-bytes (type \(typeName(r)))")
                }
                text = b
            } else {
                return raise(typeErrorType, "%b requires a bytes-like object, or an object that implements __bytes__, not '\(typeName(arg))'")
            }
            if precision >= 0 && text.count > precision { text = Array(text[0..<precision]) }
        case 114, 97: // r, a
            let r = objectAscii(arg)
            if r.isNull { return .null }
            text = strBuffer(r).map { UInt8(truncatingIfNeeded: $0) }
            decref(r)
            if precision >= 0 && text.count > precision { text = Array(text[0..<precision]) }
        case 99: // c
            if let b = bytesLikeBytes(arg), isBytes(arg) || isByteArray(arg) {
                guard b.count == 1 else { return raise(typeErrorType, "%c requires an integer in range(256) or a single byte") }
                text = b
            } else if isIntLike(arg) {
                guard let v = smallOperand(arg), v >= 0, v < 256 else { return raise(overflowErrorType, "%c arg not in range(256)") }
                text = [UInt8(v)]
            } else {
                return raise(typeErrorType, "%c requires an integer in range(256) or a single byte")
            }
        default:
            guard "diuxXoeEfFgG".utf8.contains(conv) else {
                let ch = Character(Unicode.Scalar(conv))
                return raise(valueErrorType, "unsupported format character '\(ch)' (0x\(String(conv, radix: 16))) at index \(i - 1)")
            }
            if bytesLikeBytes(arg) != nil || isInstance(arg, strType) {
                let kind = "diu".utf8.contains(conv) || "eEfFgG".utf8.contains(conv) ? "a real number" : "an integer"
                return raise(typeErrorType, "%\(Character(Unicode.Scalar(conv))) format: \(kind) is required, not \(typeName(arg))")
            }
            var spec: [UInt32] = [37] + flags.map { UInt32($0) }
            if width >= 0 { spec += String(width).unicodeScalars.map { $0.value } }
            if precision >= 0 { spec += [46] + String(precision).unicodeScalars.map { $0.value } }
            spec.append(UInt32(conv))
            let fs = newStr(codePoints: spec)
            let t = newTuple([newRef(arg)])
            let r = strPercentFormat(fs, t)
            decref(fs); decref(t)
            if r.isNull { return .null }
            text = strBuffer(r).map { UInt8(truncatingIfNeeded: $0) }
            decref(r)
            out += text
            continue
        }
        if width > text.count {
            let pad = [UInt8](repeating: 32, count: width - text.count)
            text = flags.contains(45) ? text + pad : pad + text
        }
        out += text
    }
    if isTuple && argIndex < items.count { return raise(typeErrorType, "not all arguments converted during bytes formatting") }
    if !isTuple && !isMapping && argIndex == 0 && !usedMapping {
        return raise(typeErrorType, "not all arguments converted during bytes formatting")
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
