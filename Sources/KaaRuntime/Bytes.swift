import BigInt
import KaaCore

/// bytes, bytearray and memoryview (CPython: Objects/bytesobject.c, bytearrayobject.c, bytes_methods.c,
/// memoryobject.c). bytes keeps its `[UInt8]` payload (Code.swift); bytearray has the same shape plus an export
/// count (resizing while a memoryview is alive raises BufferError); a memoryview is a window (start, step, count)
/// on a bytes or bytearray object, format 'B'.

struct ByteArrayObject {
    var header: PyObject
    var bytes: [UInt8]
    var exports: Int
}


nonisolated(unsafe) package var byteArrayType: TypePtr! = nil
nonisolated(unsafe) package var memoryViewType: TypePtr! = nil
nonisolated(unsafe) var bytesIterType: TypePtr! = nil

func newByteArray(_ b: [UInt8], type: TypePtr? = nil) -> PyValue {
    let t = type ?? byteArrayType!
    let size = Swift.max(t.pointee.basicSize, MemoryLayout<ByteArrayObject>.stride)
    let p = allocObject(ByteArrayObject.self, t, extra: size - MemoryLayout<ByteArrayObject>.stride)
    (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    withUnsafeMutablePointer(to: &p.pointee.bytes) { $0.initialize(to: b) }
    p.pointee.exports = 0
    return PyValue(raw: UInt(bitPattern: p))
}
func byteArrayDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(ByteArrayObject.self)
    withUnsafeMutablePointer(to: &p.pointee.bytes) { _ = $0.deinitialize(count: 1) }
    freeObject(w)
}

@inline(__always) func isBytes(_ v: PyValue) -> Bool { !v.isSmallInt && (v.type == bytesType) }
@inline(__always) func isByteArray(_ v: PyValue) -> Bool {
    !v.isSmallInt && (v.type == byteArrayType || isSubtype(v.type, byteArrayType))
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview), or nil (no exception set).
package func bytesLikeBytes(_ v: PyValue) -> [UInt8]? {
    if v.isSmallInt { return nil }
    let t = v.type
    if t == bytesType || isSubtype(t, bytesType) { return v.payload(BytesObject.self).pointee.bytes }
    if t == byteArrayType || isSubtype(t, byteArrayType) { return v.payload(ByteArrayObject.self).pointee.bytes }
    if t == memoryViewType { return memoryViewBytes(v) }
    return nil
}

/// A bytes-like argument or TypeError "a bytes-like object is required, not 'str'".
func bytesArg(_ v: PyValue) -> [UInt8]? {
    if let b = bytesLikeBytes(v) { return b }
    if !v.isSmallInt && v.type == memoryViewType && v.payload(MemoryViewObject.self).pointee.released {
        raise(valueErrorType, "operation forbidden on released memoryview object"); return nil
    }
    raise(typeErrorType, "a bytes-like object is required, not '\(typeName(v))'")
    return nil
}

@inline(__always) func selfBytes(_ s: Word) -> [UInt8] { bytesLikeBytes(PyValue(raw: s)) ?? [] }

/// A result of the receiver's kind: bytes for bytes, bytearray for bytearray.
func sameKind(_ s: Word, _ b: [UInt8]) -> PyValue {
    isByteArray(PyValue(raw: s)) ? newByteArray(b) : newBytes(b)
}

// MARK: ctype tables (CPython: pyctype.c, ASCII only)

@inline(__always) func bIsSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
@inline(__always) func bIsLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
@inline(__always) func bIsUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
@inline(__always) func bIsAlpha(_ c: UInt8) -> Bool { bIsLower(c) || bIsUpper(c) }
@inline(__always) func bIsDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) func bLower(_ c: UInt8) -> UInt8 { bIsUpper(c) ? c + 32 : c }
@inline(__always) func bUpper(_ c: UInt8) -> UInt8 { bIsLower(c) ? c - 32 : c }

// MARK: searching

func bytesFind(_ h: [UInt8], _ n: [UInt8], _ start: Int, _ end: Int, reverse: Bool) -> Int {
    if end - start < n.count { return -1 }
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

/// Normalises (start, end) like slice indices (CPython: ADJUST_INDICES).
func adjustIndices(_ a: PyValue, _ b: PyValue, _ len: Int) -> (Int, Int)? {
    var start = 0, end = len
    if !a.isNull && a != pyNone { guard let v = sliceIndexValue(a) else { return nil }; start = v }
    if !b.isNull && b != pyNone { guard let v = sliceIndexValue(b) else { return nil }; end = v }
    if end > len { end = len } else if end < 0 { end += len; if end < 0 { end = 0 } }
    if start < 0 { start += len; if start < 0 { start = 0 } }
    return (start, end)
}

/// The sub argument of find/count/index: bytes-like or an int in range(256).
func byteNeedle(_ v: PyValue) -> [UInt8]? {
    if isIntLike(v) {
        guard let i = smallOperand(v), i >= 0, i < 256 else {
            raise(valueErrorType, "byte must be in range(0, 256)"); return nil
        }
        return [UInt8(i)]
    }
    if let b = bytesLikeBytes(v) { return b }
    raise(typeErrorType, "argument should be integer or bytes-like object, not '\(typeName(v))'")
    return nil
}

func bytesFindMethod(_ s: Word, _ a: Args, _ name: String, reverse: Bool, raising: Bool, counting: Bool = false) -> PyValue {
    guard a.noKeywords(name), a.count(name, 1, 3) else { return .null }
    let h = selfBytes(s)
    guard let needle = byteNeedle(a[0]) else { return .null }
    guard let (start, end) = adjustIndices(a.n > 1 ? a[1] : .null, a.n > 2 ? a[2] : .null, h.count) else { return .null }
    if counting {
        if start > h.count || end < start { return .small(0) }
        if needle.isEmpty { return makeInt(end - start + 1) }
        var c = 0, i = start
        while true {
            let j = bytesFind(h, needle, i, end, reverse: false)
            if j < 0 { break }
            c += 1; i = j + needle.count
        }
        return makeInt(c)
    }
    let r = start > h.count ? -1 : bytesFind(h, needle, start, end, reverse: reverse)
    if r < 0 && raising { return raise(valueErrorType, "subsection not found") }
    return makeInt(r)
}

// MARK: split / strip / pad

func bytesSplit(_ s: Word, _ a: Args, right: Bool) -> PyValue {
    guard let args = a.bind(right ? "rsplit" : "split", ["sep", "maxsplit"], required: 0) else { return .null }
    let b = selfBytes(s)
    var maxsplit = -1
    if !args[1].isNull { guard let m = indexValueOrRaise(args[1]) else { return .null }; maxsplit = m }
    if maxsplit < 0 { maxsplit = Int.max }
    var parts: [[UInt8]] = []
    if args[0].isNull || args[0] == pyNone {
        if !right {
            var i = 0
            while i < b.count {
                while i < b.count && bIsSpace(b[i]) { i += 1 }
                if i >= b.count { break }
                if parts.count == maxsplit {
                    var j = b.count
                    while j > i && bIsSpace(b[j - 1]) { j -= 1 }
                    parts.append(Array(b[i..<j])); break
                }
                let st = i
                while i < b.count && !bIsSpace(b[i]) { i += 1 }
                parts.append(Array(b[st..<i]))
            }
        } else {
            var i = b.count
            while i > 0 {
                while i > 0 && bIsSpace(b[i - 1]) { i -= 1 }
                if i == 0 { break }
                if parts.count == maxsplit {
                    var j = 0
                    while j < i && bIsSpace(b[j]) { j += 1 }
                    parts.append(Array(b[j..<i])); break
                }
                let en = i
                while i > 0 && !bIsSpace(b[i - 1]) { i -= 1 }
                parts.append(Array(b[i..<en]))
            }
            parts.reverse()
        }
    } else {
        guard let sep = bytesArg(args[0]) else { return .null }
        if sep.isEmpty { return raise(valueErrorType, "empty separator") }
        if !right {
            var st = 0
            while parts.count < maxsplit {
                let j = bytesFind(b, sep, st, b.count, reverse: false)
                if j < 0 { break }
                parts.append(Array(b[st..<j])); st = j + sep.count
            }
            parts.append(Array(b[st...]))
        } else {
            var en = b.count
            while parts.count < maxsplit {
                let j = bytesFind(b, sep, 0, en, reverse: true)
                if j < 0 { break }
                parts.append(Array(b[(j + sep.count)..<en])); en = j
            }
            parts.append(Array(b[0..<en]))
            parts.reverse()
        }
    }
    return newList(parts.map { sameKind(s, $0) })
}

func bytesStrip(_ s: Word, _ a: Args, _ name: String, left: Bool, right: Bool) -> PyValue {
    guard a.noKeywords(name), a.count(name, 0, 1) else { return .null }
    let b = selfBytes(s)
    var set: [UInt8]? = nil
    if a.n > 0 && a[0] != pyNone { guard let c = bytesArg(a[0]) else { return .null }; set = c }
    func strip(_ c: UInt8) -> Bool { set.map { $0.contains(c) } ?? bIsSpace(c) }
    var i = 0, j = b.count
    if left { while i < j && strip(b[i]) { i += 1 } }
    if right { while j > i && strip(b[j - 1]) { j -= 1 } }
    if i == 0 && j == b.count && isBytes(PyValue(raw: s)) { return newRef(PyValue(raw: s)) }
    return sameKind(s, Array(b[i..<j]))
}

func bytesPad(_ s: Word, _ a: Args, _ name: String, _ align: Int) -> PyValue {
    guard a.noKeywords(name), a.count(name, 1, 2) else { return .null }
    guard let width = indexValueOrRaise(a[0]) else { return .null }
    var fill: UInt8 = 32
    if a.n > 1 {
        guard let f = bytesLikeBytes(a[1]), f.count == 1 else {
            return raise(typeErrorType, "\(name)() argument 2 must be a byte string of length 1, not \(typeName(a[1]))")
        }
        fill = f[0]
    }
    let b = selfBytes(s)
    if b.count >= width { return isBytes(PyValue(raw: s)) ? newRef(PyValue(raw: s)) : sameKind(s, b) }
    let pad = width - b.count
    var left: Int
    switch align {
    case 0: left = 0
    case 2: left = pad
    default: left = pad / 2 + (pad & width & 1)
    }
    return sameKind(s, [UInt8](repeating: fill, count: left) + b + [UInt8](repeating: fill, count: pad - left))
}

// MARK: hex

func bytesHex(_ b: [UInt8], _ a: Args) -> PyValue {
    guard let args = a.bind("hex", ["sep", "bytes_per_sep"], required: 0) else { return .null }
    let digits = Array("0123456789abcdef".utf8)
    var sep: UInt8? = nil
    var per = 1
    if !args[0].isNull {
        var sb: [UInt8]
        if isInstance(args[0], strType) { sb = strBuffer(args[0]).map { UInt8(truncatingIfNeeded: $0) }
            if strBuffer(args[0]).contains(where: { $0 > 127 }) { return raise(valueErrorType, "sep must be ASCII.") }
        } else if let x = bytesLikeBytes(args[0]) { sb = x } else {
            if args[0].type.pointee.len == nil {
                return raise(typeErrorType, "object of type '\(typeName(args[0]))' has no len()")
            }
            return raise(typeErrorType, "sep must be str or bytes.")
        }
        if sb.count != 1 { return raise(valueErrorType, "sep must be length 1.") }
        sep = sb[0]
    }
    if !args[1].isNull { guard let p = indexValueOrRaise(args[1]) else { return .null }; per = p }
    var out: [UInt8] = []
    let n = b.count
    let absPer = Swift.abs(per)
    for (i, c) in b.enumerated() {
        if let sp = sep, i > 0, absPer > 0 {
            // Separators count from the right for positive bytes_per_sep, from the left for negative.
            let boundary = per > 0 ? (n - i) % absPer == 0 : i % absPer == 0
            if boundary { out.append(sp) }
        }
        out.append(digits[Int(c >> 4)]); out.append(digits[Int(c & 15)])
    }
    return newStrASCII(String(decoding: out, as: UTF8.self))
}

func bytesFromHex(_ v: PyValue) -> [UInt8]? {
    var cps: [UInt32]
    if isInstance(v, strType) { cps = Array(strBuffer(v)) }
    else { raise(typeErrorType, "fromhex() argument must be str, not \(typeName(v))"); return nil }
    var out: [UInt8] = []
    var i = 0
    func hv(_ c: UInt32) -> Int? {
        switch c {
        case 48...57: return Int(c - 48)
        case 97...102: return Int(c - 87)
        case 65...70: return Int(c - 55)
        default: return nil
        }
    }
    while i < cps.count {
        if cps[i] == 32 || (cps[i] >= 9 && cps[i] <= 13) { i += 1; continue }
        guard let hi = hv(cps[i]) else {
            raise(valueErrorType, "non-hexadecimal number found in fromhex() arg at position \(i)"); return nil
        }
        guard i + 1 < cps.count, let lo = hv(cps[i + 1]) else {
            raise(valueErrorType, "non-hexadecimal number found in fromhex() arg at position \(i + 1)"); return nil
        }
        out.append(UInt8(hi << 4 | lo))
        i += 2
    }
    return out
}

// MARK: construction

/// bytes(x) / bytearray(x) contents (CPython: bytes_new_impl, bytearray___init___impl).
func bytesFromArgs(_ a: Args, _ fname: String) -> [UInt8]? {
    guard let args = a.bind(fname, ["source", "encoding", "errors"], required: 0) else { return nil }
    let src = args[0]
    if src.isNull {
        if !args[1].isNull || !args[2].isNull {
            raise(typeErrorType, args[1].isNull ? "errors without a string argument" : "encoding without a string argument")
            return nil
        }
        return []
    }
    if isInstance(src, strType) {
        if args[1].isNull { raise(typeErrorType, "string argument without an encoding"); return nil }
        let r = strEncode(src, args[1], args[2])
        if r.isNull { return nil }
        defer { decref(r) }
        return bytesLikeBytes(r)
    }
    if !args[1].isNull || !args[2].isNull {
        raise(typeErrorType, args[1].isNull ? "errors without a string argument" : "encoding without a string argument")
        return nil
    }
    if let b = bytesLikeBytes(src) { return b }
    if src.type.pointee.isHeapType && hasHeapDunder(src.type, "__bytes__") && fname == "bytes" {
        let r = callDunder(src, "__bytes__", [])
        if r.isNull { return nil }
        defer { decref(r) }
        guard let b = bytesLikeBytes(r), isBytes(r) || isSubtype(r.type, bytesType) else {
            raise(typeErrorType, "__bytes__ returned non-bytes (type \(typeName(r)))"); return nil
        }
        return b
    }
    if isIntLike(src) || (src.type.pointee.index != nil && src.type != floatType) {
        guard let n = indexValueOrRaise(src) else { return nil }
        if n < 0 { raise(valueErrorType, "negative count"); return nil }
        if n > 1 << 40 { raise(memoryErrorType, ""); return nil }
        return [UInt8](repeating: 0, count: n)
    }
    let it = getIterQuiet(src)
    if it.isNull {
        if !curExc.isNull { return nil }
        raise(typeErrorType, "cannot convert '\(typeName(src))' object to \(fname)")
        return nil
    }
    decref(it)
    guard let items = collectIterable(src) else { return nil }
    defer { for x in items { decref(x) } }
    var out: [UInt8] = []
    out.reserveCapacity(items.count)
    for x in items {
        guard let v = indexValueOrRaise(x) else { return nil }
        if v < 0 || v > 255 { raise(valueErrorType, "bytes must be in range(0, 256)"); return nil }
        out.append(UInt8(v))
    }
    return out
}

// MARK: the shared method set

private func installBytesLikeMethods(_ t: TypePtr) {
    addMethod(t, "decode") { s, p, n, kw in
        guard let args = Args(p, n, kw).bind("decode", ["encoding", "errors"], required: 0) else { return 0 }
        return bytesDecode(selfBytes(s), args[0], args[1]).raw
    }
    addMethod(t, "hex") { s, p, n, kw in bytesHex(selfBytes(s), Args(p, n, kw)).raw }
    addClassMethod(t, "fromhex") { _, p, n, _ in
        guard n == 2 else { return raise(typeErrorType, "fromhex() takes exactly one argument (\(n - 1) given)").raw }
        let cls = PyValue(raw: p.unsafelyUnwrapped[0])
        guard let b = bytesFromHex(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
        if cls.raw == bytesType.asValue.raw { return newBytes(b).raw }
        if cls.raw == byteArrayType.asValue.raw { return newByteArray(b).raw }
        let r = newBytes(b)
        defer { decref(r) }
        return callObject(cls, [r]).raw
    }
    addMethod(t, "find") { s, p, n, kw in bytesFindMethod(s, Args(p, n, kw), "find", reverse: false, raising: false).raw }
    addMethod(t, "rfind") { s, p, n, kw in bytesFindMethod(s, Args(p, n, kw), "rfind", reverse: true, raising: false).raw }
    addMethod(t, "index") { s, p, n, kw in bytesFindMethod(s, Args(p, n, kw), "index", reverse: false, raising: true).raw }
    addMethod(t, "rindex") { s, p, n, kw in bytesFindMethod(s, Args(p, n, kw), "rindex", reverse: true, raising: true).raw }
    addMethod(t, "count") { s, p, n, kw in
        bytesFindMethod(s, Args(p, n, kw), "count", reverse: false, raising: false, counting: true).raw
    }
    addMethod(t, "split") { s, p, n, kw in bytesSplit(s, Args(p, n, kw), right: false).raw }
    addMethod(t, "rsplit") { s, p, n, kw in bytesSplit(s, Args(p, n, kw), right: true).raw }
    addMethod(t, "strip") { s, p, n, kw in bytesStrip(s, Args(p, n, kw), "strip", left: true, right: true).raw }
    addMethod(t, "lstrip") { s, p, n, kw in bytesStrip(s, Args(p, n, kw), "lstrip", left: true, right: false).raw }
    addMethod(t, "rstrip") { s, p, n, kw in bytesStrip(s, Args(p, n, kw), "rstrip", left: false, right: true).raw }
    addMethod(t, "ljust") { s, p, n, kw in bytesPad(s, Args(p, n, kw), "ljust", 0).raw }
    addMethod(t, "center") { s, p, n, kw in bytesPad(s, Args(p, n, kw), "center", 1).raw }
    addMethod(t, "rjust") { s, p, n, kw in bytesPad(s, Args(p, n, kw), "rjust", 2).raw }
    addMethod(t, "join") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("join", 1, 1) else { return 0 }
        guard let items = collectIterable(a[0]) else { return 0 }
        defer { for x in items { decref(x) } }
        let sep = selfBytes(s)
        var out: [UInt8] = []
        for (i, x) in items.enumerated() {
            guard let b = bytesLikeBytes(x) else {
                return raise(typeErrorType, "sequence item \(i): expected a bytes-like object, \(typeName(x)) found").raw
            }
            if i > 0 { out += sep }
            out += b
        }
        return sameKind(s, out).raw
    }
    for (name, kind) in [("startswith", false), ("endswith", true)] {
        let fn: BuiltinFn = kind
            ? { s, p, n, kw in bytesAffix(s, Args(p, n, kw), "endswith", suffix: true).raw }
            : { s, p, n, kw in bytesAffix(s, Args(p, n, kw), "startswith", suffix: false).raw }
        addMethod(t, name, fn)
    }
    addMethod(t, "replace") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("replace"), a.count("replace", 2, 3) else { return 0 }
        guard let old = bytesArg(a[0]), let new = bytesArg(a[1]) else { return 0 }
        var count = -1
        if n > 2 { guard let c = indexValueOrRaise(a[2]) else { return 0 }; count = c }
        let b = selfBytes(s)
        return sameKind(s, bytesReplace(b, old, new, count)).raw
    }
    addMethod(t, "partition") { s, p, n, kw in bytesPartition(s, Args(p, n, kw), reverse: false).raw }
    addMethod(t, "rpartition") { s, p, n, kw in bytesPartition(s, Args(p, n, kw), reverse: true).raw }
    addMethod(t, "removeprefix") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("removeprefix", 1, 1), let pre = bytesArg(a[0]) else { return 0 }
        let b = selfBytes(s)
        if b.count >= pre.count && Array(b[0..<pre.count]) == pre && !pre.isEmpty { return sameKind(s, Array(b[pre.count...])).raw }
        return isBytes(PyValue(raw: s)) ? newRef(PyValue(raw: s)).raw : sameKind(s, b).raw
    }
    addMethod(t, "removesuffix") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("removesuffix", 1, 1), let suf = bytesArg(a[0]) else { return 0 }
        let b = selfBytes(s)
        if b.count >= suf.count && Array(b[(b.count - suf.count)...]) == suf && !suf.isEmpty {
            return sameKind(s, Array(b[0..<(b.count - suf.count)])).raw
        }
        return isBytes(PyValue(raw: s)) ? newRef(PyValue(raw: s)).raw : sameKind(s, b).raw
    }
    addMethod(t, "lower") { s, _, _, _ in sameKind(s, selfBytes(s).map(bLower)).raw }
    addMethod(t, "upper") { s, _, _, _ in sameKind(s, selfBytes(s).map(bUpper)).raw }
    addMethod(t, "swapcase") { s, _, _, _ in
        sameKind(s, selfBytes(s).map { bIsUpper($0) ? bLower($0) : bUpper($0) }).raw
    }
    addMethod(t, "capitalize") { s, _, _, _ in
        let b = selfBytes(s)
        return sameKind(s, b.enumerated().map { $0.offset == 0 ? bUpper($0.element) : bLower($0.element) }).raw
    }
    addMethod(t, "title") { s, _, _, _ in
        var prevCased = false
        var out: [UInt8] = []
        for c in selfBytes(s) {
            if bIsUpper(c) || bIsLower(c) { out.append(prevCased ? bLower(c) : bUpper(c)); prevCased = true }
            else { out.append(c); prevCased = false }
        }
        return sameKind(s, out).raw
    }
    addMethod(t, "zfill") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("zfill", 1, 1), let w = indexValueOrRaise(a[0]) else { return 0 }
        var b = selfBytes(s)
        if b.count >= w { return isBytes(PyValue(raw: s)) ? newRef(PyValue(raw: s)).raw : sameKind(s, b).raw }
        let fill = w - b.count
        var out = [UInt8](repeating: 48, count: fill) + b
        if let f = b.first, f == 43 || f == 45 { out[0] = f; out[fill] = 48 }
        b = out
        return sameKind(s, b).raw
    }
    addMethod(t, "expandtabs") { s, p, n, kw in
        guard let args = Args(p, n, kw).bind("expandtabs", ["tabsize"], required: 0) else { return 0 }
        var ts = 8
        if !args[0].isNull { guard let v = indexValueOrRaise(args[0]) else { return 0 }; ts = v }
        var out: [UInt8] = []
        var col = 0
        for c in selfBytes(s) {
            if c == 9 {
                if ts > 0 { let k = ts - col % ts; out += [UInt8](repeating: 32, count: k); col += k }
            } else {
                out.append(c)
                col = (c == 10 || c == 13) ? 0 : col + 1
            }
        }
        return sameKind(s, out).raw
    }
    addMethod(t, "splitlines") { s, p, n, kw in
        guard let args = Args(p, n, kw).bind("splitlines", ["keepends"], required: 0) else { return 0 }
        var keep = false
        if !args[0].isNull { let r = isTrue(args[0]); if r < 0 { return 0 }; keep = r == 1 }
        let b = selfBytes(s)
        var out: [PyValue] = []
        var start = 0, i = 0
        while i < b.count {
            if b[i] == 10 || b[i] == 13 {
                var end = i + 1
                if b[i] == 13 && i + 1 < b.count && b[i + 1] == 10 { end = i + 2 }
                out.append(sameKind(s, Array(b[start..<(keep ? end : i)])))
                start = end; i = end
            } else { i += 1 }
        }
        if start < b.count { out.append(sameKind(s, Array(b[start...]))) }
        return newList(out).raw
    }
    let preds: [(String, BuiltinFn)] = [
        ("isalnum", { s, _, _, _ in let b = selfBytes(s); return newRef(makeBool(!b.isEmpty && b.allSatisfy { bIsAlpha($0) || bIsDigit($0) })).raw }),
        ("isalpha", { s, _, _, _ in let b = selfBytes(s); return newRef(makeBool(!b.isEmpty && b.allSatisfy(bIsAlpha))).raw }),
        ("isascii", { s, _, _, _ in newRef(makeBool(selfBytes(s).allSatisfy { $0 < 128 })).raw }),
        ("isdigit", { s, _, _, _ in let b = selfBytes(s); return newRef(makeBool(!b.isEmpty && b.allSatisfy(bIsDigit))).raw }),
        ("isspace", { s, _, _, _ in let b = selfBytes(s); return newRef(makeBool(!b.isEmpty && b.allSatisfy(bIsSpace))).raw }),
        ("islower", { s, _, _, _ in let b = selfBytes(s); return newRef(makeBool(b.contains(where: bIsLower) && !b.contains(where: bIsUpper))).raw }),
        ("isupper", { s, _, _, _ in let b = selfBytes(s); return newRef(makeBool(b.contains(where: bIsUpper) && !b.contains(where: bIsLower))).raw }),
        ("istitle", { s, _, _, _ in
            var cased = false, prevCased = false
            for c in selfBytes(s) {
                if bIsUpper(c) { if prevCased { return newRef(pyFalse).raw }; prevCased = true; cased = true }
                else if bIsLower(c) { if !prevCased { return newRef(pyFalse).raw }; prevCased = true; cased = true }
                else { prevCased = false }
            }
            return newRef(makeBool(cased)).raw
        }),
    ]
    for (name, fn) in preds { addMethod(t, name, fn) }
    addStaticMethod(t, "maketrans") { _, p, n, _ in
        guard n == 2 else { return raise(typeErrorType, "maketrans expected 2 arguments, got \(n)").raw }
        guard let from = bytesArg(PyValue(raw: p.unsafelyUnwrapped[0])),
              let to = bytesArg(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
        if from.count != to.count { return raise(valueErrorType, "maketrans arguments must have same length").raw }
        var table = (0..<256).map { UInt8($0) }
        for (f, t) in zip(from, to) { table[Int(f)] = t }
        return newBytes(table).raw
    }
    addMethod(t, "translate") { s, p, n, kw in
        guard let args = Args(p, n, kw).bind("translate", ["table", "delete"], required: 1) else { return 0 }
        var table: [UInt8]? = nil
        if args[0] != pyNone {
            guard let tb = bytesArg(args[0]) else { return 0 }
            if tb.count != 256 { return raise(valueErrorType, "translation table must be 256 characters long").raw }
            table = tb
        }
        var del: Set<UInt8> = []
        if !args[1].isNull { guard let d = bytesArg(args[1]) else { return 0 }; del = Set(d) }
        var out: [UInt8] = []
        for c in selfBytes(s) where !del.contains(c) { out.append(table.map { $0[Int(c)] } ?? c) }
        return sameKind(s, out).raw
    }
    addMethod(t, "__getnewargs__") { s, _, _, _ in newTuple([newBytes(selfBytes(s))]).raw }
}

func bytesAffix(_ s: Word, _ a: Args, _ name: String, suffix: Bool) -> PyValue {
    guard a.count(name, 1, 3) else { return .null }
    let b = selfBytes(s)
    guard let (start, end) = adjustIndices(a.n > 1 ? a[1] : .null, a.n > 2 ? a[2] : .null, b.count) else { return .null }
    var cands: [[UInt8]] = []
    if a[0].type == tupleType {
        for i in 0..<tupleCount(a[0]) {
            guard let x = bytesLikeBytes(tupleItem(a[0], i)) else {
                return raise(typeErrorType, "a bytes-like object is required, not '\(typeName(tupleItem(a[0], i)))'")
            }
            cands.append(x)
        }
    } else {
        guard let x = bytesLikeBytes(a[0]) else {
            return raise(typeErrorType, "\(name) first arg must be bytes or a tuple of bytes, not \(typeName(a[0]))")
        }
        cands = [x]
    }
    for c in cands {
        if start > b.count { continue }
        if end - start < c.count { continue }
        let at = suffix ? end - c.count : start
        if Array(b[at..<(at + c.count)]) == c { return newRef(pyTrue) }
    }
    return newRef(pyFalse)
}

func bytesReplace(_ b: [UInt8], _ old: [UInt8], _ new: [UInt8], _ count: Int) -> [UInt8] {
    var out: [UInt8] = []
    var done = 0
    if old.isEmpty {
        for c in b {
            if count < 0 || done < count { out += new; done += 1 }
            out.append(c)
        }
        if count < 0 || done < count { out += new }
        return out
    }
    var i = 0
    while i < b.count {
        if (count < 0 || done < count) && i + old.count <= b.count && Array(b[i..<(i + old.count)]) == old {
            out += new; i += old.count; done += 1
        } else { out.append(b[i]); i += 1 }
    }
    return out
}

func bytesPartition(_ s: Word, _ a: Args, reverse: Bool) -> PyValue {
    guard a.count(reverse ? "rpartition" : "partition", 1, 1), let sep = bytesArg(a[0]) else { return .null }
    if sep.isEmpty { return raise(valueErrorType, "empty separator") }
    let b = selfBytes(s)
    let j = bytesFind(b, sep, 0, b.count, reverse: reverse)
    if j < 0 {
        return reverse ? newTuple([sameKind(s, []), sameKind(s, []), sameKind(s, b)])
                       : newTuple([sameKind(s, b), sameKind(s, []), sameKind(s, [])])
    }
    return newTuple([sameKind(s, Array(b[0..<j])), sameKind(s, sep), sameKind(s, Array(b[(j + sep.count)...]))])
}

// MARK: operators

func bytesRichCompare(_ a: Word, _ b: Word, _ op: Int) -> Word {
    guard let x = bytesLikeBytes(PyValue(raw: a)) else { return newRef(pyNotImplemented).raw }
    let o = PyValue(raw: b)
    // bytes compares only with bytes; bytearray with any buffer.
    if isBytes(PyValue(raw: a)) && !(isBytes(o) || isByteArray(o) || (!o.isSmallInt && o.type == memoryViewType)) {
        return newRef(pyNotImplemented).raw
    }
    guard let y = bytesLikeBytes(o) else { return newRef(pyNotImplemented).raw }
    var c = 0
    let n = Swift.min(x.count, y.count)
    var i = 0
    while i < n && x[i] == y[i] { i += 1 }
    if i < n { c = x[i] < y[i] ? -1 : 1 } else { c = x.count < y.count ? -1 : (x.count == y.count ? 0 : 1) }
    return newRef(makeBool(compareResult(c, op))).raw
}

func bytesGetItem(_ a: Word, _ k: Word) -> Word {
    let v = PyValue(raw: a), key = PyValue(raw: k)
    let b = selfBytes(a)
    if !key.isSmallInt && key.type == sliceType {
        guard let (start, _, step, len) = sliceIndices(key, b.count) else { return 0 }
        var out: [UInt8] = []
        out.reserveCapacity(len)
        var i = start
        for _ in 0..<len { out.append(b[i]); i += step }
        return sameKind(a, out).raw
    }
    guard let i = indexValue(key) else {
        if !curExc.isNull { return 0 }
        return raise(typeErrorType, "\(isByteArray(v) ? "bytearray" : "byte") indices must be integers or slices, not \(typeName(key))").raw
    }
    let j = i < 0 ? i + b.count : i
    if j < 0 || j >= b.count { return raise(indexErrorType, isByteArray(v) ? "bytearray index out of range" : "index out of range").raw }
    return PyValue.small(Int(b[j])).raw
}

func bytesConcat(_ a: Word, _ b: Word) -> Word {
    let x = PyValue(raw: a), y = PyValue(raw: b)
    guard let xb = bytesLikeBytes(x) else { return newRef(pyNotImplemented).raw }
    guard let yb = bytesLikeBytes(y) else {
        return raise(typeErrorType, "can't concat \(typeName(y)) to \(typeName(x))").raw
    }
    return (isByteArray(x) ? newByteArray(xb + yb) : newBytes(xb + yb)).raw
}

func bytesRepeat(_ a: Word, _ b: Word) -> Word {
    var x = PyValue(raw: a), y = PyValue(raw: b)
    if bytesLikeBytes(x) == nil { swap(&x, &y) }
    guard let xb = bytesLikeBytes(x) else { return newRef(pyNotImplemented).raw }
    if x.raw == a, let r = sequenceRepeatDeferred(x, y) { return r.raw }
    guard let k = smallOperand(y) ?? sequenceRepeatCount(y) else { return curExc.isNull ? newRef(pyNotImplemented).raw : 0 }
    let times = Swift.max(0, k)
    let (total, overflow) = xb.count.multipliedReportingOverflow(by: times)
    if overflow || total > 1 << 40 { return raise(memoryErrorType, "").raw }
    var out: [UInt8] = []
    out.reserveCapacity(xb.count * times)
    for _ in 0..<times { out += xb }
    return (isByteArray(x) ? newByteArray(out) : newBytes(out)).raw
}

func bytesContains(_ a: Word, _ k: Word) -> Int {
    let b = selfBytes(a)
    let key = PyValue(raw: k)
    if isIntLike(key) {
        guard let i = smallOperand(key), i >= 0, i < 256 else { return raiseInt(valueErrorType, "byte must be in range(0, 256)") }
        return b.contains(UInt8(i)) ? 1 : 0
    }
    guard let n = bytesLikeBytes(key) else {
        return raiseInt(typeErrorType, "a bytes-like object is required, not '\(typeName(key))'")
    }
    return bytesFind(b, n, 0, b.count, reverse: false) >= 0 ? 1 : 0
}

// MARK: bytearray mutation

@inline(__always) func byteArrayPtr(_ v: PyValue) -> UnsafeMutablePointer<ByteArrayObject> { v.payload(ByteArrayObject.self) }

func byteArrayResizeCheck(_ v: PyValue) -> Bool {
    if byteArrayPtr(v).pointee.exports > 0 {
        raise(bufferErrorType, "Existing exports of data: object cannot be re-sized"); return false
    }
    return true
}

func byteValue(_ v: PyValue) -> UInt8? {
    guard let i = indexValueOrRaise(v) else { return nil }
    if i < 0 || i > 255 { raise(valueErrorType, "byte must be in range(0, 256)"); return nil }
    return UInt8(i)
}

func byteArraySetItem(_ a: Word, _ k: Word, _ x: Word) -> Int {
    let v = PyValue(raw: a), key = PyValue(raw: k), value = PyValue(raw: x)
    let n = byteArrayPtr(v).pointee.bytes.count
    if !key.isSmallInt && key.type == sliceType {
        guard let (start, stop, step, len) = sliceIndices(key, n) else { return -1 }
        var repl: [UInt8] = []
        if !value.isNull {
            if isIntLike(value) { return raiseInt(typeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)") }
            if let b = bytesLikeBytes(value) { repl = b } else {
                if isInstance(value, strType) { return raiseInt(typeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)") }
                guard let b = bytesFromArgs(Args(UnsafePointer([value.raw]), 1, 0), "bytearray") else { return -1 }
                repl = b
            }
        }
        if step == 1 {
            let hi = Swift.max(start, stop)
            if repl.count != hi - start && !byteArrayResizeCheck(v) { return -1 }
            byteArrayPtr(v).pointee.bytes.replaceSubrange(start..<hi, with: repl)
            return 0
        }
        if value.isNull {
            if !byteArrayResizeCheck(v) { return -1 }
            var idx = Set<Int>(); var i = start
            for _ in 0..<len { idx.insert(i); i += step }
            let old = byteArrayPtr(v).pointee.bytes
            byteArrayPtr(v).pointee.bytes = old.enumerated().filter { !idx.contains($0.offset) }.map { $0.element }
            return 0
        }
        if repl.count != len {
            return raiseInt(valueErrorType, "attempt to assign bytes of size \(repl.count) to extended slice of size \(len)")
        }
        var i = start
        for c in repl { byteArrayPtr(v).pointee.bytes[i] = c; i += step }
        return 0
    }
    guard let i = indexValue(key) else {
        if !curExc.isNull { return -1 }
        return raiseInt(typeErrorType, "bytearray indices must be integers or slices, not \(typeName(key))")
    }
    let j = i < 0 ? i + n : i
    if j < 0 || j >= n { return raiseInt(indexErrorType, "bytearray index out of range") }
    if value.isNull {
        if !byteArrayResizeCheck(v) { return -1 }
        byteArrayPtr(v).pointee.bytes.remove(at: j); return 0
    }
    guard let b = byteValue(value) else { return -1 }
    byteArrayPtr(v).pointee.bytes[j] = b
    return 0
}

private func installByteArrayMethods(_ t: TypePtr) {
    addMethod(t, "append") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("append", 1, 1), let b = byteValue(a[0]) else { return 0 }
        if !byteArrayResizeCheck(PyValue(raw: s)) { return 0 }
        byteArrayPtr(PyValue(raw: s)).pointee.bytes.append(b)
        return newRef(pyNone).raw
    }
    addMethod(t, "extend") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("extend", 1, 1) else { return 0 }
        if isInstance(a[0], strType) { return raise(typeErrorType, "expected iterable of integers; got: 'str'").raw }
        guard let b = bytesLikeBytes(a[0]) ?? bytesFromArgs(Args(p, 1, 0), "bytearray") else { return 0 }
        if !byteArrayResizeCheck(PyValue(raw: s)) { return 0 }
        byteArrayPtr(PyValue(raw: s)).pointee.bytes += b
        return newRef(pyNone).raw
    }
    addMethod(t, "insert") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("insert", 2, 2), var i = indexValueOrRaise(a[0]), let b = byteValue(a[1]) else { return 0 }
        if !byteArrayResizeCheck(PyValue(raw: s)) { return 0 }
        let c = byteArrayPtr(PyValue(raw: s)).pointee.bytes.count
        if i < 0 { i = Swift.max(0, i + c) } else if i > c { i = c }
        byteArrayPtr(PyValue(raw: s)).pointee.bytes.insert(b, at: i)
        return newRef(pyNone).raw
    }
    addMethod(t, "pop") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("pop", 0, 1) else { return 0 }
        let c = byteArrayPtr(PyValue(raw: s)).pointee.bytes.count
        var i = c - 1
        if n > 0 { guard let k = indexValueOrRaise(a[0]) else { return 0 }; i = k < 0 ? k + c : k }
        if c == 0 { return raise(indexErrorType, "pop from empty bytearray").raw }
        if i < 0 || i >= c { return raise(indexErrorType, "pop index out of range").raw }
        if !byteArrayResizeCheck(PyValue(raw: s)) { return 0 }
        return PyValue.small(Int(byteArrayPtr(PyValue(raw: s)).pointee.bytes.remove(at: i))).raw
    }
    addMethod(t, "remove") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("remove", 1, 1), let b = byteValue(a[0]) else { return 0 }
        guard let i = byteArrayPtr(PyValue(raw: s)).pointee.bytes.firstIndex(of: b) else {
            return raise(valueErrorType, "value not found in bytearray").raw
        }
        if !byteArrayResizeCheck(PyValue(raw: s)) { return 0 }
        byteArrayPtr(PyValue(raw: s)).pointee.bytes.remove(at: i)
        return newRef(pyNone).raw
    }
    addMethod(t, "clear") { s, _, _, _ in
        if !byteArrayResizeCheck(PyValue(raw: s)) { return 0 }
        byteArrayPtr(PyValue(raw: s)).pointee.bytes.removeAll(); return newRef(pyNone).raw
    }
    addMethod(t, "reverse") { s, _, _, _ in byteArrayPtr(PyValue(raw: s)).pointee.bytes.reverse(); return newRef(pyNone).raw }
    addMethod(t, "copy") { s, _, _, _ in newByteArray(selfBytes(s)).raw }
    addMethod(t, "__alloc__") { s, _, _, _ in makeInt(selfBytes(s).count + 1).raw }
    t.pointee.nb[13] = { a, b in
        let v = PyValue(raw: a)
        guard let yb = bytesLikeBytes(PyValue(raw: b)) else {
            return raise(typeErrorType, "can't concat \(typeName(PyValue(raw: b))) to bytearray").raw
        }
        if !byteArrayResizeCheck(v) { return 0 }
        byteArrayPtr(v).pointee.bytes += yb
        return newRef(v).raw
    }
    t.pointee.nb[18] = { a, b in
        let v = PyValue(raw: a)
        guard let k = indexValueOrRaise(PyValue(raw: b)) else { return 0 }
        if !byteArrayResizeCheck(v) { return 0 }
        let x = byteArrayPtr(v).pointee.bytes
        var out: [UInt8] = []
        for _ in 0..<Swift.max(0, k) { out += x }
        byteArrayPtr(v).pointee.bytes = out
        return newRef(v).raw
    }
}

// MARK: installation

func installBytesFamily() {
    let b = bytesType!
    b.pointee.getitem = bytesGetItem
    b.pointee.richcompare = bytesRichCompare
    b.pointee.nb[0] = bytesConcat
    b.pointee.nb[5] = bytesRepeat
    b.pointee.nb[6] = { a, c in
        if !isBytes(PyValue(raw: a)) { return newRef(pyNotImplemented).raw }
        return bytesPercentFormat(PyValue(raw: a), PyValue(raw: c)).raw
    }
    b.pointee.contains = bytesContains
    b.pointee.iter = { newIter(bytesIterType, seq: PyValue(raw: $0)).raw }
    b.pointee.str = b.pointee.repr
    b.pointee.new = { t, p, n, kw in
        let a = Args(p, n, kw)
        guard let bytes = bytesFromArgs(a, "bytes") else { return 0 }
        if t != bytesType.asValue.raw {
            // A subclass: object.__new__-style allocation with the bytes payload.
            let r = allocObject(BytesObject.self, TypePtr(bitPattern: t).unsafelyUnwrapped,
                                extra: TypePtr(bitPattern: t).unsafelyUnwrapped.pointee.basicSize - MemoryLayout<BytesObject>.stride)
            let extra = TypePtr(bitPattern: t).unsafelyUnwrapped.pointee.basicSize - MemoryLayout<BytesObject>.stride
            if extra > 0 {
                (UnsafeMutableRawPointer(r) + MemoryLayout<BytesObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: extra)
            }
            withUnsafeMutablePointer(to: &r.pointee.bytes) { $0.initialize(to: bytes) }
            return UInt(bitPattern: r)
        }
        if n == 1 && kw == 0 && isBytes(a[0]) { return newRef(a[0]).raw }
        return newBytes(bytes).raw
    }
    installBytesLikeMethods(b)
    addSlotWrappers(b)

    let ba = byteArrayType!
    ba.pointee.repr = { w in
        let v = PyValue(raw: w)
        let name = v.type.pointee.name
        return newStr("\(name)(\(PyRepr.bytes(selfBytes(w))))").raw
    }
    ba.pointee.len = { PyValue(raw: $0).payload(ByteArrayObject.self).pointee.bytes.count }
    ba.pointee.getitem = bytesGetItem
    ba.pointee.setitem = byteArraySetItem
    ba.pointee.richcompare = bytesRichCompare
    ba.pointee.nb[0] = bytesConcat
    ba.pointee.nb[5] = bytesRepeat
    ba.pointee.nb[6] = { a, c in
        if !isByteArray(PyValue(raw: a)) { return newRef(pyNotImplemented).raw }
        let r = bytesPercentFormat(PyValue(raw: a), PyValue(raw: c))
        if r.isNull { return 0 }
        defer { decref(r) }
        return newByteArray(bytesLikeBytes(r) ?? []).raw
    }
    ba.pointee.contains = bytesContains
    ba.pointee.iter = { newIter(bytesIterType, seq: PyValue(raw: $0)).raw }
    ba.pointee.hash = { w in raiseInt(typeErrorType, "unhashable type: '\(typeName(PyValue(raw: w)))'") }
    ba.pointee.new = { t, _, _, _ in newByteArray([], type: TypePtr(bitPattern: t)).raw }
    ba.pointee.initFn = { s, p, n, kw in
        guard let b = bytesFromArgs(Args(p, n, kw), "bytearray") else { return -1 }
        if !byteArrayResizeCheck(PyValue(raw: s)) { return -1 }
        byteArrayPtr(PyValue(raw: s)).pointee.bytes = b
        return 0
    }
    installBytesLikeMethods(ba)
    installByteArrayMethods(ba)
    addSlotWrappers(ba)
    addMethod(ba, "__setitem__") { s, p, n, _ in
        if n != 2 { return raise(typeErrorType, "expected 2 arguments, got \(n)").raw }
        return byteArraySetItem(s, p.unsafelyUnwrapped[0], p.unsafelyUnwrapped[1]) < 0 ? 0 : newRef(pyNone).raw
    }
    addMethod(ba, "__delitem__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        return byteArraySetItem(s, p.unsafelyUnwrapped[0], 0) < 0 ? 0 : newRef(pyNone).raw
    }

    installMemoryView(memoryViewType)
    addSlotWrappers(memoryViewType)
}

func makeBytesIterType() -> TypePtr {
    let t = newType("bytes_iterator", base: objectType, basicSize: MemoryLayout<IterObject>.stride, dealloc: iterDealloc)
    t.pointee.dict = newDict()
    t.pointee.iter = selfIter
    t.pointee.getattro = genericGetAttrSlot
    t.pointee.iternext = { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let s = p.pointee.seq
        if s.isNull { return 0 }
        let b = bytesLikeBytes(s) ?? []
        let i = p.pointee.index
        if i < b.count { p.pointee.index = i + 1; return PyValue.small(Int(b[i])).raw }
        p.pointee.seq = .null; decref(s)
        return 0
    }
    return t
}
