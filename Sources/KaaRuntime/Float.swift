import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore

/// `float`: a boxed Double. Freed floats go to a free list (CPython keeps one too) so float-heavy loops do not
/// call malloc per result.
struct FloatObject {
    var header: PyObject
    var value: Double
}

nonisolated(unsafe) var floatFreeList: UnsafeMutablePointer<FloatObject>? = nil
nonisolated(unsafe) var floatFreeCount = 0

func floatDealloc(_ w: Word) {
    if floatFreeCount < 100 && PyValue(raw: w).obj.pointee.type == floatType {
        let p = PyValue(raw: w).payload(FloatObject.self)
        // The free list links through the value field.
        p.pointee.value = Double(bitPattern: UInt64(UInt(bitPattern: floatFreeList)))
        floatFreeList = p
        floatFreeCount += 1
        return
    }
    freeObject(w)
}

@inline(__always) package func newFloat(_ d: Double) -> PyValue {
    if let p = floatFreeList {
        floatFreeList = UnsafeMutablePointer(bitPattern: UInt(p.pointee.value.bitPattern))
        floatFreeCount -= 1
        p.pointee.header.refcount = 1
        p.pointee.value = d
        return PyValue(raw: UInt(bitPattern: p))
    }
    let p = allocObject(FloatObject.self, floatType)
    p.pointee.value = d
    return PyValue(raw: UInt(bitPattern: p))
}

@inline(__always) package func floatValue(_ v: PyValue) -> Double { v.payload(FloatObject.self).pointee.value }

/// Operand as a double for float arithmetic: float or int; nil with no exception = not a number (NotImplemented),
/// nil with an exception = int too large.
@inline(__always) package func floatOperand(_ v: PyValue) -> Double? {
    if v.isSmallInt { return Double(v.smallInt) }
    let t = v.obj.pointee.type
    if t == floatType { return v.payload(FloatObject.self).pointee.value }
    if t == intType || t == boolType { return intToDouble(v) }
    if isSubtype(t, floatType) { return v.payload(FloatObject.self).pointee.value }
    return nil
}

/// float ⊕ float for BINARY_OP's `op`. CPython: float_add … float_pow.
func floatBinary(_ op: Int, _ a: PyValue, _ b: PyValue) -> PyValue {
    guard let x = floatOperand(a) else { return curExc.isNull ? newRef(pyNotImplemented) : .null }
    guard let y = floatOperand(b) else { return curExc.isNull ? newRef(pyNotImplemented) : .null }
    switch op {
    case 0: return newFloat(x + y)
    case 10: return newFloat(x - y)
    case 5: return newFloat(x * y)
    case 11:
        if y == 0 { return raise(zeroDivisionErrorType, "float division by zero") }
        return newFloat(x / y)
    case 2:
        if y == 0 { return raise(zeroDivisionErrorType, "float floor division by zero") }
        return newFloat(floatDivmod(x, y).0)
    case 6:
        if y == 0 { return raise(zeroDivisionErrorType, "float modulo") }
        return newFloat(floatDivmod(x, y).1)
    case 8: return floatPow(x, y)
    default: return newRef(pyNotImplemented)
    }
}

/// CPython: float_divmod
func floatDivmod(_ vx: Double, _ wx: Double) -> (Double, Double) {
    var mod = fmod(vx, wx)
    var div = (vx - mod) / wx
    if mod != 0 {
        if (wx < 0) != (mod < 0) { mod += wx; div -= 1.0 }
    } else {
        mod = copysign(0.0, wx)
    }
    var floordiv: Double
    if div != 0 {
        floordiv = floor(div)
        if div - floordiv > 0.5 { floordiv += 1.0 }
    } else {
        floordiv = copysign(0.0, vx / wx)
    }
    return (floordiv, mod)
}

/// CPython: float_pow (the complex result of a negative base with a fractional exponent is not supported yet).
func floatPow(_ x: Double, _ y: Double) -> PyValue {
    func isOddInteger(_ d: Double) -> Bool { d.isFinite && fmod(Swift.abs(d), 2.0) == 1.0 }
    if y == 0 { return newFloat(1.0) }
    if x.isNaN { return newFloat(x) }
    if y.isNaN { return newFloat(x == 1.0 ? 1.0 : y) }
    if x.isInfinite {
        if y > 0 { return newFloat(isOddInteger(y) ? x : Swift.abs(x)) }
        return newFloat(isOddInteger(y) ? copysign(0.0, x) : 0.0)
    }
    if y.isInfinite {
        let ax = Swift.abs(x)
        if ax == 1.0 { return newFloat(1.0) }
        if (y > 0) == (ax > 1.0) { return newFloat(Swift.abs(y)) }
        return newFloat(0.0)
    }
    if x == 0 {
        if y < 0 { return raise(zeroDivisionErrorType, "0.0 cannot be raised to a negative power") }
        return newFloat(isOddInteger(y) ? x : 0.0)
    }
    var base = x
    var negate = false
    if base < 0 {
        if y != floor(y) {
            // Negative numbers raised to fractional powers become complex.
            return complexPow(Complex64(x, 0), Complex64(y, 0))
        }
        base = -base
        negate = isOddInteger(y)
    }
    if base == 1.0 { return newFloat(negate ? -1.0 : 1.0) }
    var r = pow(base, y)
    if r.isInfinite { return raise(overflowErrorType, "(34, 'Numerical result out of range')") }
    if negate { r = -r }
    return newFloat(r)
}

/// hash(float) (CPython: _Py_HashDouble). NaN hashes by identity (3.10+): the caller passes the object.
func floatHash(_ d: Double, _ obj: PyValue = .null) -> Int {
    if d.isInfinite { return d > 0 ? 314159 : -314159 }
    if d.isNaN {
        let a = obj.raw
        let h = Int(bitPattern: (a >> 4) | (a << 60))
        return h == -1 ? -2 : h
    }
    let modulus: UInt64 = (1 << 61) - 1
    var (m, e) = cFrexp(d)
    var negative = false
    if m < 0 { negative = true; m = -m }
    var x: UInt64 = 0
    while m != 0 {
        x = ((x << 28) & modulus) | x >> (61 - 28)
        m *= 268435456.0
        e -= 28
        let y = UInt64(m)
        m -= Double(y)
        x += y
        if x >= modulus { x -= modulus }
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
    x = ((x << UInt64(e)) & modulus) | x >> UInt64(61 - e)
    var h = Int(bitPattern: UInt(x))
    if negative { h = -h }
    if h == -1 { h = -2 }
    return h
}

func floatRepr(_ d: Double) -> PyValue { newStrASCII(PyRepr.float(d)) }

func installFloatSlots() {
    let t = floatType!
    t.pointee.repr = { floatRepr(floatValue(PyValue(raw: $0))).raw }
    t.pointee.hash = { floatHash(floatValue(PyValue(raw: $0)), PyValue(raw: $0)) }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        let fx = floatValue(x)
        if y.type == floatType || isSubtype(y.type, floatType) {
            let fy = floatValue(y)
            let r: Bool
            switch op {
            case 0: r = fx < fy
            case 1: r = fx <= fy
            case 2: r = fx == fy
            case 3: r = fx != fy
            case 4: r = fx > fy
            default: r = fx >= fy
            }
            return newRef(makeBool(r)).raw
        }
        if isIntLike(y) {
            // Reflect to int's exact comparison.
            let swapped = [4, 5, 2, 3, 0, 1][op]
            if let r = intToDoubleExactCompare(y, x, swapped) { return r.raw }
        }
        return newRef(pyNotImplemented).raw
    }
    for op in [0, 2, 5, 6, 8, 10, 11] {
        switch op {
        case 0: t.pointee.nb[0] = { floatBinary(0, PyValue(raw: $0), PyValue(raw: $1)).raw }
        case 2: t.pointee.nb[2] = { floatBinary(2, PyValue(raw: $0), PyValue(raw: $1)).raw }
        case 5: t.pointee.nb[5] = { floatBinary(5, PyValue(raw: $0), PyValue(raw: $1)).raw }
        case 6: t.pointee.nb[6] = { floatBinary(6, PyValue(raw: $0), PyValue(raw: $1)).raw }
        case 8: t.pointee.nb[8] = { floatBinary(8, PyValue(raw: $0), PyValue(raw: $1)).raw }
        case 10: t.pointee.nb[10] = { floatBinary(10, PyValue(raw: $0), PyValue(raw: $1)).raw }
        default: t.pointee.nb[11] = { floatBinary(11, PyValue(raw: $0), PyValue(raw: $1)).raw }
        }
    }
    t.pointee.neg = { newFloat(-floatValue(PyValue(raw: $0))).raw }
    t.pointee.pos = { newFloat(floatValue(PyValue(raw: $0))).raw }
    t.pointee.abs = { newFloat(Swift.abs(floatValue(PyValue(raw: $0)))).raw }
    t.pointee.bool = { floatValue(PyValue(raw: $0)) != 0 ? 1 : 0 }
    t.pointee.toFloat = { newRef(PyValue(raw: $0)).raw }
    t.pointee.toInt = { w in
        let d = floatValue(PyValue(raw: w))
        if d.isNaN { return raise(valueErrorType, "cannot convert float NaN to integer").raw }
        if d.isInfinite { return raise(overflowErrorType, "cannot convert float infinity to integer").raw }
        return intFromBig(BigInt(d.rounded(.towardZero))).raw
    }
    t.pointee.new = { t, args, n, kw in
        let r = PyValue(raw: floatNewExact(t, args, n, kw))
        if r.isNull || t == floatType.asValue.raw { return r.raw }
        defer { decref(r) }
        let type = TypePtr(bitPattern: t).unsafelyUnwrapped
        let size = Swift.max(type.pointee.basicSize, MemoryLayout<FloatObject>.stride)
        let p = allocObject(FloatObject.self, type, extra: size - MemoryLayout<FloatObject>.stride)
        (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
        p.pointee.value = floatValue(r)
        return UInt(bitPattern: p)
    }
}

/// float(x) as an exact float (CPython: float_new_impl).
func floatNewExact(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    do {
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 { return raise(typeErrorType, "float() takes no keyword arguments").raw }
        if n > 1 { return raise(typeErrorType, "float expected at most 1 argument, got \(n)").raw }
        if n == 0 { return newFloat(0).raw }
        let x = PyValue(raw: args.unsafelyUnwrapped[0])
        if x.type == floatType { return newRef(x).raw }
        if isSubtype(x.type, floatType) && !hasHeapDunder(x.type, "__float__") { return newFloat(floatValue(x)).raw }
        if isInstance(x, strType) || x.type == bytesType || x.type == byteArrayType { return floatFromStringObject(x).raw }
        if x.type.pointee.isHeapType {
            if hasHeapDunder(x.type, "__float__") {
                let r = callDunder(x, "__float__", [])
                if r.isNull { return 0 }
                if !isInstance(r, floatType) {
                    defer { decref(r) }
                    return raise(typeErrorType, "\(typeName(x)).__float__ returned non-float (type \(typeName(r)))").raw
                }
                return r.raw
            }
            if hasHeapDunder(x.type, "__index__") {
                let r = callDunder(x, "__index__", [])
                if r.isNull { return 0 }
                defer { decref(r) }
                guard let d = intToDouble(r) else { return 0 }
                return newFloat(d).raw
            }
        }
        if let f = x.type.pointee.toFloat { return f(x.raw) }
        if x.type == memoryViewType { return floatFromStringObject(x).raw }
        return raise(typeErrorType, "float() argument must be a string or a real number, not '\(typeName(x))'").raw
    }
}

extension String {
    /// `1_000.5` → `1000.5` when underscores sit between digits (as float() accepts), else unchanged.
    func replacingUnderscoresInNumber() -> String {
        if !contains("_") { return self }
        let chars = Array(self)
        for (i, c) in chars.enumerated() where c == "_" {
            if i == 0 || i == chars.count - 1 || !chars[i - 1].isNumber || !chars[i + 1].isNumber { return self + "!" }
        }
        return String(chars.filter { $0 != "_" })
    }
}
