import BigInt

/// memoryview over bytes and bytearray with the native single-character struct formats CPython's memoryview
/// supports (Objects/memoryobject.c: get_native_fmtchar, unpack_single, pack_single, memory_cast, cast_to_1D):
/// b B h H i I l L q Q n N f d ? c P, one dimension. An item is `itemsize` bytes at byte offset
/// `start + index * step` of the exporter; `step` is the stride in bytes.

struct MemoryViewObject {
    var header: PyObject
    var obj: PyValue
    var start: Int
    var step: Int
    var count: Int
    var released: Bool
    /// The format character ('B' for a plain view) and whether the format was given as "@x".
    var format: UInt8
    var formatAt: Bool
    var itemsize: Int
}

@inline(__always) func mvPtr(_ v: PyValue) -> UnsafeMutablePointer<MemoryViewObject> { v.payload(MemoryViewObject.self) }

/// The item size of a native format character, or nil (CPython: get_native_fmtchar).
func mvItemSize(_ f: UInt8) -> Int? {
    switch f {
    case UInt8(ascii: "c"), UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "?"): return 1
    case UInt8(ascii: "h"), UInt8(ascii: "H"): return 2
    case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "f"): return 4
    case UInt8(ascii: "l"), UInt8(ascii: "L"), UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "n"),
         UInt8(ascii: "N"), UInt8(ascii: "d"), UInt8(ascii: "P"): return 8
    default: return nil
    }
}

@inline(__always) private func isByteFormat(_ f: UInt8) -> Bool {
    f == UInt8(ascii: "B") || f == UInt8(ascii: "b") || f == UInt8(ascii: "c")
}

func newMemoryView(_ obj: PyValue, start: Int, step: Int, count: Int, format: UInt8 = UInt8(ascii: "B"),
                   formatAt: Bool = false, itemsize: Int = 1) -> PyValue {
    let p = allocObject(MemoryViewObject.self, memoryViewType)
    p.pointee.obj = newRef(obj)
    p.pointee.start = start; p.pointee.step = step; p.pointee.count = count
    p.pointee.released = false
    p.pointee.format = format; p.pointee.formatAt = formatAt; p.pointee.itemsize = itemsize
    if isByteArray(obj) { byteArrayPtr(obj).pointee.exports += 1 }
    return PyValue(raw: UInt(bitPattern: p))
}

/// A view like `m` (same format) over other items of the same exporter.
private func mvDerived(_ m: MemoryViewObject, start: Int, step: Int, count: Int) -> PyValue {
    newMemoryView(m.obj, start: start, step: step, count: count, format: m.format, formatAt: m.formatAt,
                  itemsize: m.itemsize)
}

/// The bytes of the view's items in order (what bytes(view) and tobytes() give); nil when released.
func memoryViewBytes(_ v: PyValue) -> [UInt8]? {
    let m = mvPtr(v).pointee
    if m.released { return nil }
    guard let base = bytesLikeBytes(m.obj) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(m.count * m.itemsize)
    var i = m.start
    for _ in 0..<m.count {
        for k in 0..<m.itemsize where i + k >= 0 && i + k < base.count { out.append(base[i + k]) }
        i += m.step
    }
    return out
}

/// CPython: unpack_single (native byte order: little-endian here).
private func mvUnpack(_ f: UInt8, _ b: [UInt8], _ at: Int, _ size: Int) -> PyValue {
    var raw: UInt64 = 0
    for k in 0..<size where at + k < b.count { raw |= UInt64(b[at + k]) << UInt64(8 * k) }
    switch f {
    case UInt8(ascii: "b"): return makeInt(Int(Int8(truncatingIfNeeded: raw)))
    case UInt8(ascii: "h"): return makeInt(Int(Int16(truncatingIfNeeded: raw)))
    case UInt8(ascii: "i"): return makeInt(Int(Int32(truncatingIfNeeded: raw)))
    case UInt8(ascii: "l"), UInt8(ascii: "q"), UInt8(ascii: "n"): return makeInt(Int(Int64(bitPattern: raw)))
    case UInt8(ascii: "f"): return newFloat(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
    case UInt8(ascii: "d"): return newFloat(Double(bitPattern: raw))
    case UInt8(ascii: "?"): return newRef(makeBool(raw != 0))
    case UInt8(ascii: "c"): return newBytes([UInt8(truncatingIfNeeded: raw)])
    default: // B H I L Q N P
        return raw <= UInt64(Int.max) ? makeInt(Int(raw)) : intFromBig(BigInt(raw))
    }
}

/// CPython: pack_single — the item's bytes, or nil with "memoryview: invalid type/value for format 'x'".
private func mvPack(_ f: UInt8, _ value: PyValue, _ size: Int, _ fmtName: String) -> [UInt8]? {
    func invalid(_ what: String, _ type: TypePtr) -> [UInt8]? {
        raise(type, "memoryview: invalid \(what) for format '\(fmtName)'"); return nil
    }
    func bytesOf(_ raw: UInt64) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: raw >> UInt64(8 * $0)) } }
    switch f {
    case UInt8(ascii: "f"), UInt8(ascii: "d"):
        let x: Double
        // CPython: PyFloat_AsDouble (float, __float__, then __index__).
        if !value.isSmallInt && isInstance(value, floatType) { x = floatValue(value) }
        else if let b = bigOperand(value) {
            x = Double(b)
            if !x.isFinite { return invalid("value", valueErrorType) } // OverflowError in PyFloat_AsDouble
        }
        else if !value.isSmallInt, let tf = value.type.pointee.toFloat {
            let fv = PyValue(raw: tf(value.raw))
            if fv.isNull { return nil }
            defer { decref(fv) }
            guard !fv.isSmallInt && isInstance(fv, floatType) else { return invalid("type", typeErrorType) }
            x = floatValue(fv)
        } else { return invalid("type", typeErrorType) }
        if f == UInt8(ascii: "d") { return bytesOf(x.bitPattern) }
        return bytesOf(UInt64(Float(x).bitPattern)) // CPython stores (float)d: out of range gives inf
    case UInt8(ascii: "?"):
        let t = isTrue(value)
        if t < 0 { return nil }
        return [UInt8(t)]
    case UInt8(ascii: "c"):
        guard isInstance(value, bytesType) else { return invalid("type", typeErrorType) }
        let b = value.payload(BytesObject.self).pointee.bytes
        guard b.count == 1 else { return invalid("value", valueErrorType) }
        return b
    default:
        let big: BigInt
        if let s = smallOperand(value) { big = BigInt(s) } else if let b = bigOperand(value) { big = b } else {
            guard !value.isSmallInt, value.type.pointee.index != nil, value.type != floatType else {
                return invalid("type", typeErrorType)
            }
            let r = PyValue(raw: value.type.pointee.index!(value.raw))
            if r.isNull { decref(fetchException()); return invalid("type", typeErrorType) }
            defer { decref(r) }
            guard let b = bigOperand(r) else { return invalid("type", typeErrorType) }
            big = b
        }
        let signed = f == UInt8(ascii: "b") || f == UInt8(ascii: "h") || f == UInt8(ascii: "i")
            || f == UInt8(ascii: "l") || f == UInt8(ascii: "q") || f == UInt8(ascii: "n")
        let bits = 8 * size
        let lo: BigInt = signed ? -(BigInt(1) << (bits - 1)) : 0
        let hi: BigInt = signed ? (BigInt(1) << (bits - 1)) - 1 : (BigInt(1) << bits) - 1
        if big < lo || big > hi { return invalid("value", valueErrorType) }
        let raw: UInt64 = big < 0 ? UInt64(bitPattern: Int64(big)) : UInt64(big)
        return bytesOf(raw)
    }
}

private func mvFormatName(_ m: MemoryViewObject) -> String {
    (m.formatAt ? "@" : "") + String(UnicodeScalar(m.format))
}

/// The items as Python values (tolist()).
private func mvItems(_ m: MemoryViewObject) -> [PyValue] {
    let base = bytesLikeBytes(m.obj) ?? []
    return (0..<m.count).map { mvUnpack(m.format, base, m.start + $0 * m.step, m.itemsize) }
}

func memoryViewRelease(_ v: PyValue) {
    let m = mvPtr(v)
    if m.pointee.released { return }
    m.pointee.released = true
    if isByteArray(m.pointee.obj) { byteArrayPtr(m.pointee.obj).pointee.exports -= 1 }
}

func memoryViewDealloc(_ w: Word) {
    let v = PyValue(raw: w)
    memoryViewRelease(v)
    decref(mvPtr(v).pointee.obj)
    freeObject(w)
}

func mvCheck(_ v: PyValue) -> Bool {
    if mvPtr(v).pointee.released {
        raise(valueErrorType, "operation forbidden on released memoryview object"); return false
    }
    return true
}

/// Items of a memoryview, or of another bytes-like object read as format 'B' (for comparisons).
private func comparableItems(_ v: PyValue) -> [PyValue]? {
    if !v.isSmallInt && v.type == memoryViewType { return mvItems(mvPtr(v).pointee) }
    guard let b = bytesLikeBytes(v) else { return nil }
    return b.map { PyValue.small(Int($0)) }
}

/// memoryview.cast(format[, shape]) to one dimension (CPython: memory_cast, cast_to_1D).
private func memoryViewCast(_ v: PyValue, _ a: Args) -> PyValue {
    guard mvCheck(v) else { return .null }
    guard let args = a.bind("cast", ["format", "shape"], required: 1) else { return .null }
    guard isInstance(args[0], strType) else {
        return raise(typeErrorType, "cast() argument 'format' must be str, not \(typeName(args[0]))")
    }
    let m = mvPtr(v).pointee
    if !(m.step == m.itemsize || m.count <= 1) {
        return raise(typeErrorType, "memoryview: casts are restricted to C-contiguous views")
    }
    let text = Array(strBuffer(args[0]))
    let at = text.first == 64
    let rest = at ? Array(text.dropFirst()) : text
    guard rest.count == 1, rest[0] < 128, let size = mvItemSize(UInt8(rest[0])) else {
        return raise(valueErrorType,
                     "memoryview: destination format must be a native single character format prefixed with an optional '@'")
    }
    let f = UInt8(rest[0])
    if !isByteFormat(m.format) && !isByteFormat(f) {
        return raise(typeErrorType, "memoryview: cannot cast between two non-byte formats")
    }
    let nbytes = m.count * m.itemsize
    if nbytes % size != 0 { return raise(typeErrorType, "memoryview: length is not a multiple of itemsize") }
    let n = nbytes / size
    if !args[1].isNull {
        guard let dims = collectIterable(args[1]) else { return .null }
        defer { for d in dims { decref(d) } }
        if dims.count != 1 {
            return raise(notImplementedErrorTypeForMV(), "memoryview: casts to more than one dimension are not supported")
        }
        guard let d = indexValueOrRaise(dims[0]) else { return .null }
        if d * size != nbytes {
            return raise(typeErrorType, "memoryview: product(shape) * itemsize != buffer size")
        }
    }
    return newMemoryView(m.obj, start: m.start, step: size, count: n, format: f, formatAt: at, itemsize: size)
}

private func notImplementedErrorTypeForMV() -> TypePtr {
    exceptionTypeNamed("NotImplementedError", or: runtimeErrorType)
}

func installMemoryView(_ t: TypePtr) {
    t.pointee.new = { _, p, n, kw in
        guard let a = Args(p, n, kw).bind("memoryview", ["object"], required: 1) else { return 0 }
        let o = a[0]
        if !o.isSmallInt && o.type == memoryViewType {
            guard mvCheck(o) else { return 0 }
            let m = mvPtr(o).pointee
            return mvDerived(m, start: m.start, step: m.step, count: m.count).raw
        }
        guard let b = bytesLikeBytes(o) else {
            return raise(typeErrorType, "memoryview: a bytes-like object is required, not '\(typeName(o))'").raw
        }
        return newMemoryView(o, start: 0, step: 1, count: b.count).raw
    }
    t.pointee.len = { w in
        let v = PyValue(raw: w)
        if !mvCheck(v) { return -1 }
        return mvPtr(v).pointee.count
    }
    t.pointee.repr = { w in
        let v = PyValue(raw: w)
        let state = mvPtr(v).pointee.released ? "released memory" : "memory"
        return newStr("<\(state) at \(addressString(v))>").raw
    }
    t.pointee.getitem = { w, k in
        let v = PyValue(raw: w), key = PyValue(raw: k)
        guard mvCheck(v) else { return 0 }
        let m = mvPtr(v).pointee
        if !key.isSmallInt && key.type == sliceType {
            guard let (start, _, step, len) = sliceIndices(key, m.count) else { return 0 }
            return mvDerived(m, start: m.start + start * m.step, step: m.step * step, count: len).raw
        }
        guard let i = indexValue(key) else {
            if !curExc.isNull { return 0 }
            return raise(typeErrorType, "memoryview: invalid slice key").raw
        }
        let j = i < 0 ? i + m.count : i
        if j < 0 || j >= m.count { return raise(indexErrorType, "index out of bounds on dimension 1").raw }
        let base = bytesLikeBytes(m.obj) ?? []
        let at = m.start + j * m.step
        if at < 0 || at + m.itemsize > base.count { return raise(indexErrorType, "index out of bounds on dimension 1").raw }
        return mvUnpack(m.format, base, at, m.itemsize).raw
    }
    t.pointee.setitem = { w, k, x in
        let v = PyValue(raw: w), key = PyValue(raw: k), value = PyValue(raw: x)
        guard mvCheck(v) else { return -1 }
        let m = mvPtr(v).pointee
        if !isByteArray(m.obj) { return raiseInt(typeErrorType, "cannot modify read-only memory") }
        if value.isNull { return raiseInt(typeErrorType, "cannot delete memory") }
        let size = byteArrayPtr(m.obj).pointee.bytes.count
        if !key.isSmallInt && key.type == sliceType {
            guard let (start, _, step, len) = sliceIndices(key, m.count) else { return -1 }
            guard let src = bytesLikeBytes(value) else {
                return raiseInt(typeErrorType, "a bytes-like object is required, not '\(typeName(value))'")
            }
            let srcFormat = (!value.isSmallInt && value.type == memoryViewType) ? mvPtr(value).pointee.format : UInt8(ascii: "B")
            if src.count != len * m.itemsize || (srcFormat != m.format && !(isByteFormat(srcFormat) && m.format == UInt8(ascii: "B"))) {
                return raiseInt(valueErrorType, "memoryview assignment: lvalue and rvalue have different structures")
            }
            var at = m.start + start * m.step
            var k = 0
            for _ in 0..<len {
                for b in 0..<m.itemsize where at + b >= 0 && at + b < size { byteArrayPtr(m.obj).pointee.bytes[at + b] = src[k + b] }
                k += m.itemsize
                at += m.step * step
            }
            return 0
        }
        guard let i = indexValueOrRaise(key) else { return -1 }
        let j = i < 0 ? i + m.count : i
        if j < 0 || j >= m.count { return raiseInt(indexErrorType, "index out of bounds on dimension 1") }
        guard let item = mvPack(m.format, value, m.itemsize, mvFormatName(m)) else { return -1 }
        let at = m.start + j * m.step
        for b in 0..<m.itemsize where at + b >= 0 && at + b < size { byteArrayPtr(m.obj).pointee.bytes[at + b] = item[b] }
        return 0
    }
    // CPython: memory_richcompare — item by item, as the formats read them.
    t.pointee.richcompare = { a, b, op in
        if op != 2 && op != 3 { return newRef(pyNotImplemented).raw }
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if mvPtr(x).pointee.released || (!y.isSmallInt && y.type == memoryViewType && mvPtr(y).pointee.released) {
            return newRef(makeBool((x == y) == (op == 2))).raw
        }
        guard let xs = comparableItems(x) else { return newRef(pyNotImplemented).raw }
        guard let ys = comparableItems(y) else { for e in xs { decref(e) }; return newRef(pyNotImplemented).raw }
        defer { for e in xs { decref(e) }; for e in ys { decref(e) } }
        var equal = xs.count == ys.count
        if equal {
            for (p, q) in zip(xs, ys) {
                let r = richCompareBool(p, q, 2)
                if r < 0 { return 0 }
                if r == 0 { equal = false; break }
            }
        }
        return newRef(makeBool(equal == (op == 2))).raw
    }
    t.pointee.hash = { w in
        let v = PyValue(raw: w)
        if !mvCheck(v) { return -1 }
        let m = mvPtr(v).pointee
        if isByteArray(m.obj) { return raiseInt(valueErrorType, "cannot hash writable memoryview object") }
        if !isByteFormat(m.format) {
            return raiseInt(valueErrorType, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        }
        let b = newBytes(bytesLikeBytes(v) ?? [])
        defer { decref(b) }
        return objectHash(b)
    }
    t.pointee.iter = { w in
        let v = PyValue(raw: w)
        guard mvCheck(v) else { return 0 }
        let l = newList(mvItems(mvPtr(v).pointee))
        defer { decref(l) }
        return getIter(l).raw
    }
    addMethod(t, "tobytes") { s, p, n, kw in
        guard let _ = Args(p, n, kw).bind("tobytes", ["order"], required: 0) else { return 0 }
        let v = PyValue(raw: s)
        guard mvCheck(v) else { return 0 }
        return newBytes(bytesLikeBytes(v) ?? []).raw
    }
    addMethod(t, "tolist") { s, _, _, _ in
        let v = PyValue(raw: s)
        guard mvCheck(v) else { return 0 }
        return newList(mvItems(mvPtr(v).pointee)).raw
    }
    addMethod(t, "hex") { s, p, n, kw in
        let v = PyValue(raw: s)
        guard mvCheck(v) else { return 0 }
        return bytesHex(bytesLikeBytes(v) ?? [], Args(p, n, kw)).raw
    }
    addMethod(t, "release") { s, _, _, _ in memoryViewRelease(PyValue(raw: s)); return newRef(pyNone).raw }
    addMethod(t, "__enter__") { s, _, _, _ in
        let v = PyValue(raw: s)
        guard mvCheck(v) else { return 0 }
        return newRef(v).raw
    }
    addMethod(t, "__exit__") { s, _, _, _ in memoryViewRelease(PyValue(raw: s)); return newRef(pyNone).raw }
    addMethod(t, "toreadonly") { s, _, _, _ in
        let v = PyValue(raw: s)
        guard mvCheck(v) else { return 0 }
        let m = mvPtr(v).pointee
        let b = newBytes(bytesLikeBytes(v) ?? [])
        defer { decref(b) }
        return newMemoryView(b, start: 0, step: m.itemsize, count: m.count, format: m.format, formatAt: m.formatAt,
                             itemsize: m.itemsize).raw
    }
    addMethod(t, "cast") { s, p, n, kw in memoryViewCast(PyValue(raw: s), Args(p, n, kw)).raw }
    let getters: [(String, BuiltinFn)] = [
        ("nbytes", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return makeInt(mvPtr(v).pointee.count * mvPtr(v).pointee.itemsize).raw }),
        ("readonly", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newRef(makeBool(!isByteArray(mvPtr(v).pointee.obj))).raw }),
        ("itemsize", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return makeInt(mvPtr(v).pointee.itemsize).raw }),
        ("format", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newStr(mvFormatName(mvPtr(v).pointee)).raw }),
        ("ndim", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return PyValue.small(1).raw }),
        ("shape", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newTuple([makeInt(mvPtr(v).pointee.count)]).raw }),
        ("strides", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newTuple([makeInt(mvPtr(v).pointee.step)]).raw }),
        ("suboffsets", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newTuple([]).raw }),
        ("obj", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newRef(mvPtr(v).pointee.obj).raw }),
        ("c_contiguous", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newRef(makeBool(mvContiguous(mvPtr(v).pointee))).raw }),
        ("f_contiguous", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newRef(makeBool(mvContiguous(mvPtr(v).pointee))).raw }),
        ("contiguous", { _, p, _, _ in let v = PyValue(raw: p.unsafelyUnwrapped[0]); guard mvCheck(v) else { return 0 }; return newRef(makeBool(mvContiguous(mvPtr(v).pointee))).raw }),
    ]
    for (name, fn) in getters { addGetter(t, name, fn) }
}

private func mvContiguous(_ m: MemoryViewObject) -> Bool { m.step == m.itemsize || m.count <= 1 }
