import KaaCore
/// Methods of the built-in types (str, list, dict, tuple, set, object, BaseException, property, ...), installed
/// as method descriptors in the types' dicts.

@inline(__always) func selfArgs(_ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Args { Args(p, n, kw) }

func strArg(_ v: PyValue, _ fname: String, _ what: String = "argument") -> Bool {
    if isInstance(v, strType) { return true }
    raise(typeErrorType, "\(fname) \(what) must be str, not \(typeName(v))")
    return false
}

func installStrMethods() {
    let t = strType!
    t.pointee.repr = { newStr(PyRepr.string(codePoints: strBuffer(PyValue(raw: $0)))).raw }
    t.pointee.str = { strExact(PyValue(raw: $0)).raw } // CPython: unicode_str (a subclass gives a plain copy)
    t.pointee.hash = { strHash(PyValue(raw: $0)) }
    t.pointee.len = { strCount(PyValue(raw: $0)) }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(y, strType) { return newRef(pyNotImplemented).raw }
        if op == 2 { return newRef(makeBool(strEquals(x, y))).raw }
        if op == 3 { return newRef(makeBool(!strEquals(x, y))).raw }
        return newRef(makeBool(compareResult(strCompare(x, y), op))).raw
    }
    t.pointee.nb[0] = { a, b in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, strType) || !isInstance(y, strType) { return newRef(pyNotImplemented).raw }
        return strConcat(x, y).raw
    }
    t.pointee.nb[5] = { a, b in
        var x = PyValue(raw: a), y = PyValue(raw: b)
        if !isInstance(x, strType) { swap(&x, &y) }
        if x.raw == a, let r = sequenceRepeatDeferred(x, y) { return r.raw }
        guard let k = smallOperand(y) ?? sequenceRepeatCount(y) else { return curExc.isNull ? newRef(pyNotImplemented).raw : 0 }
        let n = strCount(x), times = max(0, k)
        let (total, overflow) = n.multipliedReportingOverflow(by: times)
        if overflow || total > 1 << 40 { return raise(memoryErrorType, "").raw }
        let out = allocStr(n * times)
        for r in 0..<times { (strData(out) + r * n).update(from: strData(x), count: n) }
        out.payload(StrObject.self).pointee.maxChar = x.payload(StrObject.self).pointee.maxChar
        return out.raw
    }
    t.pointee.nb[6] = { a, b in
        let x = PyValue(raw: a)
        if !isInstance(x, strType) { return newRef(pyNotImplemented).raw }
        let y = PyValue(raw: b)
        // No conversion and nothing to convert: CPython's writer returns the string itself.
        if y.type == tupleType && tupleCount(y) == 0 && !strBuffer(x).contains(37) { return newRef(x).raw }
        return strPercentFormat(x, y).raw
    }
    t.pointee.getitem = { a, k in
        let v = PyValue(raw: a), key = PyValue(raw: k)
        let n = strCount(v)
        if key.type == sliceType {
            guard let (start, stop, step, _) = sliceIndices(key, n) else { return 0 }
            return strSlice(v, start, stop, step).raw
        }
        guard let i = indexValue(key) else {
            if !curExc.isNull { return 0 }
            return raise(typeErrorType, "string indices must be integers, not '\(typeName(key))'").raw
        }
        let j = i < 0 ? i + n : i
        if j < 0 || j >= n { return raise(indexErrorType, "string index out of range").raw }
        return strChar(strData(v)[j]).raw
    }
    t.pointee.contains = { a, k in
        let key = PyValue(raw: k)
        if !isInstance(key, strType) {
            return raiseInt(typeErrorType, "'in <string>' requires string as left operand, not \(typeName(key))")
        }
        return strFind(PyValue(raw: a), key) >= 0 ? 1 : 0
    }
    t.pointee.iter = { newSeqIter(PyValue(raw: $0), strIterType).raw }
    t.pointee.new = { _, p, n, kw in
        if n == 0 { return newStrASCII("").raw }
        return objectStr(PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }

    addMethod(t, "join") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("str.join", 1, 1) else { return 0 }
        guard let items = collectIterable(a[0]) else { return 0 }
        defer { for x in items { decref(x) } }
        let sep = PyValue(raw: s)
        var out: [UInt32] = []
        for (i, x) in items.enumerated() {
            if !isInstance(x, strType) {
                return raise(typeErrorType, "sequence item \(i): expected str instance, \(typeName(x)) found").raw
            }
            if i > 0 { out += strBuffer(sep) }
            out += strBuffer(x)
        }
        return newStr(codePoints: out).raw
    }
    addMethod(t, "split") { s, p, n, kw in strSplit(PyValue(raw: s), Args(p, n, kw), right: false).raw }
    addMethod(t, "rsplit") { s, p, n, kw in strSplit(PyValue(raw: s), Args(p, n, kw), right: true).raw }
    addMethod(t, "strip") { s, p, n, kw in strStrip(PyValue(raw: s), Args(p, n, kw), left: true, right: true).raw }
    addMethod(t, "lstrip") { s, p, n, kw in strStrip(PyValue(raw: s), Args(p, n, kw), left: true, right: false).raw }
    addMethod(t, "rstrip") { s, p, n, kw in strStrip(PyValue(raw: s), Args(p, n, kw), left: false, right: true).raw }
    addMethod(t, "upper") { s, _, _, _ in newStr(strSwift(PyValue(raw: s)).uppercased()).raw }
    addMethod(t, "lower") { s, _, _, _ in newStr(strSwift(PyValue(raw: s)).lowercased()).raw }
    addMethod(t, "casefold") { s, _, _, _ in newStr(strSwift(PyValue(raw: s)).lowercased()).raw }
    addMethod(t, "swapcase") { s, _, _, _ in
        newStr(String(strSwift(PyValue(raw: s)).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })).raw
    }
    addMethod(t, "capitalize") { s, _, _, _ in
        let str = strSwift(PyValue(raw: s))
        return newStr(str.prefix(1).uppercased() + str.dropFirst().lowercased()).raw
    }
    addMethod(t, "title") { s, _, _, _ in
        var out = ""
        var prevCased = false
        for ch in strSwift(PyValue(raw: s)) {
            out += prevCased ? ch.lowercased() : ch.uppercased()
            prevCased = ch.isLetter
        }
        return newStr(out).raw
    }
    addMethod(t, "replace") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("replace", 2, 3) else { return 0 }
        guard strArg(a[0], "replace() argument 1", ""), strArg(a[1], "replace() argument 2", "") else { return 0 }
        var count = -1
        if n == 3 { guard let c = indexValueOrRaise(a[2]) else { return 0 }; count = c }
        return strReplace(PyValue(raw: s), a[0], a[1], count).raw
    }
    addMethod(t, "startswith") { s, p, n, kw in strAffix(PyValue(raw: s), Args(p, n, kw), suffix: false).raw }
    addMethod(t, "endswith") { s, p, n, kw in strAffix(PyValue(raw: s), Args(p, n, kw), suffix: true).raw }
    addMethod(t, "find") { s, p, n, kw in strFindMethod(PyValue(raw: s), Args(p, n, kw), raising: false, reverse: false).raw }
    addMethod(t, "rfind") { s, p, n, kw in strFindMethod(PyValue(raw: s), Args(p, n, kw), raising: false, reverse: true).raw }
    addMethod(t, "index") { s, p, n, kw in strFindMethod(PyValue(raw: s), Args(p, n, kw), raising: true, reverse: false).raw }
    addMethod(t, "rindex") { s, p, n, kw in strFindMethod(PyValue(raw: s), Args(p, n, kw), raising: true, reverse: true).raw }
    addMethod(t, "count") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("count", 1, 3), strArg(a[0], "must be str, not", "") else { return 0 }
        let hay = PyValue(raw: s), needle = a[0]
        let m = strCount(needle)
        if m == 0 { return makeInt(strCount(hay) + 1).raw }
        var c = 0, i = 0
        while true {
            let j = strFind(hay, needle, from: i)
            if j < 0 { break }
            c += 1; i = j + m
        }
        return makeInt(c).raw
    }
    addMethod(t, "center") { s, p, n, kw in strPad(PyValue(raw: s), Args(p, n, kw), "^").raw }
    addMethod(t, "ljust") { s, p, n, kw in strPad(PyValue(raw: s), Args(p, n, kw), "<").raw }
    addMethod(t, "rjust") { s, p, n, kw in strPad(PyValue(raw: s), Args(p, n, kw), ">").raw }
    addMethod(t, "zfill") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("zfill", 1, 1), let w = indexValueOrRaise(a[0]) else { return 0 }
        var str = strSwift(PyValue(raw: s))
        if str.count >= w { return newRef(PyValue(raw: s)).raw }
        var sign = ""
        if str.hasPrefix("-") || str.hasPrefix("+") { sign = String(str.removeFirst()) }
        return newStr(sign + String(repeating: "0", count: w - str.count - sign.count) + str).raw
    }
    addMethod(t, "splitlines") { s, p, n, kw in
        let a = Args(p, n, kw)
        let keep = a.n > 0 ? isTrue(a[0]) == 1 : (a.keyword("keepends").isNull ? false : isTrue(a.keyword("keepends")) == 1)
        let buf = Array(strBuffer(PyValue(raw: s)))
        var out: [PyValue] = []
        var start = 0, i = 0
        while i < buf.count {
            let c = buf[i]
            if c == 10 || c == 13 || c == 11 || c == 12 || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029 {
                var end = i + 1
                if c == 13 && i + 1 < buf.count && buf[i + 1] == 10 { end = i + 2 }
                out.append(newStr(codePoints: buf[start..<(keep ? end : i)]))
                start = end; i = end
            } else { i += 1 }
        }
        if start < buf.count { out.append(newStr(codePoints: buf[start...])) }
        return newList(out).raw
    }
    addMethod(t, "partition") { s, p, n, kw in strPartition(PyValue(raw: s), Args(p, n, kw), reverse: false).raw }
    addMethod(t, "rpartition") { s, p, n, kw in strPartition(PyValue(raw: s), Args(p, n, kw), reverse: true).raw }
    addMethod(t, "format") { s, p, n, kw in strFormatMethod(PyValue(raw: s), Args(p, n, kw)).raw }
    addMethod(t, "encode") { s, _, _, _ in newBytes(Array(strSwift(PyValue(raw: s)).utf8)).raw }
    addMethod(t, "__format__") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("__format__", 1, 1) else { return 0 }
        return builtinFormat(PyValue(raw: s), a[0]).raw
    }
}

func strSplit(_ s: PyValue, _ a: Args, right: Bool) -> PyValue {
    for k in 0..<a.kwCount where !["sep", "maxsplit"].contains(strSwift(tupleItem(a.kw, k))) {
        return raise(typeErrorType, "'\(strSwift(tupleItem(a.kw, k)))' is an invalid keyword argument for \(right ? "rsplit" : "split")()")
    }
    var sep = a.n > 0 ? a[0] : a.keyword("sep")
    if sep == pyNone { sep = .null }
    var maxsplit = -1
    let ms = a.n > 1 ? a[1] : a.keyword("maxsplit")
    if !ms.isNull { guard let m = indexValueOrRaise(ms) else { return .null }; maxsplit = m }
    let buf = Array(strBuffer(s))
    var parts: [[UInt32]] = []
    if sep.isNull {
        if !right {
            var i = 0
            while i < buf.count {
                while i < buf.count && isPySpace(buf[i]) { i += 1 }
                if i >= buf.count { break }
                if maxsplit >= 0 && parts.count == maxsplit {
                    parts.append(Array(buf[i..<buf.count])); break
                }
                let start = i
                while i < buf.count && !isPySpace(buf[i]) { i += 1 }
                parts.append(Array(buf[start..<i]))
            }
        } else {
            var i = buf.count
            while i > 0 {
                while i > 0 && isPySpace(buf[i - 1]) { i -= 1 }
                if i == 0 { break }
                if maxsplit >= 0 && parts.count == maxsplit {
                    parts.append(Array(buf[0..<i])); break
                }
                let end = i
                while i > 0 && !isPySpace(buf[i - 1]) { i -= 1 }
                parts.append(Array(buf[i..<end]))
            }
            parts.reverse()
        }
    } else {
        guard isInstance(sep, strType) else { return raise(typeErrorType, "must be str or None, not \(typeName(sep))") }
        let sp = Array(strBuffer(sep))
        if sp.isEmpty { return raise(valueErrorType, "empty separator") }
        func matches(_ at: Int) -> Bool {
            if at < 0 || at + sp.count > buf.count { return false }
            for k in 0..<sp.count where buf[at + k] != sp[k] { return false }
            return true
        }
        if !right {
            var start = 0, i = 0
            while i <= buf.count - sp.count {
                if (maxsplit < 0 || parts.count < maxsplit) && matches(i) {
                    parts.append(Array(buf[start..<i])); i += sp.count; start = i
                } else { i += 1 }
            }
            parts.append(Array(buf[start...]))
        } else {
            var end = buf.count, i = buf.count - sp.count
            while i >= 0 {
                if (maxsplit < 0 || parts.count < maxsplit) && matches(i) {
                    parts.append(Array(buf[(i + sp.count)..<end])); end = i; i -= sp.count
                } else { i -= 1 }
            }
            parts.append(Array(buf[0..<end]))
            parts.reverse()
        }
    }
    return newList(parts.map { newStr(codePoints: $0) })
}

func strStrip(_ s: PyValue, _ a: Args, left: Bool, right: Bool) -> PyValue {
    let buf = Array(strBuffer(s))
    var chars: Set<UInt32>? = nil
    if a.n > 0 && a[0] != pyNone {
        guard isInstance(a[0], strType) else { return raise(typeErrorType, "strip arg must be None or str") }
        chars = Set(strBuffer(a[0]))
    }
    func strip(_ c: UInt32) -> Bool { chars.map { $0.contains(c) } ?? isPySpace(c) }
    var i = 0, j = buf.count
    if left { while i < j && strip(buf[i]) { i += 1 } }
    if right { while j > i && strip(buf[j - 1]) { j -= 1 } }
    return newStr(codePoints: buf[i..<j])
}

func strReplace(_ s: PyValue, _ old: PyValue, _ new: PyValue, _ count: Int) -> PyValue {
    let buf = Array(strBuffer(s)), o = Array(strBuffer(old)), nw = Array(strBuffer(new))
    var out: [UInt32] = []
    var done = 0
    if o.isEmpty {
        for (k, c) in buf.enumerated() {
            if count < 0 || done < count { out += nw; done += 1 }
            out.append(c)
            _ = k
        }
        if count < 0 || done < count { out += nw }
        return newStr(codePoints: out)
    }
    var i = 0
    while i < buf.count {
        if (count < 0 || done < count) && i + o.count <= buf.count && Array(buf[i..<(i + o.count)]) == o {
            out += nw; i += o.count; done += 1
        } else { out.append(buf[i]); i += 1 }
    }
    return newStr(codePoints: out)
}

func strAffix(_ s: PyValue, _ a: Args, suffix: Bool) -> PyValue {
    guard a.count(suffix ? "endswith" : "startswith", 1, 3) else { return .null }
    let buf = Array(strBuffer(s))
    var start = 0, end = buf.count
    if a.n > 1 && a[1] != pyNone { guard let v = indexValueOrRaise(a[1]) else { return .null }; start = v < 0 ? max(0, v + buf.count) : min(v, buf.count) }
    if a.n > 2 && a[2] != pyNone { guard let v = indexValueOrRaise(a[2]) else { return .null }; end = v < 0 ? max(0, v + buf.count) : min(v, buf.count) }
    var cands: [PyValue] = []
    if a[0].type == tupleType { cands = (0..<tupleCount(a[0])).map { tupleItem(a[0], $0) } } else { cands = [a[0]] }
    for c in cands {
        if !isInstance(c, strType) {
            return raise(typeErrorType, "\(suffix ? "endswith" : "startswith") first arg must be str or a tuple of str, not \(typeName(c))")
        }
        let x = Array(strBuffer(c))
        if end - start < x.count { continue }
        let slice = suffix ? Array(buf[(end - x.count)..<end]) : Array(buf[start..<(start + x.count)])
        if slice == x { return newRef(pyTrue) }
    }
    return newRef(pyFalse)
}

func strFindMethod(_ s: PyValue, _ a: Args, raising: Bool, reverse: Bool) -> PyValue {
    guard a.count(raising ? "index" : "find", 1, 3) else { return .null }
    guard strArg(a[0], "must be str, not", "") else { return .null }
    let n = strCount(s)
    var start = 0, end = n
    if a.n > 1 && a[1] != pyNone { guard let v = indexValueOrRaise(a[1]) else { return .null }; start = v < 0 ? max(0, v + n) : v }
    if a.n > 2 && a[2] != pyNone { guard let v = indexValueOrRaise(a[2]) else { return .null }; end = v < 0 ? max(0, v + n) : min(v, n) }
    var r = -1
    if start <= end {
        if !reverse { r = strFind(s, a[0], from: start, to: end) } else {
            var i = start
            while true {
                let j = strFind(s, a[0], from: i, to: end)
                if j < 0 { break }
                r = j; i = j + 1
                if i > end { break }
            }
        }
    }
    if r < 0 && raising { return raise(valueErrorType, "substring not found") }
    return makeInt(r)
}

func strPad(_ s: PyValue, _ a: Args, _ align: Character) -> PyValue {
    guard a.count("pad", 1, 2), let w = indexValueOrRaise(a[0]) else { return .null }
    var fill: Character = " "
    if a.n > 1 {
        guard isInstance(a[1], strType), strCount(a[1]) == 1 else {
            return raise(typeErrorType, "The fill character must be exactly one character long")
        }
        fill = Character(Unicode.Scalar(strData(a[1])[0]) ?? " ")
    }
    let str = strSwift(s)
    let len = strCount(s)
    if len >= w { return newRef(s) }
    let pad = w - len
    let f = String(fill)
    switch align {
    case "<": return newStr(str + String(repeating: f, count: pad))
    case ">": return newStr(String(repeating: f, count: pad) + str)
    default:
        // CPython's center: left = pad/2 + (pad & width & 1)
        let left = pad / 2 + (pad & w & 1)
        return newStr(String(repeating: f, count: left) + str + String(repeating: f, count: pad - left))
    }
}

func strPartition(_ s: PyValue, _ a: Args, reverse: Bool) -> PyValue {
    guard a.count("partition", 1, 1), strArg(a[0], "must be str, not", "") else { return .null }
    if strCount(a[0]) == 0 { return raise(valueErrorType, "empty separator") }
    var idx = -1
    if !reverse { idx = strFind(s, a[0]) } else {
        var i = 0
        while true { let j = strFind(s, a[0], from: i); if j < 0 { break }; idx = j; i = j + 1 }
    }
    let n = strCount(s), m = strCount(a[0])
    if idx < 0 {
        return reverse ? newTuple([newStrASCII(""), newStrASCII(""), newRef(s)]) : newTuple([newRef(s), newStrASCII(""), newStrASCII("")])
    }
    return newTuple([strSlice(s, 0, idx, 1), newRef(a[0]), strSlice(s, idx + m, n, 1)])
}

/// str.format: {} {0} {name} {x.attr} {x[0]} with !r/!s/!a and :spec (CPython: Objects/stringlib/unicode_format.h).
func strFormatMethod(_ s: PyValue, _ a: Args) -> PyValue {
    let f = Array(strBuffer(s))
    var out: [UInt32] = []
    var auto = 0
    var i = 0
    while i < f.count {
        let c = f[i]
        if c == 123 { // {
            if i + 1 < f.count && f[i + 1] == 123 { out.append(123); i += 2; continue }
            var j = i + 1, depth = 1
            while j < f.count { if f[j] == 123 { depth += 1 } else if f[j] == 125 { depth -= 1; if depth == 0 { break } }; j += 1 }
            if j >= f.count { return raise(valueErrorType, "expected '}' before end of string") }
            let field = String(String.UnicodeScalarView(f[(i + 1)..<j].compactMap { Unicode.Scalar($0) }))
            i = j + 1
            var name = field, conv: Character? = nil, spec = ""
            if let colon = field.firstIndex(of: ":") { spec = String(field[field.index(after: colon)...]); name = String(field[..<colon]) }
            if let bang = name.firstIndex(of: "!") { conv = name[name.index(after: bang)...].first; name = String(name[..<bang]) }
            // First part: index or keyword; then .attr / [key] chains.
            var head = name
            var rest = ""
            if let k = name.firstIndex(where: { $0 == "." || $0 == "[" }) { head = String(name[..<k]); rest = String(name[k...]) }
            var obj: PyValue
            if head.isEmpty {
                if auto < 0 { return raise(valueErrorType, "cannot switch from manual field specification to automatic field numbering") }
                if auto >= a.n { return raise(indexErrorType, "Replacement index \(auto) out of range for positional args tuple") }
                obj = newRef(a[auto]); auto += 1
            } else if let idx = Int(head) {
                if auto > 0 { return raise(valueErrorType, "cannot switch from automatic field numbering to manual field specification") }
                auto = -1
                if idx >= a.n { return raise(indexErrorType, "Replacement index \(idx) out of range for positional args tuple") }
                obj = newRef(a[idx])
            } else {
                let v = a.keyword(head)
                if v.isNull { setException(newException(keyErrorType, args: newTuple([newStr(head)]))); return .null }
                obj = newRef(v)
            }
            while !rest.isEmpty {
                if rest.hasPrefix(".") {
                    rest.removeFirst()
                    let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                    let attr = String(rest[..<end]); rest = String(rest[end...])
                    let v = getAttr(obj, newStr(attr)); decref(obj)
                    if v.isNull { return .null }
                    obj = v
                } else {
                    guard let close = rest.firstIndex(of: "]") else { return raise(valueErrorType, "Missing ']' in format string") }
                    let key = String(rest[rest.index(after: rest.startIndex)..<close]); rest = String(rest[rest.index(after: close)...])
                    let k = Int(key).map { makeInt($0) } ?? newStr(key)
                    let v = getItem(obj, k); decref(k); decref(obj)
                    if v.isNull { return .null }
                    obj = v
                }
            }
            if let cv = conv {
                let r = cv == "r" ? objectRepr(obj) : (cv == "a" ? objectAscii(obj) : objectStr(obj))
                decref(obj)
                if r.isNull { return .null }
                obj = r
            }
            // Nested fields in the spec ({:{width}}).
            if spec.contains("{") {
                let nested = strFormatMethod(newStr(spec), a)
                if nested.isNull { decref(obj); return .null }
                spec = strSwift(nested); decref(nested)
            }
            let r = formatObject(obj, newStr(spec))
            decref(obj)
            if r.isNull { return .null }
            out += strBuffer(r)
            decref(r)
        } else if c == 125 { // }
            if i + 1 < f.count && f[i + 1] == 125 { out.append(125); i += 2; continue }
            return raise(valueErrorType, "Single '}' encountered in format string")
        } else { out.append(c); i += 1 }
    }
    return newStr(codePoints: out)
}

func installListMethods() {
    let t = listType!
    addMethod(t, "append") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("list.append", 1, 1) else { return 0 }
        listAppendSteal(PyValue(raw: s), newRef(a[0]))
        return newRef(pyNone).raw
    }
    addMethod(t, "extend") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("list.extend", 1, 1) else { return 0 }
        return listExtend(PyValue(raw: s), a[0]) ? newRef(pyNone).raw : 0
    }
    addMethod(t, "pop") { s, p, n, kw in
        let a = Args(p, n, kw)
        let l = PyValue(raw: s)
        let c = listCount(l)
        var i = c - 1
        if n > 0 { guard let k = indexValueOrRaise(a[0]) else { return 0 }; i = k < 0 ? k + c : k }
        if c == 0 { return raise(indexErrorType, "pop from empty list").raw }
        if i < 0 || i >= c { return raise(indexErrorType, "pop index out of range").raw }
        let items = listItems(l)
        let v = items[i]
        for m in i..<(c - 1) { items[m] = items[m + 1] }
        listResize(l, c - 1)
        listPtr(l).pointee.count = c - 1
        return v.raw
    }
    addMethod(t, "insert") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("insert", 2, 2), var i = indexValueOrRaise(a[0]) else { return 0 }
        let l = PyValue(raw: s)
        let c = listCount(l)
        if i < 0 { i = max(0, i + c) } else if i > c { i = c }
        listAppendSteal(l, newRef(a[1]))
        let items = listItems(l)
        var m = c
        while m > i { items[m] = items[m - 1]; m -= 1 }
        items[i] = a[1]
        return newRef(pyNone).raw
    }
    addMethod(t, "remove") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("list.remove", 1, 1) else { return 0 }
        let l = PyValue(raw: s)
        for i in 0..<listCount(l) {
            let r = richCompareBool(listItems(l)[i], a[0], 2)
            if r < 0 { return 0 }
            if r == 1 {
                let items = listItems(l), c = listCount(l)
                let v = items[i]
                for m in i..<(c - 1) { items[m] = items[m + 1] }
                listResize(l, c - 1)
                listPtr(l).pointee.count = c - 1
                decref(v)
                return newRef(pyNone).raw
            }
        }
        return raise(valueErrorType, "list.remove(x): x not in list").raw
    }
    addMethod(t, "index") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("index", 1, 3) else { return 0 }
        let l = PyValue(raw: s)
        guard let (start, stop) = sequenceIndexBounds(a, listCount(l)) else { return 0 }
        var i = start
        while i < min(stop, listCount(l)) {
            let r = richCompareBool(listItems(l)[i], a[0], 2)
            if r < 0 { return 0 }
            if r == 1 { return makeInt(i).raw }
            i += 1
        }
        let rep = objectRepr(a[0])
        if rep.isNull { return 0 }
        defer { decref(rep) }
        return raise(valueErrorType, "\(strSwift(rep)) is not in list").raw
    }
    addMethod(t, "count") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("list.count", 1, 1) else { return 0 }
        let l = PyValue(raw: s)
        var c = 0
        for i in 0..<listCount(l) {
            let r = richCompareBool(listItems(l)[i], a[0], 2)
            if r < 0 { return 0 }
            c += r
        }
        return makeInt(c).raw
    }
    addMethod(t, "reverse") { s, _, _, _ in
        let l = PyValue(raw: s)
        let items = listItems(l)
        var i = 0, j = listCount(l) - 1
        while i < j { let x = items[i]; items[i] = items[j]; items[j] = x; i += 1; j -= 1 }
        return newRef(pyNone).raw
    }
    addMethod(t, "sort") { s, p, n, kw in
        let a = Args(p, n, kw)
        if n > 0 { return raise(typeErrorType, "sort() takes no positional arguments").raw }
        guard sortKeywordsValid(a) else { return 0 }
        guard let rev = sortReverseFlag(a) else { return 0 }
        return listSort(PyValue(raw: s), key: a.keyword("key"), reverse: rev) ? newRef(pyNone).raw : 0
    }
    addMethod(t, "copy") { s, _, _, _ in
        let out = newList()
        _ = listExtend(out, PyValue(raw: s))
        return out.raw
    }
    addMethod(t, "clear") { s, _, _, _ in
        let l = PyValue(raw: s)
        let n = listCount(l)
        let old = (0..<n).map { listItems(l)[$0] }
        listResize(l, 0)
        listPtr(l).pointee.count = 0
        for v in old.reversed() { decref(v) }
        return newRef(pyNone).raw
    }
    let tt = tupleType!
    addMethod(tt, "index") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("index", 1, 3) else { return 0 }
        let v = PyValue(raw: s)
        guard let (start, stop) = sequenceIndexBounds(a, tupleCount(v)) else { return 0 }
        var i = start
        while i < min(stop, tupleCount(v)) {
            let r = richCompareBool(tupleItem(v, i), a[0], 2)
            if r < 0 { return 0 }
            if r == 1 { return makeInt(i).raw }
            i += 1
        }
        return raise(valueErrorType, "tuple.index(x): x not in tuple").raw
    }
    addMethod(tt, "count") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("tuple.count", 1, 1) else { return 0 }
        let v = PyValue(raw: s)
        var c = 0
        for i in 0..<tupleCount(v) {
            let r = richCompareBool(tupleItem(v, i), a[0], 2)
            if r < 0 { return 0 }
            c += r
        }
        return makeInt(c).raw
    }
}

func installDictMethods() {
    let t = dictType!
    addMethod(t, "get") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("get", 1, 2) else { return 0 }
        let r = dictGetItem(PyValue(raw: s), a[0])
        if r.isNull {
            if !curExc.isNull { return 0 }
            return newRef(n > 1 ? a[1] : pyNone).raw
        }
        return newRef(r).raw
    }
    addMethod(t, "keys") { s, _, _, _ in newIter(dictKeysType, seq: PyValue(raw: s)).raw }
    addMethod(t, "values") { s, _, _, _ in newIter(dictValuesType, seq: PyValue(raw: s)).raw }
    addMethod(t, "items") { s, _, _, _ in newIter(dictItemsType, seq: PyValue(raw: s)).raw }
    addMethod(t, "pop") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("pop", 1, 2) else { return 0 }
        let d = PyValue(raw: s)
        let r = dictGetItem(d, a[0])
        if r.isNull {
            if !curExc.isNull { return 0 }
            if n > 1 { return newRef(a[1]).raw }
            setException(newException(keyErrorType, args: newTuple([newRef(a[0])])))
            return 0
        }
        incref(r)
        _ = dictDelItem(d, a[0])
        return r.raw
    }
    addMethod(t, "popitem") { s, _, _, _ in
        let d = PyValue(raw: s)
        let dp = dictPtr(d)
        var i = dp.pointee.nentries - 1
        while i >= 0 && dp.pointee.entries[i].key.isNull { i -= 1 }
        if i < 0 { setException(newException(keyErrorType, args: newTuple([newStr("popitem(): dictionary is empty")]))); return 0 }
        let e = dp.pointee.entries[i]
        let r = newTuple([newRef(e.key), newRef(e.value)])
        _ = dictDelItem(d, e.key)
        return r.raw
    }
    addMethod(t, "setdefault") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("setdefault", 1, 2) else { return 0 }
        let d = PyValue(raw: s)
        let r = dictGetItem(d, a[0])
        if !r.isNull { return newRef(r).raw }
        if !curExc.isNull { return 0 }
        let v = n > 1 ? a[1] : pyNone
        if dictSetItem(d, a[0], v) < 0 { return 0 }
        return newRef(v).raw
    }
    addMethod(t, "update") { s, p, n, kw in
        let a = Args(p, n, kw)
        let d = PyValue(raw: s)
        if n > 1 { return raise(typeErrorType, "update expected at most 1 argument, got \(n)").raw }
        if n > 0 && !dictUpdate(d, a[0]) { return 0 }
        for i in 0..<a.kwCount { if dictSetItem(d, tupleItem(a.kw, i), a[n + i]) < 0 { return 0 } }
        return newRef(pyNone).raw
    }
    addMethod(t, "copy") { s, _, _, _ in dictCopy(PyValue(raw: s)).raw }
    addMethod(t, "clear") { s, _, _, _ in dictClear(PyValue(raw: s)); return newRef(pyNone).raw }
    let fk = newBuiltin("fromkeys", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("fromkeys", 1, 2) else { return 0 }
        let d = newDict()
        guard let keys = collectIterable(a[0]) else { return 0 }
        for k in keys { _ = dictSetItem(d, k, n > 1 ? a[1] : pyNone); decref(k) }
        return d.raw
    })
    _ = dictSetItem(t.pointee.dict, internStr("fromkeys"), fk)
}

func installObjectMethods() {
    let o = objectType!
    addMethod(o, "__init__") { s, p, n, kw in objectInit(s, p, n, kw) < 0 ? 0 : newRef(pyNone).raw }
    addMethod(o, "__repr__") { s, _, _, _ in
        let v = PyValue(raw: s)
        return newStr("<\(qualifiedTypeName(v.type)) object at \(addressString(v))>").raw
    }
    addMethod(o, "__str__") { s, _, _, _ in objectRepr(PyValue(raw: s)).raw }
    addMethod(o, "__eq__") { s, p, _, _ in
        newRef(PyValue(raw: s) == PyValue(raw: p.unsafelyUnwrapped[0]) ? pyTrue : pyNotImplemented).raw
    }
    addMethod(o, "__ne__") { s, p, _, _ in
        // CPython: object_richcompare(NE) asks only self's own __eq__ slot, not the reflected one.
        guard let eq = PyValue(raw: s).type.pointee.richcompare else {
            return newRef(s == p.unsafelyUnwrapped[0] ? pyFalse : pyNotImplemented).raw
        }
        let r = PyValue(raw: eq(s, p.unsafelyUnwrapped[0], 2))
        if r.isNull { return 0 }
        defer { decref(r) }
        if r == pyNotImplemented { return newRef(pyNotImplemented).raw }
        return newRef(makeBool(isTrue(r) == 0)).raw
    }
    addMethod(o, "__hash__") { s, _, _, _ in makeInt(Int(bitPattern: PyValue(raw: s).raw >> 4)).raw }
    addMethod(o, "__setattr__") { s, p, n, _ in
        genericSetAttr(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: p.unsafelyUnwrapped[1])) < 0 ? 0 : newRef(pyNone).raw
    }
    addMethod(o, "__getattribute__") { s, p, _, _ in genericGetAttr(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0])).raw }
    addMethod(o, "__delattr__") { s, p, _, _ in
        genericSetAttr(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), .null) < 0 ? 0 : newRef(pyNone).raw
    }
    addMethod(o, "__format__") { s, p, n, _ in
        let spec = PyValue(raw: p.unsafelyUnwrapped[0])
        if strCount(spec) > 0 { return raise(typeErrorType, "unsupported format string passed to \(typeName(PyValue(raw: s))).__format__").raw }
        return objectStr(PyValue(raw: s)).raw
    }
    let newFn = newBuiltin("__new__", { _, p, n, kw in
        if n < 1 { return raise(typeErrorType, "object.__new__(): not enough arguments").raw }
        let cls = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isType(cls) { return raise(typeErrorType, "object.__new__(X): X is not a type object (\(typeName(cls)))").raw }
        let t = asType(cls)
        let size = t.pointee.basicSize
        if isSubtype(t, baseExceptionType) { return exceptionNew(cls.raw, p.map { $0 + 1 }, n - 1, 0) }
        let obj = allocObject(PyObject.self, t, extra: size - MemoryLayout<PyObject>.stride)
        (UnsafeMutableRawPointer(obj) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
        return UInt(bitPattern: obj)
    })
    let sm = newWrapper(staticMethodType, newFn)
    _ = dictSetItem(o.pointee.dict, internStr("__new__"), sm)
    let isub = newBuiltin("__init_subclass__", { _, _, _, _ in newRef(pyNone).raw })
    _ = dictSetItem(o.pointee.dict, internStr("__init_subclass__"), newWrapper(staticMethodType, isub))

    let e = baseExceptionType!
    addMethod(e, "__init__") { s, p, n, kw in exceptionInit(s, p, n, kw) < 0 ? 0 : newRef(pyNone).raw }
    addMethod(e, "__str__") { s, _, _, _ in exceptionStr(PyValue(raw: s)).raw }
    addMethod(e, "__repr__") { s, _, _, _ in exceptionReprSlot(s) }
    // CPython: BaseException_with_traceback
    addMethod(e, "with_traceback") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "BaseException.with_traceback() takes exactly one argument (\(n) given)").raw }
        if setExceptionTraceback(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0])) < 0 { return 0 }
        return newRef(PyValue(raw: s)).raw
    }
    e.pointee.getattro = { o, nm in
        let v = PyValue(raw: o)
        let ep = v.payload(ExceptionObject.self)
        switch attrKey(PyValue(raw: nm)) {
        case "args": return newRef(ep.pointee.args).raw
        case "__cause__": return newRef(ep.pointee.cause.isNull ? pyNone : ep.pointee.cause).raw
        case "__context__": return newRef(ep.pointee.context.isNull ? pyNone : ep.pointee.context).raw
        case "__suppress_context__": return newRef(makeBool(ep.pointee.suppressContext)).raw
        case "__traceback__": return exceptionTraceback(v).raw
        case "value" where isInstance(v, stopIterationType):
            return newRef(tupleCount(ep.pointee.args) > 0 ? tupleItem(ep.pointee.args, 0) : pyNone).raw
        case "code" where isInstance(v, systemExitType):
            let a = ep.pointee.args
            return newRef(tupleCount(a) == 0 ? pyNone : (tupleCount(a) == 1 ? tupleItem(a, 0) : a)).raw
        default: return genericGetAttr(v, PyValue(raw: nm)).raw
        }
    }
    e.pointee.setattro = { o, nm, x in
        let v = PyValue(raw: o)
        let ep = v.payload(ExceptionObject.self)
        let value = PyValue(raw: x)
        switch attrKey(PyValue(raw: nm)) {
        case "args":
            guard let items = collectIterable(value) else { return -1 }
            decref(ep.pointee.args); ep.pointee.args = newTuple(items); return 0
        case "__cause__":
            if !value.isNull && value != pyNone && !isInstance(value, baseExceptionType) {
                return raiseInt(typeErrorType, "exception cause must be None or derive from BaseException")
            }
            xdecref(ep.pointee.cause); ep.pointee.cause = value == pyNone ? .null : newRef(value)
            ep.pointee.suppressContext = true
            return 0
        case "__context__" where !value.isNull && value != pyNone && !isInstance(value, baseExceptionType):
            return raiseInt(typeErrorType, "exception context must be None or derive from BaseException")
        case "__context__":
            xdecref(ep.pointee.context); ep.pointee.context = value == pyNone ? .null : newRef(value); return 0
        case "__suppress_context__": ep.pointee.suppressContext = isTrue(value) == 1; return 0
        case "__traceback__": return setExceptionTraceback(v, value)
        default: return genericSetAttr(v, PyValue(raw: nm), value)
        }
    }
    for (_, t) in exceptionTypes where t != e { t.pointee.getattro = e.pointee.getattro; t.pointee.setattro = e.pointee.setattro }
}

func qualifiedTypeName(_ t: TypePtr) -> String {
    if t.pointee.isHeapType {
        let mod = typeLookupOwn(t, "__module__")
        let qn = typeQualname(t)
        if !mod.isNull && mod.type == strType && strSwift(mod) != "builtins" { return strSwift(mod) + "." + qn }
        return qn
    }
    return t.pointee.name
}
