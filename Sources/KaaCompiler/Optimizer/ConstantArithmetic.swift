import BigInt
import KaaSyntax
import KaaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Python's arithmetic on constant values, for the AST optimizer's folding: exactly the value CPython 3.11 computes,
// or nil where CPython raises (TypeError, ZeroDivisionError, OverflowError, ValueError, IndexError...), since the
// optimizer then leaves the expression alone. (CPython: Objects/longobject.c, floatobject.c, complexobject.c,
// unicodeobject.c, bytesobject.c, tupleobject.c number and sequence slots)

/// A numeric view of a constant: bool is an int.
enum PyNumber {
    case int(BigInt)
    case float(Double)
    case complex(Double, Double)

    init?(_ v: ConstantValue) {
        switch v {
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d)
        case .complex(let re, let im): self = .complex(re, im)
        default: return nil
        }
    }

    /// The rank in Python's numeric tower (int < float < complex).
    var rank: Int {
        switch self {
        case .int: return 0
        case .float: return 1
        case .complex: return 2
        }
    }

    /// As a float (PyLong_AsDouble: correctly rounded; nil on OverflowError).
    var asDouble: Double? {
        switch self {
        case .int(let i): return bigIntToDouble(i)
        case .float(let d): return d
        case .complex: return nil
        }
    }

    /// As a complex (an int or float x becomes (x, 0.0)).
    var asComplex: (Double, Double)? {
        switch self {
        case .complex(let re, let im): return (re, im)
        default:
            guard let d = asDouble else { return nil }
            return (d, 0.0)
        }
    }
}

// MARK: int ↔ float

/// `mantissa * 2**exp` (plus a nonzero amount below the last bit of `mantissa` if `sticky`) rounded to the nearest
/// double, ties to even, with subnormals; nil if it overflows.
func roundToDouble(mantissa: BigUInt, exp: Int, sticky: Bool, negative: Bool) -> Double? {
    let n = mantissa.bitWidth
    if n == 0 { return negative ? -0.0 : 0.0 }
    let top = n - 1 + exp                    // exponent of the leading bit
    if top > 1023 { return nil }
    var precision = 53
    if top < -1022 { precision = 53 - (-1022 - top) }
    let drop = n - precision
    var q: BigUInt
    var scale: Int
    if drop <= 0 {
        q = mantissa
        scale = exp
    } else {
        q = mantissa >> drop
        let rem = mantissa - (q << drop)
        let half = BigUInt(1) << (drop - 1)
        if rem > half || (rem == half && (sticky || q[bitAt: 0])) { q += 1 }
        scale = exp + drop
    }
    guard let q64 = UInt64(exactly: q) else { return nil }
    let magnitude = Double(sign: .plus, exponent: scale, significand: Double(q64))
    if magnitude.isInfinite { return nil }
    return negative ? -magnitude : magnitude
}

/// PyLong_AsDouble: correctly rounded; nil on OverflowError ("int too large to convert to float").
func bigIntToDouble(_ v: BigInt) -> Double? {
    if let small = Int64(exactly: v), small.magnitude <= (1 << 53) { return Double(small) }
    return roundToDouble(mantissa: v.magnitude, exp: 0, sticky: false, negative: v.sign == .minus)
}

// MARK: int operations

/// Python's floor division and modulo of ints; nil on division by zero.
func intDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt)? {
    if b.isZero { return nil }
    var (q, r) = a.quotientAndRemainder(dividingBy: b)
    if !r.isZero && (r.sign == .minus) != (b.sign == .minus) {
        q -= 1
        r += b
    }
    return (q, r)
}

/// Python's int true division, correctly rounded (long_true_divide); nil on ZeroDivisionError or OverflowError.
func intTrueDivide(_ a: BigInt, _ b: BigInt) -> Double? {
    if b.isZero { return nil }
    if a.isZero { return (b.sign == .minus) ? -0.0 : 0.0 }
    let negative = (a.sign == .minus) != (b.sign == .minus)
    let A = a.magnitude, B = b.magnitude
    if A.bitWidth <= 53 && B.bitWidth <= 53, let x = UInt64(exactly: A), let y = UInt64(exactly: B) {
        let d = Double(x) / Double(y)
        return negative ? -d : d
    }
    // Scale so the quotient has at least 55 bits, then round once with the remainder as sticky bit.
    let shift = 55 + B.bitWidth - A.bitWidth
    let (q, r): (BigUInt, BigUInt)
    if shift >= 0 {
        (q, r) = (A << shift).quotientAndRemainder(dividingBy: B)
    } else {
        (q, r) = A.quotientAndRemainder(dividingBy: B << (-shift))
    }
    return roundToDouble(mantissa: q, exp: -shift, sticky: !r.isZero, negative: negative)
}

/// Python's `>>` (floor), nil for a negative count.
func intRShift(_ a: BigInt, _ n: BigInt) -> BigInt? {
    if n.sign == .minus && !n.isZero { return nil }
    guard let count = Int(exactly: n), count <= a.magnitude.bitWidth + 1 else {
        return a.sign == .minus && !a.isZero ? -1 : 0
    }
    if a.sign == .plus || a.isZero { return BigInt(sign: .plus, magnitude: a.magnitude >> count) }
    // -((|a| - 1) >> n) - 1
    return -BigInt(sign: .plus, magnitude: (a.magnitude - 1) >> count) - 1
}

/// Python's `<<`, nil for a negative count (the optimizer bounds the size before calling).
func intLShift(_ a: BigInt, _ n: BigInt) -> BigInt? {
    if n.sign == .minus && !n.isZero { return nil }
    guard let count = Int(exactly: n) else { return a.isZero ? 0 : nil }
    if a.isZero { return 0 }
    return BigInt(sign: a.sign, magnitude: a.magnitude << count)
}

/// Python's `&`, `|`, `^` on ints (two's complement semantics on unbounded ints).
func intBitwise(_ a: BigInt, _ b: BigInt, _ op: (BigUInt, BigUInt) -> BigUInt) -> BigInt {
    let width = max(a.magnitude.bitWidth, b.magnitude.bitWidth) + 1
    let modulus = BigUInt(1) << width
    func toTwos(_ x: BigInt) -> BigUInt {
        x.sign == .minus && !x.isZero ? modulus - x.magnitude : x.magnitude
    }
    let r = op(toTwos(a), toTwos(b)) & (modulus - 1)
    if r.bitWidth == width {   // sign bit set
        return -BigInt(sign: .plus, magnitude: modulus - r)
    }
    return BigInt(sign: .plus, magnitude: r)
}

// MARK: float operations

/// float_div: nil on ZeroDivisionError.
func floatDivide(_ a: Double, _ b: Double) -> Double? {
    if b == 0.0 { return nil }
    return a / b
}

/// float_rem: the remainder has the sign of the divisor; nil on ZeroDivisionError.
func floatMod(_ vx: Double, _ wx: Double) -> Double? {
    if wx == 0.0 { return nil }
    var mod = fmod(vx, wx)
    if mod != 0 {
        if (wx < 0) != (mod < 0) { mod += wx }
    } else {
        mod = copysign(0.0, wx)
    }
    return mod
}

/// _float_div_mod's floor quotient; nil on ZeroDivisionError.
func floatFloorDiv(_ vx: Double, _ wx: Double) -> Double? {
    if wx == 0.0 { return nil }
    let mod = fmod(vx, wx)
    var div = (vx - mod) / wx
    if mod != 0 {
        if (wx < 0) != (mod < 0) { div -= 1.0 }
    }
    var floordiv: Double
    if div != 0 {
        floordiv = floor(div)
        if div - floordiv > 0.5 { floordiv += 1.0 }
    } else {
        floordiv = copysign(0.0, vx / wx)
    }
    return floordiv
}

private func isOddInteger(_ x: Double) -> Bool { fmod(fabs(x), 2.0) == 1.0 }

/// float_pow: a Double, a complex (negative base, fractional exponent), or nil on ZeroDivisionError/OverflowError.
func floatPow(_ ivIn: Double, _ iw: Double) -> PyNumber? {
    var iv = ivIn
    if iw == 0 { return .float(1.0) }
    if iv.isNaN { return .float(iv) }
    if iw.isNaN { return .float(iv == 1.0 ? 1.0 : iw) }
    if iw.isInfinite {
        iv = fabs(iv)
        if iv == 1.0 { return .float(1.0) }
        if (iw > 0.0) == (iv > 1.0) { return .float(fabs(iw)) }
        return .float(0.0)
    }
    if iv.isInfinite {
        let odd = isOddInteger(iw)
        if iw > 0.0 { return .float(odd ? iv : fabs(iv)) }
        return .float(odd ? copysign(0.0, iv) : 0.0)
    }
    if iv == 0.0 {
        let odd = isOddInteger(iw)
        if iw < 0.0 { return nil }   // ZeroDivisionError: 0.0 cannot be raised to a negative power
        return .float(odd ? iv : 0.0)
    }
    var negate = false
    if iv < 0.0 {
        if iw != floor(iw) {
            // Negative numbers raised to fractional powers become complex.
            guard let (re, im) = complexPow((iv, 0.0), (iw, 0.0)) else { return nil }
            return .complex(re, im)
        }
        iv = -iv
        negate = isOddInteger(iw)
    }
    if iv == 1.0 { return .float(negate ? -1.0 : 1.0) }
    var ix = pow(iv, iw)
    if ix.isInfinite { return nil }   // OverflowError (ERANGE)
    if negate { ix = -ix }
    return .float(ix)
}

// MARK: complex operations

/// _Py_c_prod
func complexMul(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// _Py_c_quot; nil on division by zero.
func complexDiv(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double)? {
    let absBr = b.0 < 0 ? -b.0 : b.0
    let absBi = b.1 < 0 ? -b.1 : b.1
    if absBr >= absBi {
        if absBr == 0.0 { return nil }
        let ratio = b.1 / b.0
        let denom = b.0 + b.1 * ratio
        return ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if absBi >= absBr {
        let ratio = b.0 / b.1
        let denom = b.0 * ratio + b.1
        return ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    }
    return (Double.nan, Double.nan)
}

/// complex_pow (with _Py_c_pow, c_powi); nil on ZeroDivisionError or OverflowError.
func complexPow(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double)? {
    var domainError = false
    var p: (Double, Double)
    let intExponent = b.0.rounded(.towardZero)
    if b.1 == 0.0 && b.0 == intExponent && fabs(intExponent) <= 100.0 {
        // c_powi
        func powu(_ x: (Double, Double), _ n: Int) -> (Double, Double) {
            var r = (1.0, 0.0), q = x, mask = 1
            while mask > 0 && n >= mask {
                if n & mask != 0 { r = complexMul(r, q) }
                mask <<= 1
                q = complexMul(q, q)
            }
            return r
        }
        let n = Int(intExponent)
        if n > 0 {
            p = powu(a, n)
        } else {
            guard let quot = complexDiv((1.0, 0.0), powu(a, -n)) else { return nil }
            p = quot
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        p = (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 { domainError = true }
        p = (0.0, 0.0)
    } else {
        // libm's errno decides here as in CPython: cos/sin of an infinite phase set EDOM (ZeroDivisionError).
        errno = 0
        defer { errno = 0 }
        let vabs = hypot(a.0, a.1)
        var len = pow(vabs, b.0)
        let at = atan2(a.1, a.0)
        var phase = at * b.0
        if b.1 != 0.0 {
            len /= exp(at * b.1)
            phase += b.1 * log(vabs)
        }
        p = (len * cos(phase), len * sin(phase))
        if errno == EDOM { domainError = true }
    }
    if domainError { return nil }
    if p.0.isInfinite || p.1.isInfinite { return nil }   // OverflowError
    return p
}

// MARK: dispatch

/// The result of a binary operator on two numbers, as CPython's number slots compute it; nil where CPython raises.
func numericBinary(_ op: BinaryOperator, _ x: PyNumber, _ y: PyNumber) -> ConstantValue? {
    let rank = max(x.rank, y.rank)
    if rank == 0, case .int(let a) = x, case .int(let b) = y {
        switch op {
        case .add: return .int(a + b)
        case .sub: return .int(a - b)
        case .mult: return .int(a * b)
        case .div: return intTrueDivide(a, b).map { .float($0) }
        case .floorDiv: return intDivMod(a, b).map { .int($0.0) }
        case .mod: return intDivMod(a, b).map { .int($0.1) }
        case .pow:
            if b.sign == .minus && !b.isZero {
                // long_pow with a negative exponent: float pow.
                guard let fa = bigIntToDouble(a), let fb = bigIntToDouble(b) else { return nil }
                return floatPow(fa, fb).map(constant)
            }
            if b.isZero { return .int(1) }
            if a.isZero { return .int(0) }
            if a == 1 { return .int(1) }
            if a == -1 { return .int(b.magnitude[bitAt: 0] ? -1 : 1) }
            guard let n = Int(exactly: b), n <= 1 << 20 else { return nil }
            return .int(a.power(n))
        case .lShift: return intLShift(a, b).map { .int($0) }
        case .rShift: return intRShift(a, b).map { .int($0) }
        case .bitOr: return .int(intBitwise(a, b, |))
        case .bitXor: return .int(intBitwise(a, b, ^))
        case .bitAnd: return .int(intBitwise(a, b, &))
        case .matMult: return nil
        }
    }
    if rank == 1 {
        guard let a = x.asDouble, let b = y.asDouble else { return nil }
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mult: return .float(a * b)
        case .div: return floatDivide(a, b).map { .float($0) }
        case .floorDiv: return floatFloorDiv(a, b).map { .float($0) }
        case .mod: return floatMod(a, b).map { .float($0) }
        case .pow: return floatPow(a, b).map(constant)
        default: return nil
        }
    }
    guard let a = x.asComplex, let b = y.asComplex else { return nil }
    switch op {
    case .add: return .complex(real: a.0 + b.0, imag: a.1 + b.1)
    case .sub: return .complex(real: a.0 - b.0, imag: a.1 - b.1)
    case .mult:
        let r = complexMul(a, b)
        return .complex(real: r.0, imag: r.1)
    case .div: return complexDiv(a, b).map { .complex(real: $0.0, imag: $0.1) }
    case .pow: return complexPow(a, b).map { .complex(real: $0.0, imag: $0.1) }
    default: return nil   // complex has no //, %, shifts or bitwise operators
    }
}

private func constant(_ n: PyNumber) -> ConstantValue {
    switch n {
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .complex(let re, let im): return .complex(real: re, imag: im)
    }
}

/// Python's truth value of a constant (PyObject_IsTrue).
func isTrue(_ v: ConstantValue) -> Bool {
    switch v {
    case .none: return false
    case .ellipsis: return true
    case .bool(let b): return b
    case .int(let i): return !i.isZero
    case .float(let d): return d != 0.0
    case .complex(let re, let im): return re != 0.0 || im != 0.0
    case .str(let s): return s.count != 0
    case .bytes(let b): return !b.isEmpty
    case .tuple(let items), .frozenset(let items): return !items.isEmpty
    }
}

/// Python's `==` between constants (for frozenset construction): numbers compare across int/bool/float/complex;
/// NaN is never equal (distinct NaN literals are distinct objects in CPython).
func pyEquals(_ a: ConstantValue, _ b: ConstantValue) -> Bool {
    if let x = PyNumber(a), let y = PyNumber(b) {
        switch (x, y) {
        case (.int(let p), .int(let q)): return p == q
        case (.complex, _), (_, .complex):
            guard let p = x.asComplexExact, let q = y.asComplexExact else { return false }
            return p.0 == q.0 && p.1 == q.1
        default:
            return numericEqualReal(x, y)
        }
    }
    switch (a, b) {
    case (.none, .none), (.ellipsis, .ellipsis): return true
    case (.str(let p), .str(let q)): return p == q
    case (.bytes(let p), .bytes(let q)): return p == q
    case (.tuple(let p), .tuple(let q)):
        return p.count == q.count && zip(p, q).allSatisfy { pyEquals($0, $1) }
    case (.frozenset(let p), .frozenset(let q)):
        return p.count == q.count && p.allSatisfy { e in q.contains { pyEquals(e, $0) } }
    default: return false
    }
}

extension PyNumber {
    /// For equality only: an int that does not fit a double compares unequal to any float (approximation: CPython
    /// compares exactly; such values do not occur in practice in folded sets).
    var asComplexExact: (Double, Double)? {
        switch self {
        case .int(let i):
            guard let d = Double(exactly: i) else { return nil }
            return (d, 0.0)
        case .float(let d): return (d, 0.0)
        case .complex(let re, let im): return (re, im)
        }
    }
}

private func numericEqualReal(_ x: PyNumber, _ y: PyNumber) -> Bool {
    switch (x, y) {
    case (.float(let p), .float(let q)): return p == q
    case (.int(let i), .float(let d)), (.float(let d), .int(let i)):
        // Exact comparison (float_richcompare): an integral double equals the int with the same value.
        guard d.isFinite, d == d.rounded(.towardZero), let di = BigInt(exactly: d) else { return false }
        return di == i
    default: return false
    }
}

extension Double {
    init?(exactly v: BigInt) {
        guard let d = bigIntToDouble(v), let back = BigInt(exactly: d), back == v else { return nil }
        self = d
    }
}
