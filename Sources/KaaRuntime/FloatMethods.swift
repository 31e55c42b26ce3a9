#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt
import KaaCore

/// float's methods (CPython: Objects/floatobject.c: float_hex, float_fromhex, float_as_integer_ratio, double_round,
/// float_from_string_inner), exact int→float conversions and divmod/pow for the numeric tower.

// MARK: exact conversion to double

/// The double nearest to mag * 2**exp (round half to even; `sticky` = bits below mag that are not zero).
/// nil when the result overflows.
func roundToDouble(_ mag: BigUInt, _ exp: Int, sticky: Bool = false) -> Double? {
    if mag.isZero { return 0.0 }
    let bl = mag.bitWidth
    let top = bl + exp
    if top > 1024 { return nil }
    let q = Swift.max(top - 53, -1074)
    let shift = q - exp
    var m: BigUInt
    if shift <= 0 {
        m = mag << -shift
    } else {
        m = mag >> shift
        let rem = mag & ((BigUInt(1) << shift) - 1)
        let half = BigUInt(1) << (shift - 1)
        if rem > half || (rem == half && (sticky || m & 1 == 1)) { m += 1 }
        else if rem == half && !sticky && m & 1 == 0 { }
    }
    let d = scalbn(Double(UInt64(m)), Int32(q))
    if d.isInfinite { return nil }
    return d
}

/// a / b correctly rounded (CPython: long_true_divide). b != 0.
func bigTrueDivide(_ a: BigInt, _ b: BigInt) -> PyValue {
    let negative = (a.sign == .minus) != (b.sign == .minus) && !a.isZero
    let x = a.magnitude, y = b.magnitude
    if x.isZero { return newFloat(negative ? -0.0 : 0.0) }
    // Scale so the integer quotient has at least 55 significant bits.
    let shift = Swift.max(0, 55 - (x.bitWidth - y.bitWidth))
    let (q, r) = (x << shift).quotientAndRemainder(dividingBy: y)
    guard let d = roundToDouble(q, -shift, sticky: !r.isZero) else {
        return raise(overflowErrorType, "integer division result too large for a float")
    }
    return newFloat(negative ? -d : d)
}

/// C frexp: the mantissa keeps the sign of `d` (the Swift overlay's tuple form returns |mantissa|).
@inline(__always) func cFrexp(_ d: Double) -> (Double, Int) {
    var e: Int32 = 0
    let m = frexp(d, &e)
    return (m, Int(e))
}

/// A double as mantissa * 2**exp with an integer mantissa.
func doubleParts(_ d: Double) -> (BigInt, Int) {
    if d == 0 { return (0, 0) }
    var (m, e) = cFrexp(d)
    var i = 0
    while m != m.rounded(.down) && i < 300 { m *= 2; e -= 1; i += 1 }
    return (BigInt(m), e)
}

// MARK: float(str)

/// Parses CPython's float syntax (ASCII already): decimal, inf/infinity/nan, with underscores only between digits.
func parseFloatASCII(_ chars: [UInt8]) -> Double? {
    var s = chars
    // Strip whitespace.
    while let f = s.first, f == 32 || (f >= 9 && f <= 13) { s.removeFirst() }
    while let l = s.last, l == 32 || (l >= 9 && l <= 13) { s.removeLast() }
    if s.contains(95) {
        for (i, c) in s.enumerated() where c == 95 {
            if i == 0 || i == s.count - 1 { return nil }
            let p = s[i - 1], n = s[i + 1]
            if !(p >= 48 && p <= 57) || !(n >= 48 && n <= 57) { return nil }
        }
        s.removeAll { $0 == 95 }
    }
    var i = 0
    var negative = false
    if i < s.count && (s[i] == 43 || s[i] == 45) { negative = s[i] == 45; i += 1 }
    let rest = String(decoding: s[i...], as: UTF8.self).lowercased()
    if rest == "inf" || rest == "infinity" { return negative ? -.infinity : .infinity }
    if rest == "nan" { return negative ? -Double.nan : .nan }
    var digits = 0
    var j = i
    while j < s.count && s[j] >= 48 && s[j] <= 57 { j += 1; digits += 1 }
    if j < s.count && s[j] == 46 {
        j += 1
        while j < s.count && s[j] >= 48 && s[j] <= 57 { j += 1; digits += 1 }
    }
    if digits == 0 { return nil }
    if j < s.count && (s[j] == 101 || s[j] == 69) {
        j += 1
        if j < s.count && (s[j] == 43 || s[j] == 45) { j += 1 }
        var ed = 0
        while j < s.count && s[j] >= 48 && s[j] <= 57 { j += 1; ed += 1 }
        if ed == 0 { return nil }
    }
    if j != s.count { return nil }
    return Double(String(decoding: s, as: UTF8.self))
}

/// float(x) for a str or bytes-like `x` (CPython: PyFloat_FromString).
func floatFromStringObject(_ x: PyValue) -> PyValue {
    var chars: [UInt8]
    if isInstance(x, strType) {
        chars = strBuffer(x).map { c -> UInt8 in
            if c < 128 { return UInt8(c) }
            if isPySpace(c) { return 32 }
            if let d = unicodeDecimalValue(c) { return UInt8(48 + d) }
            return 63
        }
    } else if let b = bytesLikeBytes(x) {
        chars = b
    } else {
        return raise(typeErrorType, "float() argument must be a string or a real number, not '\(typeName(x))'")
    }
    if let d = parseFloatASCII(chars) { return newFloat(d) }
    let r = objectRepr(x)
    if r.isNull { return .null }
    defer { decref(r) }
    return raise(valueErrorType, "could not convert string to float: \(strSwift(r))")
}

// MARK: hex

func floatHex(_ x: Double) -> String {
    if x.isNaN || x.isInfinite { return PyRepr.float(x) }
    if x == 0 { return x.sign == .minus ? "-0x0.0p+0" : "0x0.0p+0" }
    var (m, e) = cFrexp(Swift.abs(x))
    let shift = 1 - Swift.max(-1021 - e, 0)
    m = scalbn(m, Int32(shift))
    e -= shift
    let hexDigits = Array("0123456789abcdef")
    var s = String(hexDigits[Int(m)])
    m -= Double(Int(m))
    s += "."
    for _ in 0..<13 {
        m *= 16
        s.append(hexDigits[Int(m)])
        m -= Double(Int(m))
    }
    let esign = e < 0 ? "-" : "+"
    return (x < 0 ? "-0x" : "0x") + s + "p" + esign + String(Swift.abs(e))
}

/// float.fromhex(s) (CPython: float_fromhex), correctly rounded.
func floatFromHex(_ text: [UInt32]) -> PyValue {
    func invalid() -> PyValue { raise(valueErrorType, "invalid hexadecimal floating-point string") }
    var s = text
    while let f = s.first, isPySpace(f) { s.removeFirst() }
    while let l = s.last, isPySpace(l) { s.removeLast() }
    var i = 0
    var negative = false
    if i < s.count && (s[i] == 43 || s[i] == 45) { negative = s[i] == 45; i += 1 }
    var rest = ""
    for c in s[i...] { if let u = Unicode.Scalar(c) { rest.unicodeScalars.append(u) } }
    let low = rest.lowercased()
    if low == "inf" || low == "infinity" { return newFloat(negative ? -.infinity : .infinity) }
    if low == "nan" { return newFloat(negative ? -Double.nan : .nan) }
    if i + 1 < s.count && s[i] == 48 && (s[i + 1] | 0x20) == 120 { i += 2 }
    var mant = BigUInt(0)
    var exp = 0
    var digits = 0
    func hexVal(_ c: UInt32) -> Int? {
        switch c {
        case 48...57: return Int(c - 48)
        case 97...102: return Int(c - 87)
        case 65...70: return Int(c - 55)
        default: return nil
        }
    }
    while i < s.count, let v = hexVal(s[i]) { mant = mant << 4 | BigUInt(v); digits += 1; i += 1 }
    if i < s.count && s[i] == 46 {
        i += 1
        while i < s.count, let v = hexVal(s[i]) { mant = mant << 4 | BigUInt(v); digits += 1; exp -= 4; i += 1 }
    }
    if digits == 0 { return invalid() }
    if i < s.count && (s[i] | 0x20) == 112 {
        i += 1
        var eneg = false
        if i < s.count && (s[i] == 43 || s[i] == 45) { eneg = s[i] == 45; i += 1 }
        var ev = 0, ed = 0
        while i < s.count && s[i] >= 48 && s[i] <= 57 {
            if ev < 1 << 40 { ev = ev * 10 + Int(s[i] - 48) }
            ed += 1; i += 1
        }
        if ed == 0 { return invalid() }
        exp += eneg ? -ev : ev
    }
    if i != s.count { return invalid() }
    if mant.isZero { return newFloat(negative ? -0.0 : 0.0) }
    if exp + mant.bitWidth > 1100 { return raise(overflowErrorType, "hexadecimal value too large to represent as a float") }
    if exp + mant.bitWidth < -1200 { return newFloat(negative ? -0.0 : 0.0) }
    guard let d = roundToDouble(mant, exp) else {
        return raise(overflowErrorType, "hexadecimal value too large to represent as a float")
    }
    return newFloat(negative ? -d : d)
}

// MARK: round

/// round(x, ndigits) correctly rounded, half to even on the exact binary value (CPython: double_round with dtoa).
func floatRound(_ x: Double, _ k: Int) -> PyValue {
    if !x.isFinite || x == 0 { return newFloat(x) }
    if k > 323 { return newFloat(x) }
    if k < -308 { return newFloat(0.0 * x) }
    let (m, e) = doubleParts(Swift.abs(x))
    var num = m, den = BigInt(1)
    if k >= 0 { num *= BigInt(10).power(k) } else { den *= BigInt(10).power(-k) }
    if e >= 0 { num <<= e } else { den <<= -e }
    var (q, r) = num.quotientAndRemainder(dividingBy: den)
    if r * 2 > den || (r * 2 == den && q % 2 != 0) { q += 1 }
    let text = (x < 0 ? "-" : "") + String(q) + "e" + String(-k)
    guard let d = Double(text) else { return raise(valueErrorType, "rounding failed") }
    if d.isInfinite { return raise(overflowErrorType, "rounded value too large to represent") }
    return newFloat(d)
}

/// divmod for ints and floats, else the operands' __divmod__/__rdivmod__ (CPython: PyNumber_Divmod).
func numberDivmodValues(_ a: PyValue, _ b: PyValue) -> PyValue {
    if isIntLike(a) && isIntLike(b) {
        if let x = smallOperand(a), let y = smallOperand(b) {
            if y == 0 { return raise(zeroDivisionErrorType, "integer division or modulo by zero") }
            return newTuple([makeInt(floorDiv(x, y)), makeInt(floorMod(x, y))])
        }
        guard let x = bigOperand(a), let y = bigOperand(b) else { return .null }
        if y.isZero { return raise(zeroDivisionErrorType, "integer division or modulo by zero") }
        let (q, r) = bigFloorDivMod(x, y)
        return newTuple([intFromBig(q), intFromBig(r)])
    }
    let fa = a.type == floatType || isIntLike(a), fb = b.type == floatType || isIntLike(b)
    if fa && fb {
        guard let x = floatOperand(a), let y = floatOperand(b) else { return .null }
        if y == 0 { return raise(zeroDivisionErrorType, "float divmod()") }
        let (q, r) = floatDivmod(x, y)
        return newTuple([newFloat(q), newFloat(r)])
    }
    if a.type.pointee.isHeapType && hasHeapDunder(a.type, "__divmod__") {
        let r = callDunder(a, "__divmod__", [b])
        if r.isNull || r != pyNotImplemented { return r }
        decref(r)
    }
    if b.type.pointee.isHeapType && hasHeapDunder(b.type, "__rdivmod__") {
        let r = callDunder(b, "__rdivmod__", [a])
        if r.isNull || r != pyNotImplemented { return r }
        decref(r)
    }
    return raise(typeErrorType, "unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
}

/// pow(base, exp, mod) for ints (CPython: long_pow with a modulus, including negative exponents via the inverse).
func intPowMod(_ a: PyValue, _ b: PyValue, _ c: PyValue) -> PyValue {
    guard isIntLike(a) && isIntLike(b) && isIntLike(c), let x = bigOperand(a), var e = bigOperand(b),
          let m = bigOperand(c) else {
        if a.type.pointee.isHeapType && hasHeapDunder(a.type, "__pow__") { return callDunder(a, "__pow__", [b, c]) }
        if isInstance(a, complexType) || isInstance(b, complexType) { return raise(valueErrorType, "complex modulo") }
        return raise(typeErrorType, "pow() 3rd argument not allowed unless all arguments are integers")
    }
    if m.isZero { return raise(valueErrorType, "pow() 3rd argument cannot be 0") }
    let mm = m.sign == .minus ? -m : m
    var base = x
    if e.sign == .minus {
        // Modular inverse by the extended Euclidean algorithm.
        var (r0, r1) = (bigFloorDivMod(base, mm).1, mm)
        var (s0, s1) = (BigInt(1), BigInt(0))
        while !r1.isZero {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (s0, s1) = (s1, s0 - q * s1)
        }
        if r0 != 1 { return raise(valueErrorType, "base is not invertible for the given modulus") }
        base = s0
        e = -e
    }
    if mm == 1 { return .small(0) }
    var r = bigFloorDivMod(base, mm).1.power(e, modulus: mm)
    r = bigFloorDivMod(r, mm).1
    if m.sign == .minus && !r.isZero { r -= mm }
    return intFromBig(r)
}

func installFloatMethods() {
    let t = floatType!
    addMethod(t, "hex") { s, _, _, _ in newStrASCII(floatHex(floatValue(PyValue(raw: s)))).raw }
    addClassMethod(t, "fromhex") { _, p, n, kw in
        guard n == 2 else { return raise(typeErrorType, "fromhex() takes exactly one argument (\(n - 1) given)").raw }
        let cls = PyValue(raw: p.unsafelyUnwrapped[0]), x = PyValue(raw: p.unsafelyUnwrapped[1])
        guard strArg(x, "fromhex() argument", "") else { return 0 }
        let r = floatFromHex(Array(strBuffer(x)))
        if r.isNull || cls.raw == floatType.asValue.raw { return r.raw }
        defer { decref(r) }
        return callObject(cls, [r]).raw
    }
    addMethod(t, "is_integer") { s, _, _, _ in
        let d = floatValue(PyValue(raw: s))
        return newRef(makeBool(d.isFinite && d.rounded(.towardZero) == d)).raw
    }
    addMethod(t, "as_integer_ratio") { s, _, _, _ in
        let d = floatValue(PyValue(raw: s))
        if d.isInfinite { return raise(overflowErrorType, "cannot convert Infinity to integer ratio").raw }
        if d.isNaN { return raise(valueErrorType, "cannot convert NaN to integer ratio").raw }
        let (m, e) = doubleParts(d)
        if e >= 0 { return newTuple([intFromBig(m << e), .small(1)]).raw }
        return newTuple([intFromBig(m), intFromBig(BigInt(1) << -e)]).raw
    }
    addMethod(t, "conjugate") { s, _, _, _ in newFloat(floatValue(PyValue(raw: s))).raw }
    addGetter(t, "real") { _, p, _, _ in newFloat(floatValue(PyValue(raw: p.unsafelyUnwrapped[0]))).raw }
    addGetter(t, "imag") { _, _, _, _ in newFloat(0.0).raw }
    addMethod(t, "__trunc__") { s, _, _, _ in floatType.pointee.toInt.unsafelyUnwrapped(s) }
    addMethod(t, "__int__") { s, _, _, _ in floatType.pointee.toInt.unsafelyUnwrapped(s) }
    addMethod(t, "__floor__") { s, _, _, _ in floatToIntRounded(floatValue(PyValue(raw: s)), .down).raw }
    addMethod(t, "__ceil__") { s, _, _, _ in floatToIntRounded(floatValue(PyValue(raw: s)), .up).raw }
    addMethod(t, "__round__") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("__round__", 0, 1) else { return 0 }
        let d = floatValue(PyValue(raw: s))
        if n == 0 || a[0] == pyNone { return floatToIntRounded(d, .toNearestOrEven).raw }
        guard let k = indexValueOrRaise(a[0]) else { return 0 }
        return floatRound(d, k).raw
    }
    addMethod(t, "__divmod__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        let o = PyValue(raw: p.unsafelyUnwrapped[0])
        if o.type != floatType && !isIntLike(o) { return newRef(pyNotImplemented).raw }
        return numberDivmodValues(PyValue(raw: s), o).raw
    }
    addMethod(t, "__rdivmod__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        let o = PyValue(raw: p.unsafelyUnwrapped[0])
        if o.type != floatType && !isIntLike(o) { return newRef(pyNotImplemented).raw }
        return numberDivmodValues(o, PyValue(raw: s)).raw
    }
    addMethod(t, "__getnewargs__") { s, _, _, _ in newTuple([newFloat(floatValue(PyValue(raw: s)))]).raw }
    addMethod(t, "__format__") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("__format__", 1, 1), strArg(a[0], "__format__() argument", "") else { return 0 }
        return builtinFormat(PyValue(raw: s), a[0]).raw
    }
    addClassMethod(t, "__getformat__") { _, p, n, _ in
        guard n == 2 else { return raise(typeErrorType, "__getformat__() takes exactly one argument (\(n - 1) given)").raw }
        let x = PyValue(raw: p.unsafelyUnwrapped[1])
        guard strArg(x, "__getformat__() argument", "") else { return 0 }
        let s = strSwift(x)
        if s != "double" && s != "float" {
            return raise(valueErrorType, "__getformat__() argument 1 must be 'double' or 'float'").raw
        }
        return newStr("IEEE, little-endian").raw
    }
    addSlotWrappers(t)
}

func floatToIntRounded(_ d: Double, _ rule: FloatingPointRoundingRule) -> PyValue {
    if d.isNaN { return raise(valueErrorType, "cannot convert float NaN to integer") }
    if d.isInfinite { return raise(overflowErrorType, "cannot convert float infinity to integer") }
    let r = d.rounded(rule)
    if Swift.abs(r) < 4e18 { return makeInt(Int(r)) }
    return intFromBig(BigInt(r))
}
