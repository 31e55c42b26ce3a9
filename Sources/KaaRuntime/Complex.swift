#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt
import KaaCore

/// `complex` (CPython: Objects/complexobject.c): two doubles, the arithmetic of _Py_c_sum … _Py_c_pow, repr,
/// hash, complex(str) parsing, and the mixed int/float/complex operand rules.

struct ComplexObject {
    var header: PyObject
    var real: Double
    var imag: Double
}

struct Complex64 {
    var re: Double
    var im: Double
    init(_ re: Double, _ im: Double) { self.re = re; self.im = im }
}

nonisolated(unsafe) package var complexType: TypePtr! = nil

package func newComplex(_ re: Double, _ im: Double) -> PyValue {
    let p = allocObject(ComplexObject.self, complexType)
    p.pointee.real = re
    p.pointee.imag = im
    return PyValue(raw: UInt(bitPattern: p))
}
func newComplex(_ c: Complex64) -> PyValue { newComplex(c.re, c.im) }

@inline(__always) func complexValue(_ v: PyValue) -> Complex64 {
    let p = v.payload(ComplexObject.self)
    return Complex64(p.pointee.real, p.pointee.imag)
}

/// An operand of complex arithmetic: complex, float or int. nil without an exception: not a number
/// (NotImplemented); nil with an exception: an int too large for a float.
func complexOperand(_ v: PyValue) -> Complex64? {
    if !v.isSmallInt && (v.type == complexType || isSubtype(v.type, complexType)) { return complexValue(v) }
    if let d = floatOperand(v) { return Complex64(d, 0) }
    return nil
}

// CPython: _Py_c_quot (Smith's algorithm with CPython's scaling).
func complexQuot(_ a: Complex64, _ b: Complex64) -> Complex64? {
    let absBr = Swift.abs(b.re), absBi = Swift.abs(b.im)
    if absBr >= absBi {
        if absBr == 0.0 { return nil }
        let ratio = b.im / b.re
        let denom = b.re + b.im * ratio
        return Complex64((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if absBi >= absBr {
        let ratio = b.re / b.im
        let denom = b.re * ratio + b.im
        return Complex64((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    }
    return Complex64(.nan, .nan)
}

private func cprod(_ a: Complex64, _ b: Complex64) -> Complex64 {
    Complex64(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// CPython: _Py_c_pow. Sets `errno`-like flags through the return: (result, 0 ok / 33 EDOM / 34 ERANGE).
private func cpow(_ a: Complex64, _ b: Complex64) -> (Complex64, Int) {
    if b.re == 0 && b.im == 0 { return (Complex64(1, 0), 0) }
    if a.re == 0 && a.im == 0 {
        if b.im != 0 || b.re < 0 { return (Complex64(0, 0), 33) }
        return (Complex64(0, 0), 0)
    }
    let vabs = hypot(a.re, a.im)
    var len = pow(vabs, b.re)
    let at = atan2(a.im, a.re)
    var phase = at * b.re
    if b.im != 0 {
        len /= exp(at * b.im)
        phase += b.im * log(vabs)
    }
    return (Complex64(len * cos(phase), len * sin(phase)), 0)
}

private func cpowu(_ x: Complex64, _ n: Int) -> Complex64 {
    var r = Complex64(1, 0), p = x
    var mask = 1
    while mask > 0 && n >= mask {
        if n & mask != 0 { r = cprod(r, p) }
        mask <<= 1
        p = cprod(p, p)
    }
    return r
}

private func cpowi(_ x: Complex64, _ n: Int) -> (Complex64, Int) {
    if n > 0 { return (cpowu(x, n), 0) }
    guard let q = complexQuot(Complex64(1, 0), cpowu(x, -n)) else { return (Complex64(0, 0), 33) }
    return (q, 0)
}

/// a ** b for complex operands (CPython: complex_pow).
func complexPow(_ a: Complex64, _ b: Complex64) -> PyValue {
    var r: (Complex64, Int)
    let intExp = Int(exactly: b.re.rounded(.towardZero)) ?? Int.max
    if b.im == 0 && b.re == Double(intExp) && Swift.abs(intExp) <= 100 {
        r = cpowi(a, intExp)
    } else {
        r = cpow(a, b)
    }
    if r.1 == 33 { return raise(zeroDivisionErrorType, "0.0 to a negative or complex power") }
    if r.0.re.isInfinite || r.0.im.isInfinite {
        return raise(overflowErrorType, "complex exponentiation")
    }
    return newComplex(r.0)
}

func complexBinary(_ op: Int, _ a: PyValue, _ b: PyValue) -> PyValue {
    guard let x = complexOperand(a) else { return curExc.isNull ? newRef(pyNotImplemented) : .null }
    guard let y = complexOperand(b) else { return curExc.isNull ? newRef(pyNotImplemented) : .null }
    switch op {
    case 0: return newComplex(x.re + y.re, x.im + y.im)
    case 10: return newComplex(x.re - y.re, x.im - y.im)
    case 5: return newComplex(cprod(x, y))
    case 11:
        guard let q = complexQuot(x, y) else { return raise(zeroDivisionErrorType, "complex division by zero") }
        return newComplex(q)
    case 8: return complexPow(x, y)
    default: return newRef(pyNotImplemented)
    }
}

/// repr(complex) (CPython: complex_repr).
func complexRepr(_ c: Complex64) -> String { PyRepr.complex(real: c.re, imag: c.im) }

func complexHash(_ c: Complex64) -> Int {
    let hr = UInt(bitPattern: floatHash(c.re)), hi = UInt(bitPattern: floatHash(c.im))
    var h = Int(bitPattern: hr &+ 1000003 &* hi)
    if h == -1 { h = -2 }
    return h
}

/// complex(str) (CPython: complex_from_string_inner).
func complexFromString(_ cps: [UInt32]) -> PyValue {
    func malformed() -> PyValue { raise(valueErrorType, "complex() arg is a malformed string") }
    var s: [UInt8] = cps.map { c in
        if c < 128 { return UInt8(c) }
        if isPySpace(c) { return 32 }
        if let d = unicodeDecimalValue(c) { return UInt8(48 + d) }
        return 63
    }
    func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
    while let f = s.first, isSpace(f) { s.removeFirst() }
    while let l = s.last, isSpace(l) { s.removeLast() }
    if s.first == 40 {
        guard s.last == 41 else { return malformed() }
        s.removeFirst(); s.removeLast()
        while let f = s.first, isSpace(f) { s.removeFirst() }
        while let l = s.last, isSpace(l) { s.removeLast() }
    }
    // Scan one float prefix (digits, point, exponent, or inf/nan) starting at i; returns its end.
    func scanFloat(_ i: Int) -> Int {
        var j = i
        if j < s.count && (s[j] == 43 || s[j] == 45) { j += 1 }
        let low = String(decoding: s[j...].prefix(8), as: UTF8.self).lowercased()
        if low.hasPrefix("infinity") { return j + 8 }
        if low.hasPrefix("inf") || low.hasPrefix("nan") { return j + 3 }
        var digits = 0
        while j < s.count && ((s[j] >= 48 && s[j] <= 57) || s[j] == 95) { j += 1; digits += 1 }
        if j < s.count && s[j] == 46 {
            j += 1
            while j < s.count && ((s[j] >= 48 && s[j] <= 57) || s[j] == 95) { j += 1; digits += 1 }
        }
        if digits == 0 { return i }
        if j < s.count && (s[j] | 0x20) == 101 {
            var k = j + 1
            if k < s.count && (s[k] == 43 || s[k] == 45) { k += 1 }
            let ks = k
            while k < s.count && ((s[k] >= 48 && s[k] <= 57) || s[k] == 95) { k += 1 }
            if k > ks { j = k }
        }
        return j
    }
    func value(_ a: Int, _ b: Int) -> Double? { parseFloatASCII(Array(s[a..<b])) }
    var re = 0.0, im = 0.0
    let n = s.count
    if n == 0 { return malformed() }
    let e1 = scanFloat(0)
    if e1 == 0 {
        // "j", "+j", "-j"
        var i = 0, sign = 1.0
        if i < n && (s[i] == 43 || s[i] == 45) { sign = s[i] == 45 ? -1 : 1; i += 1 }
        if i == n - 1 && (s[i] | 0x20) == 106 { return newComplex(0, sign) }
        return malformed()
    }
    guard let v1 = value(0, e1) else { return malformed() }
    if e1 == n { re = v1 }
    else if (s[e1] | 0x20) == 106 && e1 == n - 1 { im = v1 }
    else if s[e1] == 43 || s[e1] == 45 {
        re = v1
        let e2 = scanFloat(e1)
        if e2 == e1 {
            // "1+j"
            guard e1 + 2 == n && (s[e1 + 1] | 0x20) == 106 else { return malformed() }
            im = s[e1] == 45 ? -1 : 1
        } else {
            guard e2 == n - 1 && (s[e2] | 0x20) == 106, let v2 = value(e1, e2) else { return malformed() }
            im = v2
        }
    } else { return malformed() }
    return newComplex(re, im)
}

/// complex(real=0, imag=0) (CPython: complex_new_impl).
func complexNew(_ t: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    guard let a = Args(p, n, kw).bind("complex", ["real", "imag"], required: 0) else { return 0 }
    let r = a[0], i = a[1]
    if r.isNull && i.isNull { return newComplex(0, 0).raw }
    if !r.isNull && isInstance(r, strType) {
        if !i.isNull { return raise(typeErrorType, "complex() can't take second arg if first is a string").raw }
        return complexFromString(Array(strBuffer(r))).raw
    }
    if !i.isNull && isInstance(i, strType) {
        return raise(typeErrorType, "complex() second arg can't be a string").raw
    }
    func part(_ v: PyValue, _ which: String) -> Complex64? {
        if v.isNull { return Complex64(0, 0) }
        if v.type.pointee.isHeapType && hasHeapDunder(v.type, "__complex__") {
            let c = callDunder(v, "__complex__", [])
            if c.isNull { return nil }
            defer { decref(c) }
            if !isInstance(c, complexType) {
                raise(typeErrorType, "__complex__ returned non-complex (type \(typeName(c)))"); return nil
            }
            return complexValue(c)
        }
        if let c = complexOperand(v) { return c }
        if !curExc.isNull { return nil }
        if v.type.pointee.toFloat != nil || (v.type.pointee.isHeapType && (hasHeapDunder(v.type, "__float__") || hasHeapDunder(v.type, "__index__"))) {
            let f = callObject(floatType.asValue, [v])
            if f.isNull { return nil }
            defer { decref(f) }
            return Complex64(floatValue(f), 0)
        }
        raise(typeErrorType, "complex() \(which) must be a string or a number, not '\(typeName(v))'")
        return nil
    }
    guard let cr = part(r, r.isNull ? "second argument" : "first argument") else { return 0 }
    guard let ci = part(i, "second argument") else { return 0 }
    // (a+bj) + (c+dj)*1j, adding only the parts that exist (CPython keeps -0.0 this way).
    let rIsComplex = !r.isNull && !r.isSmallInt && (isSubtype(r.type, complexType) || hasHeapDunder(r.type, "__complex__"))
    let iIsComplex = !i.isNull && !i.isSmallInt && (isSubtype(i.type, complexType) || hasHeapDunder(i.type, "__complex__"))
    var re = cr.re, im = ci.re
    if iIsComplex { re -= ci.im }
    if rIsComplex && !i.isNull { im += cr.im } else if rIsComplex { im = cr.im }
    return newComplex(re, im).raw
}

func installComplexType() {
    let t = complexType!
    t.pointee.new = { t, p, n, kw in
        let r = PyValue(raw: complexNew(t, p, n, kw))
        if r.isNull || t == complexType.asValue.raw { return r.raw }
        defer { decref(r) }
        let type = TypePtr(bitPattern: t).unsafelyUnwrapped
        let size = Swift.max(type.pointee.basicSize, MemoryLayout<ComplexObject>.stride)
        let o = allocObject(ComplexObject.self, type, extra: size - MemoryLayout<ComplexObject>.stride)
        (UnsafeMutableRawPointer(o) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
        let c = complexValue(r)
        o.pointee.real = c.re; o.pointee.imag = c.im
        return UInt(bitPattern: o)
    }
    t.pointee.repr = { newStrASCII(complexRepr(complexValue(PyValue(raw: $0)))).raw }
    t.pointee.hash = { complexHash(complexValue(PyValue(raw: $0))) }
    t.pointee.richcompare = { a, b, op in
        let x = complexValue(PyValue(raw: a))
        let o = PyValue(raw: b)
        if op != 2 && op != 3 { return newRef(pyNotImplemented).raw }
        var eq: Bool
        if !o.isSmallInt && isInstance(o, complexType) {
            let y = complexValue(o); eq = x.re == y.re && x.im == y.im
        } else if o.type == floatType || isSubtype(o.type, floatType) {
            eq = x.im == 0 && x.re == floatValue(o)
        } else if isIntLike(o) {
            if x.im != 0 { eq = false } else {
                let f = newFloat(x.re)
                let r = richCompare(f, o, 2)
                decref(f)
                return op == 2 ? r.raw : newRef(makeBool(r != pyTrue)).raw
            }
        } else { return newRef(pyNotImplemented).raw }
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }
    t.pointee.nb[0] = { complexBinary(0, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[5] = { complexBinary(5, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[8] = { complexBinary(8, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[10] = { complexBinary(10, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[11] = { complexBinary(11, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.neg = { let c = complexValue(PyValue(raw: $0)); return newComplex(-c.re, -c.im).raw }
    t.pointee.pos = { let c = complexValue(PyValue(raw: $0)); return newComplex(c.re, c.im).raw }
    t.pointee.abs = { w in
        let c = complexValue(PyValue(raw: w))
        if c.re.isInfinite || c.im.isInfinite { return newFloat(.infinity).raw }
        if c.re.isNaN || c.im.isNaN { return newFloat(.nan).raw }
        let r = hypot(c.re, c.im)
        if r.isInfinite { return raise(overflowErrorType, "absolute value too large").raw }
        return newFloat(r).raw
    }
    t.pointee.bool = { let c = complexValue(PyValue(raw: $0)); return c.re != 0 || c.im != 0 ? 1 : 0 }
    addGetter(t, "real") { _, p, _, _ in newFloat(complexValue(PyValue(raw: p.unsafelyUnwrapped[0])).re).raw }
    addGetter(t, "imag") { _, p, _, _ in newFloat(complexValue(PyValue(raw: p.unsafelyUnwrapped[0])).im).raw }
    addMethod(t, "conjugate") { s, _, _, _ in let c = complexValue(PyValue(raw: s)); return newComplex(c.re, -c.im).raw }
    addMethod(t, "__complex__") { s, _, _, _ in
        let v = PyValue(raw: s)
        if v.type == complexType { return newRef(v).raw }
        return newComplex(complexValue(v)).raw
    }
    addMethod(t, "__getnewargs__") { s, _, _, _ in
        let c = complexValue(PyValue(raw: s)); return newTuple([newFloat(c.re), newFloat(c.im)]).raw
    }
    addMethod(t, "__format__") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("__format__", 1, 1), strArg(a[0], "__format__() argument", "") else { return 0 }
        return builtinFormat(PyValue(raw: s), a[0]).raw
    }
    addSlotWrappers(t)
}
