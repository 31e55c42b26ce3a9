import KaaCore

/// str methods that depend on Unicode character properties (CPython: Objects/unicodeobject.c do_upper, do_lower,
/// do_casefold, do_title, do_capitalize, do_swapcase, the unicode_isX family, handle_capital_sigma) and the rest of
/// str's method set: encode, maketrans/translate, expandtabs, removeprefix/removesuffix, format_map, center/ljust/
/// rjust/zfill/count with CPython's argument rules. Properties and mappings come from KaaCore's UnicodeType (tables
/// generated from CPython 3.11, Unicode 14.0.0).

func uIsLowercase(_ c: UInt32) -> Bool { c < 128 ? (c >= 97 && c <= 122) : UnicodeType.isLower(c) }
func uIsUppercase(_ c: UInt32) -> Bool { c < 128 ? (c >= 65 && c <= 90) : UnicodeType.isUpper(c) }
func uIsTitlecase(_ c: UInt32) -> Bool { c >= 128 && UnicodeType.isTitle(c) }
func uIsCased(_ c: UInt32) -> Bool { UnicodeType.isCased(c) }
func uIsCaseIgnorable(_ c: UInt32) -> Bool { UnicodeType.isCaseIgnorable(c) }
func uIsAlpha(_ c: UInt32) -> Bool {
    c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : UnicodeType.isAlpha(c)
}
func uIsDecimal(_ c: UInt32) -> Bool { c < 128 ? (c >= 48 && c <= 57) : UnicodeType.isDecimal(c) }
func uIsDigit(_ c: UInt32) -> Bool { c < 128 ? (c >= 48 && c <= 57) : UnicodeType.isDigit(c) }
func uIsNumeric(_ c: UInt32) -> Bool { c < 128 ? (c >= 48 && c <= 57) : UnicodeType.isNumeric(c) }
func uIsAlnum(_ c: UInt32) -> Bool {
    c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : UnicodeType.isAlnum(c)
}

@inline(__always) func uAppendUpper(_ c: UInt32, _ out: inout [UInt32]) {
    if c < 128 { out.append(c >= 97 && c <= 122 ? c - 32 : c) } else { UnicodeType.appendUpper(c, to: &out) }
}
@inline(__always) func uAppendTitle(_ c: UInt32, _ out: inout [UInt32]) {
    if c < 128 { out.append(c >= 97 && c <= 122 ? c - 32 : c) } else { UnicodeType.appendTitle(c, to: &out) }
}
/// CPython: lower_ucs4 (full lowercase with the Final_Sigma context for U+03A3).
@inline(__always) func uAppendLowerAt(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ out: inout [UInt32]) {
    let c = s[i]
    if c < 128 { out.append(c >= 65 && c <= 90 ? c + 32 : c); return }
    if c == 0x3A3 { out.append(finalSigma(s, i) ? 0x3C2 : 0x3C3); return }
    UnicodeType.appendLower(c, to: &out)
}
func uUpperFull(_ c: UInt32) -> [UInt32] { var o: [UInt32] = []; uAppendUpper(c, &o); return o }
func uTitleFull(_ c: UInt32) -> [UInt32] { var o: [UInt32] = []; uAppendTitle(c, &o); return o }
func uLowerAt(_ s: UnsafeBufferPointer<UInt32>, _ i: Int) -> [UInt32] { var o: [UInt32] = []; uAppendLowerAt(s, i, &o); return o }

/// CPython: handle_capital_sigma.
private func finalSigma(_ s: UnsafeBufferPointer<UInt32>, _ i: Int) -> Bool {
    var j = i - 1
    var c: UInt32 = 0
    while j >= 0 { c = s[j]; if !uIsCaseIgnorable(c) { break }; j -= 1 }
    var fin = j >= 0 && uIsCased(c)
    if fin && i + 1 < s.count {
        j = i + 1
        while j < s.count { c = s[j]; if !uIsCaseIgnorable(c) { break }; j += 1 }
        fin = j == s.count || !uIsCased(c)
    }
    return fin
}

func strCaseOp(_ v: PyValue, _ op: Int) -> PyValue {
    let s = strBuffer(v)
    var out: [UInt32] = []
    out.reserveCapacity(s.count)
    switch op {
    case 0: for c in s { uAppendUpper(c, &out) }
    case 1: for i in 0..<s.count { uAppendLowerAt(s, i, &out) }
    case 2: // CPython: do_casefold (no final-sigma context)
        for c in s {
            if c < 128 { out.append(c >= 65 && c <= 90 ? c + 32 : c) } else { UnicodeType.appendFolded(c, to: &out) }
        }
    case 3: // CPython: do_swapcase
        for i in 0..<s.count {
            let c = s[i]
            if uIsUppercase(c) { uAppendLowerAt(s, i, &out) } else if uIsLowercase(c) { uAppendUpper(c, &out) } else { out.append(c) }
        }
    case 4: // CPython: do_capitalize (title case for the first character since 3.8)
        for i in 0..<s.count { if i == 0 { uAppendTitle(s[0], &out) } else { uAppendLowerAt(s, i, &out) } }
    default: // CPython: do_title
        var prevCased = false
        for i in 0..<s.count {
            let c = s[i]
            if prevCased { uAppendLowerAt(s, i, &out) } else { uAppendTitle(c, &out) }
            prevCased = uIsCased(c)
        }
    }
    return newStr(codePoints: out)
}

func strIsPredicate(_ v: PyValue, _ kind: Int) -> Bool {
    let s = strBuffer(v)
    switch kind {
    case 0: return !s.isEmpty && s.allSatisfy(uIsDecimal)
    case 1: return !s.isEmpty && s.allSatisfy(uIsDigit)
    case 2: return !s.isEmpty && s.allSatisfy(uIsNumeric)
    case 3: return !s.isEmpty && s.allSatisfy(uIsAlpha)
    case 4: return !s.isEmpty && s.allSatisfy(uIsAlnum)
    case 5: return !s.isEmpty && s.allSatisfy(isPySpace)
    case 6: return s.allSatisfy { $0 < 128 }
    case 7: return s.allSatisfy { ($0 >= 32 && $0 < 127) || ($0 >= 128 && UnicodeType.isPrintable($0)) }
    case 8:
        var cased = false
        for c in s {
            if uIsUppercase(c) || uIsTitlecase(c) { return false }
            if !cased && uIsLowercase(c) { cased = true }
        }
        return cased
    case 9:
        var cased = false
        for c in s {
            if uIsLowercase(c) || uIsTitlecase(c) { return false }
            if !cased && uIsUppercase(c) { cased = true }
        }
        return cased
    case 10:
        var cased = false, prev = false
        for c in s {
            if uIsUppercase(c) || uIsTitlecase(c) {
                if prev { return false }
                prev = true; cased = true
            } else if uIsLowercase(c) {
                if !prev { return false }
                prev = true; cased = true
            } else { prev = false }
        }
        return cased
    default:
        guard let f = s.first else { return false }
        if !UnicodeType.isIdentifierStart(f) { return false }
        for c in s.dropFirst() where !UnicodeType.isXIDContinue(c) { return false }
        return true
    }
}

/// Optional (start, end) arguments of count/find/startswith as slice bounds.
func strRangeArgs(_ a: Args, from: Int, _ len: Int) -> (Int, Int)? {
    adjustIndices(a.n > from ? a[from] : .null, a.n > from + 1 ? a[from + 1] : .null, len)
}

func strFindIn(_ h: UnsafeBufferPointer<UInt32>, _ n: [UInt32], _ start: Int, _ end: Int, reverse: Bool) -> Int {
    if end - start < n.count || start > h.count { return -1 }
    if n.isEmpty { return reverse ? end : start }
    if !reverse {
        var i = start
        while i + n.count <= end {
            if h[i] == n[0] {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
    } else {
        var i = end - n.count
        while i >= start {
            var k = 0
            while k < n.count && h[i + k] == n[k] { k += 1 }
            if k == n.count { return i }
            i -= 1
        }
    }
    return -1
}

private func fillChar(_ v: PyValue, _ fname: String) -> UInt32? {
    guard isInstance(v, strType) else {
        raise(typeErrorType, "The fill character must be a unicode character, not \(typeName(v))"); return nil
    }
    guard strCount(v) == 1 else {
        raise(typeErrorType, "The fill character must be exactly one character long"); return nil
    }
    return strData(v)[0]
}

private func strPadMethod(_ s: Word, _ a: Args, _ fname: String, _ align: Int) -> PyValue {
    guard a.noKeywords(fname), a.count(fname, 1, 2) else { return .null }
    guard let width = indexValueOrRaise(a[0]) else { return .null }
    var fill: UInt32 = 32
    if a.n > 1 { guard let f = fillChar(a[1], fname) else { return .null }; fill = f }
    let v = PyValue(raw: s)
    let b = strBuffer(v)
    if b.count >= width { return v.type == strType ? newRef(v) : newStr(codePoints: b) }
    let pad = width - b.count
    let left = align == 0 ? 0 : (align == 2 ? pad : pad / 2 + (pad & width & 1))
    return newStr(codePoints: [UInt32](repeating: fill, count: left) + Array(b) + [UInt32](repeating: fill, count: pad - left))
}

func installStrExtras() {
    let t = strType!
    addMethod(t, "upper") { s, _, _, _ in strCaseOp(PyValue(raw: s), 0).raw }
    addMethod(t, "lower") { s, _, _, _ in strCaseOp(PyValue(raw: s), 1).raw }
    addMethod(t, "casefold") { s, _, _, _ in strCaseOp(PyValue(raw: s), 2).raw }
    addMethod(t, "swapcase") { s, _, _, _ in strCaseOp(PyValue(raw: s), 3).raw }
    addMethod(t, "capitalize") { s, _, _, _ in strCaseOp(PyValue(raw: s), 4).raw }
    addMethod(t, "title") { s, _, _, _ in strCaseOp(PyValue(raw: s), 5).raw }
    let preds: [(String, BuiltinFn)] = [
        ("isdecimal", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 0))).raw }),
        ("isdigit", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 1))).raw }),
        ("isnumeric", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 2))).raw }),
        ("isalpha", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 3))).raw }),
        ("isalnum", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 4))).raw }),
        ("isspace", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 5))).raw }),
        ("isascii", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 6))).raw }),
        ("isprintable", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 7))).raw }),
        ("islower", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 8))).raw }),
        ("isupper", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 9))).raw }),
        ("istitle", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 10))).raw }),
        ("isidentifier", { s, _, _, _ in newRef(makeBool(strIsPredicate(PyValue(raw: s), 11))).raw }),
    ]
    for (name, fn) in preds { addMethod(t, name, fn) }
    addMethod(t, "encode") { s, p, n, kw in
        guard let a = Args(p, n, kw).bind("encode", ["encoding", "errors"], required: 0) else { return 0 }
        return strEncode(PyValue(raw: s), a[0], a[1]).raw
    }
    addMethod(t, "center") { s, p, n, kw in strPadMethod(s, Args(p, n, kw), "center", 1).raw }
    addMethod(t, "ljust") { s, p, n, kw in strPadMethod(s, Args(p, n, kw), "ljust", 0).raw }
    addMethod(t, "rjust") { s, p, n, kw in strPadMethod(s, Args(p, n, kw), "rjust", 2).raw }
    addMethod(t, "zfill") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("zfill", 1, 1), let w = indexValueOrRaise(a[0]) else { return 0 }
        let v = PyValue(raw: s)
        let b = Array(strBuffer(v))
        if b.count >= w { return newStr(codePoints: b).raw }
        let fill = w - b.count
        var out = [UInt32](repeating: 48, count: fill) + b
        if let f = b.first, f == 43 || f == 45 { out[0] = f; out[fill] = 48 }
        return newStr(codePoints: out).raw
    }
    addMethod(t, "count") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("count"), a.count("count", 1, 3) else { return 0 }
        guard isInstance(a[0], strType) else { return raise(typeErrorType, "must be str, not \(typeName(a[0]))").raw }
        let h = strBuffer(PyValue(raw: s))
        let needle = Array(strBuffer(a[0]))
        guard let (start, end) = strRangeArgs(a, from: 1, h.count) else { return 0 }
        if start > h.count || end < start { return PyValue.small(0).raw }
        if needle.isEmpty { return makeInt(end - start + 1).raw }
        var c = 0, i = start
        while true {
            let j = strFindIn(h, needle, i, end, reverse: false)
            if j < 0 { break }
            c += 1; i = j + needle.count
        }
        return makeInt(c).raw
    }
    for (name, rev, raising) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
        let fns: [BuiltinFn] = [
            { s, p, n, kw in strFindGeneric(s, Args(p, n, kw), "find", false, false).raw },
            { s, p, n, kw in strFindGeneric(s, Args(p, n, kw), "rfind", true, false).raw },
            { s, p, n, kw in strFindGeneric(s, Args(p, n, kw), "index", false, true).raw },
            { s, p, n, kw in strFindGeneric(s, Args(p, n, kw), "rindex", true, true).raw },
        ]
        addMethod(t, name, fns[(rev ? 1 : 0) + (raising ? 2 : 0)])
    }
    addMethod(t, "startswith") { s, p, n, kw in strAffixGeneric(s, Args(p, n, kw), "startswith", false).raw }
    addMethod(t, "endswith") { s, p, n, kw in strAffixGeneric(s, Args(p, n, kw), "endswith", true).raw }
    addMethod(t, "removeprefix") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("removeprefix", 1, 1), strArg(a[0], "removeprefix() argument", "") else { return 0 }
        let b = Array(strBuffer(PyValue(raw: s))), pre = Array(strBuffer(a[0]))
        if b.count >= pre.count && Array(b[0..<pre.count]) == pre { return newStr(codePoints: b[pre.count...]).raw }
        return newStr(codePoints: b).raw
    }
    addMethod(t, "removesuffix") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("removesuffix", 1, 1), strArg(a[0], "removesuffix() argument", "") else { return 0 }
        let b = Array(strBuffer(PyValue(raw: s))), suf = Array(strBuffer(a[0]))
        if !suf.isEmpty && b.count >= suf.count && Array(b[(b.count - suf.count)...]) == suf {
            return newStr(codePoints: b[0..<(b.count - suf.count)]).raw
        }
        return newStr(codePoints: b).raw
    }
    addMethod(t, "expandtabs") { s, p, n, kw in
        guard let a = Args(p, n, kw).bind("expandtabs", ["tabsize"], required: 0) else { return 0 }
        var ts = 8
        if !a[0].isNull { guard let v = indexValueOrRaise(a[0]) else { return 0 }; ts = v }
        var out: [UInt32] = []
        var col = 0
        for c in strBuffer(PyValue(raw: s)) {
            if c == 9 {
                if ts > 0 { let k = ts - col % ts; out += [UInt32](repeating: 32, count: k); col += k }
            } else {
                out.append(c)
                col = (c == 10 || c == 13) ? 0 : col + 1
            }
        }
        return newStr(codePoints: out).raw
    }
    addStaticMethod(t, "maketrans") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("maketrans"), a.count("maketrans", 1, 3) else { return 0 }
        let d = newDict()
        if n == 1 {
            let m = a[0]
            guard m.type == dictType || isSubtype(m.type, dictType) else {
                decref(d)
                return raise(typeErrorType, "if you give only one argument to maketrans it must be a dict").raw
            }
            guard let keys = collectIterable(m) else { decref(d); return 0 }
            defer { for k in keys { decref(k) } }
            for k in keys {
                let v = dictGetItem(m, k)
                if isInstance(k, strType) {
                    if strCount(k) != 1 {
                        decref(d)
                        return raise(valueErrorType, "string keys in translate table must be of length 1").raw
                    }
                    _ = dictSetItem(d, makeInt(Int(strData(k)[0])), v)
                } else if isIntLike(k) {
                    _ = dictSetItem(d, k, v)
                } else {
                    decref(d)
                    return raise(typeErrorType, "keys in translate table must be strings or integers").raw
                }
            }
            return d.raw
        }
        guard strArg(a[0], "maketrans() argument 1", ""), strArg(a[1], "maketrans() argument 2", "") else { decref(d); return 0 }
        let x = Array(strBuffer(a[0])), y = Array(strBuffer(a[1]))
        if x.count != y.count {
            decref(d)
            return raise(valueErrorType, "the first two maketrans arguments must have equal length").raw
        }
        for (f, to) in zip(x, y) {
            let k = makeInt(Int(f)), v = makeInt(Int(to))
            _ = dictSetItem(d, k, v); decref(k); decref(v)
        }
        if n == 3 {
            guard strArg(a[2], "maketrans() argument 3", "") else { decref(d); return 0 }
            for c in strBuffer(a[2]) { let k = makeInt(Int(c)); _ = dictSetItem(d, k, pyNone); decref(k) }
        }
        return d.raw
    }
    addMethod(t, "translate") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("translate", 1, 1) else { return 0 }
        let table = a[0]
        var out: [UInt32] = []
        for c in strBuffer(PyValue(raw: s)) {
            let key = makeInt(Int(c))
            let r = getItem(table, key)
            decref(key)
            if r.isNull {
                if isInstance(curExc, lookupErrorType) { decref(fetchException()); out.append(c); continue }
                return 0
            }
            defer { decref(r) }
            if r == pyNone { continue }
            if isIntLike(r) {
                guard let v = smallOperand(r), v >= 0, v <= 0x10FFFF else {
                    return raise(valueErrorType, "character mapping must be in range(0x110000)").raw
                }
                out.append(UInt32(v))
            } else if isInstance(r, strType) {
                out += strBuffer(r)
            } else {
                return raise(typeErrorType, "character mapping must return integer, None or str").raw
            }
        }
        return newStr(codePoints: out).raw
    }
    addMethod(t, "format_map") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("format_map", 1, 1) else { return 0 }
        if strHasNoBraces(PyValue(raw: s)) { return newRef(PyValue(raw: s)).raw }
        return strFormatMapCall(PyValue(raw: s), a[0]).raw
    }
    addMethod(t, "format") { s, p, n, kw in
        // CPython's writer hands back the format string itself when it is all literal (a subclass instance stays one).
        if strHasNoBraces(PyValue(raw: s)) { return newRef(PyValue(raw: s)).raw }
        return strFormatCall(PyValue(raw: s), Args(p, n, kw)).raw
    }
    addMethod(t, "__getnewargs__") { s, _, _, _ in newTuple([newStr(codePoints: strBuffer(PyValue(raw: s)))]).raw }
    t.pointee.new = { tw, p, n, kw in
        guard let a = Args(p, n, kw).bind("str", ["object", "encoding", "errors"], required: 0) else { return 0 }
        if a[0].isNull {
            if !a[1].isNull || !a[2].isNull { return newStrASCII("").raw }
            return newStrASCII("").raw
        }
        if a[1].isNull && a[2].isNull { return objectStr(a[0]).raw }
        guard let b = bytesLikeBytes(a[0]) else {
            if isInstance(a[0], strType) { return raise(typeErrorType, "decoding str is not supported").raw }
            return raise(typeErrorType, "decoding to str: need a bytes-like object, \(typeName(a[0])) found").raw
        }
        return bytesDecode(b, a[1], a[2]).raw
    }
    addSlotWrappers(t)
    addSlotWrappers(strIterType)
    addSlotWrappers(bytesIterType)
}

func strFindGeneric(_ s: Word, _ a: Args, _ fname: String, _ reverse: Bool, _ raising: Bool) -> PyValue {
    guard a.noKeywords(fname), a.count(fname, 1, 3) else { return .null }
    guard isInstance(a[0], strType) else { return raise(typeErrorType, "must be str, not \(typeName(a[0]))") }
    let h = strBuffer(PyValue(raw: s))
    guard let (start, end) = strRangeArgs(a, from: 1, h.count) else { return .null }
    let r = strFindIn(h, Array(strBuffer(a[0])), start, end, reverse: reverse)
    if r < 0 && raising { return raise(valueErrorType, "substring not found") }
    return makeInt(r)
}

func strAffixGeneric(_ s: Word, _ a: Args, _ fname: String, _ suffix: Bool) -> PyValue {
    guard a.noKeywords(fname), a.count(fname, 1, 3) else { return .null }
    let h = strBuffer(PyValue(raw: s))
    guard let (start, end) = strRangeArgs(a, from: 1, h.count) else { return .null }
    var cands: [[UInt32]] = []
    if a[0].type == tupleType {
        for i in 0..<tupleCount(a[0]) {
            let x = tupleItem(a[0], i)
            guard isInstance(x, strType) else {
                return raise(typeErrorType, "tuple for \(fname) must only contain str, not \(typeName(x))")
            }
            cands.append(Array(strBuffer(x)))
        }
    } else {
        guard isInstance(a[0], strType) else {
            return raise(typeErrorType, "\(fname) first arg must be str or a tuple of str, not \(typeName(a[0]))")
        }
        cands = [Array(strBuffer(a[0]))]
    }
    for c in cands {
        if start > h.count || end - start < c.count { continue }
        let at = suffix ? end - c.count : start
        var ok = true
        for k in 0..<c.count where h[at + k] != c[k] { ok = false; break }
        if ok { return newRef(pyTrue) }
    }
    return newRef(pyFalse)
}
