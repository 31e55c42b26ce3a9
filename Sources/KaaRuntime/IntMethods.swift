import BigInt
import KaaCore

/// int's methods and attributes (CPython: Objects/longobject.c, long_methods and long_getset), int(str, base)
/// parsing (PyLong_FromString) and the int↔str digit limit (sys.set_int_max_str_digits, PEP 651's successor gh-95778).

/// sys.get_int_max_str_digits(): 0 means no limit.
nonisolated(unsafe) package var intMaxStrDigits = 4300
let intMaxStrDigitsThreshold = 640

func intLimitToStrError() -> PyValue {
    raise(valueErrorType, "Exceeds the limit (\(intMaxStrDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
}

/// Decimal digits of a BigInt with the digit limit (CPython: long_to_decimal_string_internal). nil with ValueError.
func bigDecimalString(_ b: BigInt) -> String? {
    if intMaxStrDigits > 0 && b.magnitude.bitWidth > 3 * (intMaxStrDigits + 2) + intMaxStrDigits / 3 + 64 {
        // Far beyond the limit (bits * log10(2) > digits): refuse before converting (quadratic time).
        if Double(b.magnitude.bitWidth - 1) * 0.30102999566398120 > Double(intMaxStrDigits) {
            _ = intLimitToStrError(); return nil
        }
    }
    let s = String(b)
    let digits = b.sign == .minus ? s.count - 1 : s.count
    if intMaxStrDigits > 0 && digits > intMaxStrDigitsThreshold && digits > intMaxStrDigits {
        _ = intLimitToStrError(); return nil
    }
    return s
}

@inline(__always) func asciiDigitValue(_ c: UInt32) -> Int {
    switch c {
    case 48...57: return Int(c) - 48
    case 97...122: return Int(c) - 87
    case 65...90: return Int(c) - 55
    default: return 99
    }
}

/// int(text, base) over code points (CPython: PyLong_FromUnicodeObject → PyLong_FromString). `shown` is the
/// object whose repr the error message quotes (the str or the bytes).
func intFromCodePoints(_ text: [UInt32], base baseIn: Int, shown: PyValue) -> PyValue {
    // _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces → ' ', decimal digits → ASCII, others → '?'.
    var s: [UInt32] = text.map { c in
        if c < 128 { return c }
        if isPySpace(c) { return 32 }
        if let d = unicodeDecimalValue(c) { return 48 + UInt32(d) }
        return 63
    }
    func fail() -> PyValue {
        let r = objectRepr(shown)
        if r.isNull { return .null }
        var rs = strSwift(r)
        decref(r)
        if rs.unicodeScalars.count > 200 { rs = String(String.UnicodeScalarView(rs.unicodeScalars.prefix(200))) }
        return raise(valueErrorType, "invalid literal for int() with base \(baseIn): \(rs)")
    }
    var i = 0
    while i < s.count && s[i] == 32 || i < s.count && (s[i] >= 9 && s[i] <= 13) { i += 1 }
    var negative = false
    if i < s.count && (s[i] == 43 || s[i] == 45) { negative = s[i] == 45; i += 1 }
    var base = baseIn
    var oldOctal = false
    if base == 0 {
        if i >= s.count || s[i] != 48 { base = 10 }
        else if i + 1 < s.count && (s[i + 1] | 0x20) == 120 { base = 16 }
        else if i + 1 < s.count && (s[i + 1] | 0x20) == 111 { base = 8 }
        else if i + 1 < s.count && (s[i + 1] | 0x20) == 98 { base = 2 }
        else { base = 10; oldOctal = true }
    }
    var afterPrefix = false
    if i + 1 < s.count && s[i] == 48 {
        let c = s[i + 1] | 0x20
        if (base == 16 && c == 120) || (base == 8 && c == 111) || (base == 2 && c == 98) {
            i += 2
            afterPrefix = true
            if i < s.count && s[i] == 95 { i += 1 }
        }
    }
    _ = afterPrefix
    // Digits with single underscores between them.
    let start = i
    var digits = 0
    var prev: UInt32 = 0
    var value: [UInt32] = []
    while i < s.count && (asciiDigitValue(s[i]) < base || s[i] == 95) {
        if s[i] == 95 {
            if prev == 95 || i == start { return fail() }
        } else {
            digits += 1
            value.append(s[i])
        }
        prev = s[i]
        i += 1
    }
    if prev == 95 || digits == 0 { return fail() }
    if base & (base - 1) != 0 && digits > intMaxStrDigitsThreshold && intMaxStrDigits > 0 && digits > intMaxStrDigits {
        return raise(valueErrorType, "Exceeds the limit (\(intMaxStrDigits) digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
    }
    while i < s.count && (s[i] == 32 || (s[i] >= 9 && s[i] <= 13)) { i += 1 }
    if i != s.count { return fail() }
    if oldOctal && value.contains(where: { $0 != 48 }) { return fail() }
    if value.count <= 12 {
        var v = 0
        for c in value { v = v * base + asciiDigitValue(c) }
        return makeInt(negative ? -v : v)
    }
    // Chunked accumulation (BigUInt(_:radix:) rejects radix 36).
    var chunk = 1, power = base
    while power <= (1 << 56) / base { power *= base; chunk += 1 }
    var mag = BigInt(0)
    var k = 0
    while k < value.count {
        let end = Swift.min(k + chunk, value.count)
        var part = 0, scale = 1
        for c in value[k..<end] { part = part * base + asciiDigitValue(c); scale *= base }
        mag = mag * BigInt(scale) + BigInt(part)
        k = end
    }
    return intFromBig(negative ? -mag : mag)
}

/// The decimal value of a Unicode decimal digit (category Nd), or nil. CPython: _PyUnicode_ToDecimalDigit.
func unicodeDecimalValue(_ c: UInt32) -> Int? {
    let v = UnicodeType.decimalValue(c) // Unicode 14 (CPython 3.11's), not the Swift library's newer data
    return v < 0 ? nil : v
}

/// Arguments of to_bytes/from_bytes: byteorder as little-endian flag.
private func byteorderArg(_ v: PyValue, _ fname: String) -> Bool? {
    if v.isNull { return false }
    if !isInstance(v, strType) {
        raise(typeErrorType, "\(fname)() argument 'byteorder' must be str, not \(typeName(v))"); return nil
    }
    switch strSwift(v) {
    case "little": return true
    case "big": return false
    default: raise(valueErrorType, "byteorder must be either 'little' or 'big'"); return nil
    }
}

/// Bytes of a bytes-like object or an iterable of ints (bytes(x)), or nil with an exception.
func bytesLikeOrIterable(_ v: PyValue) -> [UInt8]? {
    if let b = bytesLikeBytes(v) { return b }
    if isInstance(v, strType) { raise(typeErrorType, "cannot convert 'str' object to bytes"); return nil }
    let r = callObject(bytesType.asValue, [v])
    if r.isNull { return nil }
    defer { decref(r) }
    return bytesLikeBytes(r)
}

func installIntMethods() {
    let t = intType!
    addMethod(t, "bit_length") { s, _, _, _ in
        let v = PyValue(raw: s)
        if let x = smallOperand(v) { return makeInt(Int.bitWidth - x.magnitude.leadingZeroBitCount).raw }
        guard let b = bigOperand(v) else { return 0 }
        return makeInt(b.magnitude.bitWidth).raw
    }
    addMethod(t, "bit_count") { s, _, _, _ in
        let v = PyValue(raw: s)
        if let x = smallOperand(v) { return makeInt(x.magnitude.nonzeroBitCount).raw }
        guard let b = bigOperand(v) else { return 0 }
        return makeInt(b.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount }).raw
    }
    addMethod(t, "as_integer_ratio") { s, _, _, _ in
        newTuple([intExact(PyValue(raw: s)), .small(1)]).raw
    }
    addMethod(t, "conjugate") { s, _, _, _ in intExact(PyValue(raw: s)).raw }
    for name in ["__trunc__", "__floor__", "__ceil__", "__int__", "__index__", "__pos__"] {
        addMethod(t, name) { s, _, _, _ in intExact(PyValue(raw: s)).raw }
    }
    addMethod(t, "__float__") { s, _, _, _ in
        guard let d = intToDouble(PyValue(raw: s)) else { return 0 }
        return newFloat(d).raw
    }
    addMethod(t, "__round__") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("__round__", 0, 1) else { return 0 }
        if n == 0 || a[0] == pyNone { return intExact(PyValue(raw: s)).raw }
        return intRound(PyValue(raw: s), a[0]).raw
    }
    addMethod(t, "__divmod__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        return numberDivmod(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    addMethod(t, "__rdivmod__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        return numberDivmod(PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: s)).raw
    }
    addMethod(t, "__getnewargs__") { s, _, _, _ in newTuple([intExact(PyValue(raw: s))]).raw }
    addMethod(t, "__format__") { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("__format__", 1, 1), strArg(a[0], "__format__() argument", "") else { return 0 }
        return builtinFormat(PyValue(raw: s), a[0]).raw
    }
    for name in ["real", "numerator"] {
        addGetter(t, name) { _, p, _, _ in intExact(PyValue(raw: p.unsafelyUnwrapped[0])).raw }
    }
    addGetter(t, "imag") { _, _, _, _ in PyValue.small(0).raw }
    addGetter(t, "denominator") { _, _, _, _ in PyValue.small(1).raw }

    addMethod(t, "to_bytes") { s, p, n, kw in
        guard let args = Args(p, n, kw).bind("to_bytes", ["length", "byteorder", "signed"], required: 0, kwOnlyFrom: 2)
        else { return 0 }
        var length = 1
        if !args[0].isNull { guard let l = indexValueOrRaise(args[0]) else { return 0 }; length = l }
        guard let little = byteorderArg(args[1], "to_bytes") else { return 0 }
        var signed = false
        if !args[2].isNull { let r = isTrue(args[2]); if r < 0 { return 0 }; signed = r == 1 }
        if length < 0 { return raise(valueErrorType, "length argument must be non-negative").raw }
        guard let v = bigOperand(PyValue(raw: s)) else { return 0 }
        if v.sign == .minus && !signed { return raise(overflowErrorType, "can't convert negative int to unsigned").raw }
        // Two's complement in `length` bytes.
        let bitsNeeded = signed ? (v.sign == .minus ? (-(v + 1)).magnitude.bitWidth + 1 : v.magnitude.bitWidth + 1)
                                : v.magnitude.bitWidth
        if bitsNeeded > length * 8 && !(v.isZero) { return raise(overflowErrorType, "int too big to convert").raw }
        var out = [UInt8](repeating: 0, count: length)
        var x = v.sign == .minus ? (BigInt(1) << (length * 8)) + v : v
        for k in 0..<length {
            out[k] = UInt8(truncatingIfNeeded: x & 0xFF)
            x >>= 8
        }
        if !little { out.reverse() }
        return newBytes(out).raw
    }
    addClassMethod(t, "from_bytes") { _, p, n, kw in
        guard n >= 1 else { return raise(typeErrorType, "from_bytes() needs a class").raw }
        let cls = PyValue(raw: p.unsafelyUnwrapped[0])
        guard let args = Args(p.map { $0 + 1 }, n - 1, kw).bind("from_bytes", ["bytes", "byteorder", "signed"],
                                                                required: 1, kwOnlyFrom: 2)
        else { return 0 }
        guard let little = byteorderArg(args[1], "from_bytes") else { return 0 }
        var signed = false
        if !args[2].isNull { let r = isTrue(args[2]); if r < 0 { return 0 }; signed = r == 1 }
        guard var bytes = bytesLikeOrIterable(args[0]) else { return 0 }
        if little { bytes.reverse() }
        var v = BigInt(0)
        if bytes.count <= 7 {
            var x = 0
            for b in bytes { x = x << 8 | Int(b) }
            v = BigInt(x)
        } else {
            v = BigInt(BigUInt(Data_bigEndian: bytes))
        }
        if signed, let first = bytes.first, first & 0x80 != 0 { v -= BigInt(1) << (bytes.count * 8) }
        let r = intFromBig(v)
        if cls.raw != intType.asValue.raw {
            defer { decref(r) }
            return callObject(cls, [r]).raw
        }
        return r.raw
    }
    addSlotWrappers(t)
    let b = boolType!
    b.pointee.str = b.pointee.repr
    addSlotWrappers(b)
}

extension BigUInt {
    /// Big-endian bytes → magnitude (BigInt's own `init(_ data: Data)` needs Foundation).
    init(Data_bigEndian bytes: [UInt8]) {
        var words: [UInt] = []
        var i = bytes.count
        while i > 0 {
            var w: UInt = 0
            let lo = Swift.max(0, i - 8)
            for k in lo..<i { w = w << 8 | UInt(bytes[k]) }
            words.append(w)
            i = lo
        }
        self.init(words: words)
    }
}

/// `v` as an exact int (a bool or int subclass becomes a plain int).
package func intExact(_ v: PyValue) -> PyValue {
    if let s = smallOperand(v) { return makeInt(s) }
    if let b = bigOperand(v) { return intFromBig(b) }
    return newRef(v)
}

/// round(int, ndigits) (CPython: long_round: half to even at 10**-ndigits).
func intRound(_ x: PyValue, _ nd: PyValue) -> PyValue {
    guard let kb = bigOperandIndex(nd) else { return .null }
    if kb.sign != .minus { return intExact(x) }
    guard let b = bigOperand(x) else { return .null }
    if kb < -100_000 { return .small(0) }
    let m = BigInt(10).power(Int(-kb))
    var (q, r) = bigFloorDivMod(b, m)
    if r * 2 > m || (r * 2 == m && q % 2 != 0) { q += 1 }
    return intFromBig(q * m)
}

/// operator.index(v) as a BigInt; nil with TypeError.
func bigOperandIndex(_ v: PyValue) -> BigInt? {
    if let b = bigOperand(v) { return b }
    if let f = v.type.pointee.index {
        let r = PyValue(raw: f(v.raw))
        if r.isNull { return nil }
        defer { decref(r) }
        return bigOperand(r)
    }
    raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
    return nil
}

/// divmod(a, b) through the number slots.
func numberDivmod(_ a: PyValue, _ b: PyValue) -> PyValue {
    let q = binaryOp1(a, b, 2)
    if q.isNull { return .null }
    if q == pyNotImplemented { return q }
    let r = binaryOp1(a, b, 6)
    if r.isNull { decref(q); return .null }
    return newTuple([q, r])
}

/// sys.get_int_max_str_digits / sys.set_int_max_str_digits, added to the sys module by makeSysModule.
package func addSysIntDigitsFunctions(_ m: PyValue) {
    moduleAdd(m, "get_int_max_str_digits", newBuiltin("get_int_max_str_digits", { _, _, _, _ in
        makeInt(intMaxStrDigits).raw
    }))
    moduleAdd(m, "set_int_max_str_digits", newBuiltin("set_int_max_str_digits", { _, p, n, kw in
        guard let args = Args(p, n, kw).bind("set_int_max_str_digits", ["maxdigits"], required: 1) else { return 0 }
        guard let v = indexValueOrRaise(args[0]) else { return 0 }
        if v != 0 && v < intMaxStrDigitsThreshold {
            return raise(valueErrorType, "maxdigits must be 0 or larger than \(intMaxStrDigitsThreshold)").raw
        }
        intMaxStrDigits = v
        return newRef(pyNone).raw
    }))
}
