#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt
import KaaCore

/// `int`: small ints are tagged words (Value.swift); others are `BigIntObject`s holding a BigInt. Results are
/// normalised: a value that fits the small range is always small. `bool` is a subtype whose two instances carry 0/1.
struct BigIntObject {
    var header: PyObject
    var value: BigInt
}

struct BoolObject {
    var header: PyObject
    var value: Int
}

func bigIntDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(BigIntObject.self)
    withUnsafeMutablePointer(to: &p.pointee.value) { _ = $0.deinitialize(count: 1) }
    freeObject(w)
}

func newBigInt(_ v: BigInt) -> PyValue {
    let p = allocObject(BigIntObject.self, intType)
    withUnsafeMutablePointer(to: &p.pointee.value) { $0.initialize(to: v) }
    return PyValue(raw: UInt(bitPattern: p))
}

/// A BigInt result as a normalised int value.
package func intFromBig(_ v: BigInt) -> PyValue {
    if v.bitWidth <= 63 { return .small(Int(v)) }
    return newBigInt(v)
}

/// The value of an int/bool operand as a machine int, or nil (big, or not an int).
@inline(__always) package func smallOperand(_ v: PyValue) -> Int? {
    if v.isSmallInt { return v.smallInt }
    let t = v.obj.pointee.type
    if t == boolType { return v.payload(BoolObject.self).pointee.value }
    return nil
}

/// The value of any int (or bool, or int subclass) as a BigInt, or nil if `v` is not an int.
package func bigOperand(_ v: PyValue) -> BigInt? {
    if v.isSmallInt { return BigInt(v.smallInt) }
    let t = v.obj.pointee.type
    if t == boolType { return BigInt(v.payload(BoolObject.self).pointee.value) }
    if t == intType || t.pointee.flags & TypeFlag.longSubclass != 0 {
        // int and int subclasses (made by intNew) carry a BigInt payload.
        return v.payload(BigIntObject.self).pointee.value
    }
    return nil
}

@inline(__always) package func isIntLike(_ v: PyValue) -> Bool {
    v.isSmallInt || v.obj.pointee.type == intType || v.obj.pointee.type == boolType
        || v.obj.pointee.type.pointee.flags & TypeFlag.longSubclass != 0
}

/// Python's floor division and modulo on machine ints (b != 0; no overflow for 63-bit operands).
@inline(__always) func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}
@inline(__always) func floorMod(_ a: Int, _ b: Int) -> Int {
    let r = a % b
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
}

func bigFloorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
    var (q, r) = a.quotientAndRemainder(dividingBy: b)
    if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) { q -= 1; r += b }
    return (q, r)
}

/// int ⊕ int for BINARY_OP's `op` (0…12). NotImplemented when an operand is not an int.
func intBinary(_ op: Int, _ a: PyValue, _ b: PyValue) -> PyValue {
    if let x = smallOperand(a), let y = smallOperand(b) {
        switch op {
        case 0: return makeInt(x + y)
        case 10: return makeInt(x - y)
        case 5:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if !o { return makeInt(r) }
        case 2:
            if y == 0 { return raise(zeroDivisionErrorType, "integer division or modulo by zero") }
            return makeInt(floorDiv(x, y))
        case 6:
            if y == 0 { return raise(zeroDivisionErrorType, "integer modulo by zero") }
            return makeInt(floorMod(x, y))
        case 1: return makeInt(x & y)
        case 7: return makeInt(x | y)
        case 12: return makeInt(x ^ y)
        case 9:
            if y < 0 { return raise(valueErrorType, "negative shift count") }
            return makeInt(y >= 63 ? (x < 0 ? -1 : 0) : x >> y)
        case 3:
            if y < 0 { return raise(valueErrorType, "negative shift count") }
            if y < 62 && x == (x << y) >> y { return makeInt(x << y) }
        case 11:
            if y == 0 { return raise(zeroDivisionErrorType, "division by zero") }
            if Swift.abs(x) < (1 << 53) && Swift.abs(y) < (1 << 53) { return newFloat(Double(x) / Double(y)) }
            return bigTrueDivide(BigInt(x), BigInt(y))
        case 8:
            if y < 0 {
                if x == 0 { return raise(zeroDivisionErrorType, "0.0 cannot be raised to a negative power") }
                return floatPow(Double(x), Double(y))
            }
            var result = 1, base = x, e = y, overflow = false
            while e > 0 {
                if e & 1 != 0 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { overflow = true; break }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (r, o) = base.multipliedReportingOverflow(by: base)
                    if o { overflow = true; break }
                    base = r
                }
            }
            if !overflow { return makeInt(result) }
        case 4: return newRef(pyNotImplemented)
        default: break
        }
    }
    guard let x = bigOperand(a), let y = bigOperand(b) else { return newRef(pyNotImplemented) }
    switch op {
    case 0: return intFromBig(x + y)
    case 10: return intFromBig(x - y)
    case 5: return intFromBig(x * y)
    case 2:
        if y.isZero { return raise(zeroDivisionErrorType, "integer division or modulo by zero") }
        return intFromBig(bigFloorDivMod(x, y).0)
    case 6:
        if y.isZero { return raise(zeroDivisionErrorType, "integer modulo by zero") }
        return intFromBig(bigFloorDivMod(x, y).1)
    case 1: return intFromBig(x & y)
    case 7: return intFromBig(x | y)
    case 12: return intFromBig(x ^ y)
    case 9:
        if y.sign == .minus { return raise(valueErrorType, "negative shift count") }
        if y > 1_000_000 { return .small(x.sign == .minus ? -1 : 0) }
        // Arithmetic (floor) shift: BigInt's >> truncates negative values toward zero.
        if x.sign == .minus { return intFromBig(-((-x - 1) >> Int(y)) - 1) }
        return intFromBig(x >> Int(y))
    case 3:
        if y.sign == .minus { return raise(valueErrorType, "negative shift count") }
        if x.isZero { return .small(0) }
        if y > 100_000_000 { return raise(overflowErrorType, "too many digits in integer") }
        return intFromBig(x << Int(y))
    case 11:
        if y.isZero { return raise(zeroDivisionErrorType, "division by zero") }
        return intTrueDivide(x, y)
    case 8:
        if y.sign == .minus {
            if x.isZero { return raise(zeroDivisionErrorType, "0.0 cannot be raised to a negative power") }
            guard let fx = intToDouble(a), let fy = intToDouble(b) else { return .null }
            return floatPow(fx, fy)
        }
        if y > 10_000_000 && x.magnitude > 1 { return raise(overflowErrorType, "int too large") }
        return intFromBig(x.power(Int(y)))
    default: return newRef(pyNotImplemented)
    }
}

/// int / int correctly rounded (CPython: long_true_divide).
func intTrueDivide(_ x: BigInt, _ y: BigInt) -> PyValue {
    if x.magnitude.bitWidth <= 53 && y.magnitude.bitWidth <= 53 { return newFloat(Double(x) / Double(y)) }
    return bigTrueDivide(x, y)
}

/// Double value of an int operand, OverflowError if too large.
func intToDouble(_ v: PyValue) -> Double? {
    if let s = smallOperand(v) { return Double(s) }
    guard let b = bigOperand(v) else { return nil }
    guard let d = roundToDouble(b.magnitude, 0) else {
        raise(overflowErrorType, "int too large to convert to float"); return nil
    }
    return b.sign == .minus ? -d : d
}

/// str(int) with CPython's 4300-digit limit (sys.int_info.str_digits_check_threshold).
func intToString(_ v: PyValue) -> PyValue {
    if let s = smallOperand(v) { return newStrASCII(String(s)) }
    guard let b = bigOperand(v), let s = bigDecimalString(b) else { return .null }
    return newStrASCII(s)
}

/// int(str) parsing with underscores, whitespace and base prefixes (CPython: PyLong_FromUnicodeObject).
func intFromString(_ text: String, base: Int) -> PyValue {
    let v = newStr(text)
    defer { decref(v) }
    return intFromCodePoints(text.unicodeScalars.map { $0.value }, base: base, shown: v)
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && isPySpace(scalars[start].value) { start = scalars.index(after: start) }
        while end > start && isPySpace(scalars[scalars.index(before: end)].value) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

func isPySpace(_ c: UInt32) -> Bool {
    switch c {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028,
         0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

/// hash(int): reduction modulo 2**61 - 1 (CPython: long_hash).
func intHash(_ v: PyValue) -> Int {
    let modulus = (1 << 61) - 1
    if let s = smallOperand(v) {
        var h = Swift.abs(s) % modulus
        if s < 0 { h = -h }
        return h == -1 ? -2 : h
    }
    guard let b = bigOperand(v) else { return -1 }
    var h = Int(b.magnitude % BigUInt(modulus))
    if b.sign == .minus { h = -h }
    return h == -1 ? -2 : h
}

func intCompare(_ a: PyValue, _ b: PyValue) -> Int? {
    if let x = smallOperand(a), let y = smallOperand(b) { return x < y ? -1 : (x == y ? 0 : 1) }
    guard let x = bigOperand(a), let y = bigOperand(b) else { return nil }
    return x < y ? -1 : (x == y ? 0 : 1)
}

@inline(__always) func compareResult(_ c: Int, _ op: Int) -> Bool {
    switch op {
    case 0: return c < 0
    case 1: return c <= 0
    case 2: return c == 0
    case 3: return c != 0
    case 4: return c > 0
    default: return c >= 0
    }
}

func installIntSlots() {
    let t = intType!
    t.pointee.repr = { intToString(PyValue(raw: $0)).raw }
    t.pointee.hash = { intHash(PyValue(raw: $0)) }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if let c = intCompare(x, y) { return makeBool(compareResult(c, op)).raw }
        return newRef(pyNotImplemented).raw
    }
    t.pointee.nb[0] = { intBinary(0, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[1] = { intBinary(1, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[2] = { intBinary(2, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[3] = { intBinary(3, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[5] = { intBinary(5, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[6] = { intBinary(6, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[7] = { intBinary(7, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[8] = { intBinary(8, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[9] = { intBinary(9, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[10] = { intBinary(10, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[11] = { intBinary(11, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.nb[12] = { intBinary(12, PyValue(raw: $0), PyValue(raw: $1)).raw }
    t.pointee.neg = { w in
        let v = PyValue(raw: w)
        if let s = smallOperand(v) { return makeInt(-s).raw }
        return intFromBig(-(bigOperand(v) ?? 0)).raw
    }
    t.pointee.pos = { w in
        let v = PyValue(raw: w)
        if let s = smallOperand(v) { return makeInt(s).raw }
        if v.type != intType { return intFromBig(bigOperand(v) ?? 0).raw } // CPython: long_long (exact int)
        return newRef(v).raw
    }
    t.pointee.abs = { w in
        let v = PyValue(raw: w)
        if let s = smallOperand(v) { return makeInt(Swift.abs(s)).raw }
        let b = bigOperand(v) ?? 0
        return intFromBig(b.sign == .minus ? -b : b).raw
    }
    t.pointee.invert = { w in
        let v = PyValue(raw: w)
        if let s = smallOperand(v) { return makeInt(~s).raw }
        return intFromBig(~(bigOperand(v) ?? 0)).raw
    }
    t.pointee.bool = { w in
        let v = PyValue(raw: w)
        if let s = smallOperand(v) { return s != 0 ? 1 : 0 }
        // A big int is never zero, but an int subclass instance holds any value (CPython: long_bool).
        if let b = bigOperand(v), b == 0 { return 0 }
        return 1
    }
    t.pointee.index = { w in
        let v = PyValue(raw: w)
        if let s = smallOperand(v) { return makeInt(s).raw }
        return newRef(v).raw
    }
    t.pointee.toInt = t.pointee.index
    t.pointee.toFloat = { w in
        guard let d = intToDouble(PyValue(raw: w)) else { return 0 }
        return newFloat(d).raw
    }
    t.pointee.new = intNew

    let b = boolType!
    b.pointee.repr = { w in newStrASCII(PyValue(raw: w).payload(BoolObject.self).pointee.value != 0 ? "True" : "False").raw }
    b.pointee.nb[1] = { a, c in boolBitOp(1, PyValue(raw: a), PyValue(raw: c)).raw }
    b.pointee.nb[7] = { a, c in boolBitOp(7, PyValue(raw: a), PyValue(raw: c)).raw }
    b.pointee.nb[12] = { a, c in boolBitOp(12, PyValue(raw: a), PyValue(raw: c)).raw }
    b.pointee.new = { _, args, n, kw in
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 { return raise(typeErrorType, "bool() takes no keyword arguments").raw }
        if n > 1 { return raise(typeErrorType, "bool expected at most 1 argument, got \(n)").raw }
        if n == 0 { return newRef(pyFalse).raw }
        let r = isTrue(PyValue(raw: args.unsafelyUnwrapped[0]))
        if r < 0 { return 0 }
        return newRef(makeBool(r == 1)).raw
    }
}

func boolBitOp(_ op: Int, _ a: PyValue, _ b: PyValue) -> PyValue {
    if a.type == boolType && b.type == boolType {
        let x = a.payload(BoolObject.self).pointee.value, y = b.payload(BoolObject.self).pointee.value
        let r = op == 1 ? x & y : (op == 7 ? x | y : x ^ y)
        return newRef(makeBool(r != 0))
    }
    return intBinary(op, a, b)
}

/// int vs float comparison (exact for ints beyond 2**53; CPython: float_richcompare).
func intToDoubleExactCompare(_ a: PyValue, _ b: PyValue, _ op: Int) -> PyValue? {
    let y = b.payload(FloatObject.self).pointee.value
    if y.isNaN { return newRef(makeBool(op == 3)) }
    if y.isInfinite { return newRef(makeBool(compareResult(y > 0 ? -1 : 1, op))) }
    guard let x = bigOperand(a) else { return nil }
    let fl = y.rounded(.down)
    let yi = BigInt(fl)
    var c: Int
    if x < yi { c = -1 } else if x > yi { c = 1 } else { c = (y > fl) ? -1 : 0 }
    if x == yi && y < fl { c = 1 }
    return newRef(makeBool(compareResult(c, op)))
}

/// int.__new__: the value, then an instance of the subtype when `t` is an int subclass (CPython: long_subtype_new).
func intNew(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let r = PyValue(raw: intNewExact(t, args, n, kw))
    if r.isNull || t == intType.asValue.raw { return r.raw }
    defer { decref(r) }
    guard let b = bigOperand(r) else { return 0 }
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    let size = Swift.max(type.pointee.basicSize, MemoryLayout<BigIntObject>.stride)
    let p = allocObject(BigIntObject.self, type, extra: size - MemoryLayout<BigIntObject>.stride)
    (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    withUnsafeMutablePointer(to: &p.pointee.value) { $0.initialize(to: b) }
    return UInt(bitPattern: p)
}

func intNewExact(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    if kw != 0 {
        let names = PyValue(raw: kw)
        for i in 0..<tupleCount(names) where strSwift(tupleItem(names, i)) != "base" {
            return raise(typeErrorType, "'\(strSwift(tupleItem(names, i)))' is an invalid keyword argument for int()").raw
        }
    }
    guard let a = Args(args, n, kw).bind("int", ["x", "base"], required: 0, posOnly: 1) else { return 0 }
    let x = a[0], baseArg = a[1]
    if x.isNull {
        if !baseArg.isNull { return raise(typeErrorType, "int() missing string argument").raw }
        return PyValue.small(0).raw
    }
    if !baseArg.isNull {
        guard let base = indexValueOrRaise(baseArg) else { return 0 }
        if base != 0 && (base < 2 || base > 36) { return raise(valueErrorType, "int() base must be >= 2 and <= 36, or 0").raw }
        if isInstance(x, strType) { return intFromCodePoints(Array(strBuffer(x)), base: base, shown: x).raw }
        if x.type == bytesType || x.type == byteArrayType, let b = bytesLikeBytes(x) {
            return intFromCodePoints(b.map { UInt32($0) }, base: base, shown: x).raw
        }
        return raise(typeErrorType, "int() can't convert non-string with explicit base").raw
    }
    if isInstance(x, strType) { return intFromCodePoints(Array(strBuffer(x)), base: 10, shown: x).raw }
    if x.type == floatType {
        let d = x.payload(FloatObject.self).pointee.value
        if d.isNaN { return raise(valueErrorType, "cannot convert float NaN to integer").raw }
        if d.isInfinite { return raise(overflowErrorType, "cannot convert float infinity to integer").raw }
        return intFromBig(BigInt(d.rounded(.towardZero))).raw
    }
    if isIntLike(x) { return intExact(x).raw }
    if x.type.pointee.isHeapType {
        for name in ["__int__", "__index__", "__trunc__"] {
            let r = callDunder(x, name, [])
            if r.isNull { if !curExc.isNull { return 0 }; continue }
            if !isIntLike(r) {
                defer { decref(r) }
                return raise(typeErrorType, "\(name) returned non-int (type \(typeName(r)))").raw
            }
            return r.raw
        }
    }
    if x.type == bytesType || x.type == byteArrayType, let b = bytesLikeBytes(x) {
        return intFromCodePoints(b.map { UInt32($0) }, base: 10, shown: x).raw
    }
    if let f = x.type.pointee.toInt { return f(x.raw) }
    if let f = x.type.pointee.index { return f(x.raw) }
    return raise(typeErrorType, "int() argument must be a string, a bytes-like object or a real number, not '\(typeName(x))'").raw
}
