import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaRuntime

// The `math` module: CPython 3.11's Modules/mathmodule.c in Swift — math_1's domain/range error rules, the Lanczos
// gamma/lgamma, Shewchuk's exact fsum, the scaled vector_norm behind hypot and dist, and the integer functions
// (comb, perm, factorial, gcd, lcm, isqrt) on arbitrary-precision ints.

private enum MathErr { case none, domain, range }

private func domainError() -> UInt { raise(valueErrorType, "math domain error").raw }
private func rangeError() -> UInt { raise(overflowErrorType, "math range error").raw }

/// PyFloat_AsDouble of an argument: float, int (OverflowError when too large), or __float__/__index__.
func mathDouble(_ v: PyValue) -> Double? {
    if let d = floatOperand(v) { return d }
    if !curExc.isNull { return nil }
    if isInstance(v, floatType) { return floatValue(v) }
    if isInstance(v, strType) || (v.type.pointee.toFloat == nil && callMethodIfPresentCheck(v) == false) {
        raise(typeErrorType, "must be real number, not \(typeName(v))")
        return nil
    }
    let r = callObject(floatType.asValue, [v])
    if r.isNull { return nil }
    defer { decref(r) }
    return floatValue(r)
}

private func args1(_ name: String, _ n: Int) -> Bool {
    if n != 1 { raise(typeErrorType, "math.\(name)() takes exactly one argument (\(n) given)"); return false }
    return true
}
private func args2(_ name: String, _ n: Int) -> Bool {
    if n != 2 { raise(typeErrorType, "\(name) expected 2 arguments, got \(n)"); return false }
    return true
}

/// CPython: math_1 — nan from non-nan is a domain error; inf from finite is a range (or domain) error.
private func math1(_ name: String, _ p: UnsafePointer<UInt>?, _ n: Int, canOverflow: Bool, _ f: (Double) -> Double) -> UInt {
    guard args1(name, n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
    let r = f(x)
    if r.isNaN && !x.isNaN { return domainError() }
    if r.isInfinite && x.isFinite { return canOverflow ? rangeError() : domainError() }
    return newFloat(r).raw
}

// MARK: gamma (CPython: m_tgamma, m_lgamma)

private let lanczosG = 6.024680040776729583740234375
private let lanczosGMinusHalf = 5.524680040776729583740234375
private let lanczosNum: [Double] = [
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408]
private let lanczosDen: [Double] = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
                                    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0]
private let gammaIntegral: [Double] = [
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0]
private let mathPi = 3.141592653589793238462643383279502884197
private let logPi = 1.144729885849400174143427351353058711647

private func lanczosSum(_ x: Double) -> Double {
    var num = 0.0, den = 0.0
    if x < 5.0 {
        for i in stride(from: 12, through: 0, by: -1) { num = num * x + lanczosNum[i]; den = den * x + lanczosDen[i] }
    } else {
        for i in 0..<13 { num = num / x + lanczosNum[i]; den = den / x + lanczosDen[i] }
    }
    return num / den
}

private func sinpi(_ x: Double) -> Double {
    let y = fmod(Swift.abs(x), 2.0)
    let n = Int((2.0 * y).rounded(.toNearestOrAwayFromZero))
    var r: Double
    switch n {
    case 0: r = sin(mathPi * y)
    case 1: r = cos(mathPi * (y - 0.5))
    case 2: r = sin(mathPi * (1.0 - y))
    case 3: r = -cos(mathPi * (y - 1.5))
    default: r = sin(mathPi * (y - 2.0))
    }
    return copysign(1.0, x) * r
}

private func tgammaPy(_ x: Double) -> (Double, MathErr) {
    if !x.isFinite { return (x.isNaN || x > 0) ? (x, .none) : (.nan, .domain) }
    if x == 0 { return (copysign(.infinity, x), .domain) }
    if x == floor(x) {
        if x < 0 { return (.nan, .domain) }
        if x <= 23 { return (gammaIntegral[Int(x) - 1], .none) }
    }
    let absx = Swift.abs(x)
    if absx < 1e-20 { let r = 1.0 / x; return (r, r.isInfinite ? .range : .none) }
    if absx > 200 { return x < 0 ? (0.0 / sinpi(x), .none) : (.infinity, .range) }
    let y = absx + lanczosGMinusHalf
    var z: Double
    if absx > lanczosGMinusHalf { let q = y - absx; z = q - lanczosGMinusHalf } else { let q = y - lanczosGMinusHalf; z = q - absx }
    z = z * lanczosG / y
    var r: Double
    if x < 0 {
        r = -mathPi / sinpi(absx) / absx * exp(y) / lanczosSum(absx)
        r -= z * r
        if absx < 140 { r /= pow(y, absx - 0.5) } else { let s = pow(y, absx / 2.0 - 0.25); r /= s; r /= s }
    } else {
        r = lanczosSum(absx) / exp(y)
        r += z * r
        if absx < 140 { r *= pow(y, absx - 0.5) } else { let s = pow(y, absx / 2.0 - 0.25); r *= s; r *= s }
    }
    return (r, r.isInfinite ? .range : .none)
}

private func lgammaPy(_ x: Double) -> (Double, MathErr) {
    if !x.isFinite { return x.isNaN ? (x, .none) : (.infinity, .none) }
    if x == floor(x) && x <= 2.0 { return x <= 0 ? (.infinity, .domain) : (0.0, .none) }
    let absx = Swift.abs(x)
    if absx < 1e-20 { return (-log(absx), .none) }
    var r = log(lanczosSum(absx)) - lanczosG
    r += (absx - 0.5) * (log(absx + lanczosG - 0.5) - 1)
    if x < 0 { r = logPi - log(Swift.abs(sinpi(absx))) - log(absx) - r }
    return (r, r.isInfinite ? .range : .none)
}

// MARK: vector_norm (hypot, dist)

private func vectorNorm(_ vec: [Double], _ maxIn: Double, _ foundNan: Bool) -> Double {
    var v = vec
    let maxv = maxIn
    if maxv.isInfinite { return maxv }
    if foundNan { return .nan }
    if maxv == 0 || v.count <= 1 { return maxv }
    var maxE: Int32 = 0
    _ = frexp(maxv, &maxE)
    if maxE < -1023 {
        for i in 0..<v.count { v[i] /= Double.leastNormalMagnitude }
        return Double.leastNormalMagnitude * vectorNorm(v, maxv / Double.leastNormalMagnitude, foundNan)
    }
    let scale = scalbn(1.0, -maxE)
    var csum = 1.0, frac1 = 0.0, frac2 = 0.0
    for x0 in v {
        let x = x0 * scale
        let prHi = x * x, prLo = fma(x, x, -prHi)
        let smHi = csum + prHi, smLo = (csum - smHi) + prHi
        csum = smHi
        frac1 += prLo
        frac2 += smLo
    }
    var h = sqrt(csum - 1.0 + (frac1 + frac2))
    let prHi = -h * h, prLo = fma(-h, h, -prHi)
    let smHi = csum + prHi, smLo = (csum - smHi) + prHi
    csum = smHi
    frac1 += prLo
    frac2 += smLo
    let x = csum - 1.0 + (frac1 + frac2)
    h += x / (2.0 * h)
    return h / scale
}

// MARK: fsum (CPython: math_fsum, Shewchuk's algorithm)

private func fsum(_ items: [Double]) -> PyValue {
    var p: [Double] = []
    var specialSum = 0.0, infSum = 0.0
    for x0 in items {
        var x = x0
        let xsave = x
        var i = 0
        for j in 0..<p.count {
            var y = p[j]
            if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
            let hi = x + y
            let yr = hi - x
            let lo = y - yr
            if lo != 0 { p[i] = lo; i += 1 }
            x = hi
        }
        p.removeLast(p.count - i)
        if x != 0 {
            if !x.isFinite {
                if xsave.isFinite { return raise(overflowErrorType, "intermediate overflow in fsum") }
                if xsave.isInfinite { infSum += xsave }
                specialSum += xsave
                p.removeAll()
            } else { p.append(x) }
        }
    }
    if specialSum != 0 {
        if infSum.isNaN { return raise(valueErrorType, "-inf + inf in fsum") }
        return newFloat(specialSum)
    }
    var hi = 0.0
    var n = p.count
    if n > 0 {
        n -= 1
        hi = p[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = p[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0)) {
            let y = lo * 2.0
            let x = hi + y
            let yr = x - hi
            if y == yr { hi = x }
        }
    }
    return newFloat(hi)
}

// MARK: integer helpers

private func indexArg(_ v: PyValue) -> BigInt? {
    if let b = bigOperand(v) { return b }
    if v.type.pointee.index != nil || isInstance(v, intType) {
        let r = callBuiltinIndex(v)
        if r.isNull { return nil }
        defer { decref(r) }
        return bigOperand(r)
    }
    raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
    return nil
}

/// operator.index through the type's __index__ (heap classes included).
private func callBuiltinIndex(_ v: PyValue) -> PyValue {
    let b = builtinModuleMakers["operator"] == nil ? PyValue.null : PyValue.null
    _ = b
    if let f = v.type.pointee.index { return PyValue(raw: f(v.raw)) }
    return raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
}

private func bigGcd(_ a: BigInt, _ b: BigInt) -> BigInt {
    var x = a.magnitude, y = b.magnitude
    while !y.isZero { (x, y) = (y, x % y) }
    return BigInt(x)
}

private func permProduct(_ n: BigInt, _ k: Int) -> BigInt {
    // n * (n-1) * ... * (n-k+1), by binary splitting.
    func prod(_ lo: BigInt, _ count: Int) -> BigInt {
        if count == 0 { return 1 }
        if count == 1 { return lo }
        let h = count / 2
        return prod(lo, h) * prod(lo - BigInt(h), count - h)
    }
    return prod(n, k)
}

private func factorialBig(_ n: Int) -> BigInt {
    func prod(_ lo: Int, _ hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 8 { var r = BigInt(1); for i in lo...hi { r *= BigInt(i) }; return r }
        let m = (lo + hi) / 2
        return prod(lo, m) * prod(m + 1, hi)
    }
    return prod(2, n)
}

/// log of a positive int too large for a double (CPython: loghelper).
private func logOfArg(_ v: PyValue, _ f: (Double) -> Double, _ name: String) -> Double? {
    if isIntLike(v), let b = bigOperand(v) {
        if b.sign == .minus || b.isZero { raise(valueErrorType, "math domain error"); return nil }
        if b.magnitude.bitWidth > 1000 {
            let e = b.magnitude.bitWidth - 60
            let m = Double(b >> e)
            return f(m) + Double(e) * f(2.0)
        }
        return f(Double(b))
    }
    guard let x = mathDouble(v) else { return nil }
    if x.isNaN { return x }
    if x <= 0 { raise(valueErrorType, "math domain error"); return nil }
    if x.isInfinite { return x }
    return f(x)
}

private func floatsOf(_ v: PyValue) -> [Double]? {
    guard let items = collectIterablePackage(v) else { return nil }
    defer { for x in items { decref(x) } }
    var out: [Double] = []
    for x in items { guard let d = mathDouble(x) else { return nil }; out.append(d) }
    return out
}

func makeMathModule() -> PyValue {
    let m = newModule("math")
    moduleAdd(m, "pi", newFloat(Double.pi))
    moduleAdd(m, "e", newFloat(M_E))
    moduleAdd(m, "tau", newFloat(2 * Double.pi))
    moduleAdd(m, "inf", newFloat(.infinity))
    moduleAdd(m, "nan", newFloat(.nan))
    let fns: [(String, BuiltinFn)] = [
        ("acos", { _, p, n, _ in math1("acos", p, n, canOverflow: false, acos) }),
        ("acosh", { _, p, n, _ in math1("acosh", p, n, canOverflow: false, acosh) }),
        ("asin", { _, p, n, _ in math1("asin", p, n, canOverflow: false, asin) }),
        ("asinh", { _, p, n, _ in math1("asinh", p, n, canOverflow: false, asinh) }),
        ("atan", { _, p, n, _ in math1("atan", p, n, canOverflow: false, atan) }),
        ("atanh", { _, p, n, _ in math1("atanh", p, n, canOverflow: false, atanh) }),
        ("cbrt", { _, p, n, _ in math1("cbrt", p, n, canOverflow: false, cbrt) }),
        ("cos", { _, p, n, _ in math1("cos", p, n, canOverflow: false, cos) }),
        ("cosh", { _, p, n, _ in math1("cosh", p, n, canOverflow: true, cosh) }),
        ("erf", { _, p, n, _ in math1("erf", p, n, canOverflow: false, erf) }),
        ("erfc", { _, p, n, _ in math1("erfc", p, n, canOverflow: false, erfc) }),
        ("exp", { _, p, n, _ in math1("exp", p, n, canOverflow: true, exp) }),
        ("exp2", { _, p, n, _ in math1("exp2", p, n, canOverflow: true, exp2) }),
        ("expm1", { _, p, n, _ in math1("expm1", p, n, canOverflow: true, expm1) }),
        ("fabs", { _, p, n, _ in math1("fabs", p, n, canOverflow: false, { Swift.abs($0) }) }),
        ("log1p", { _, p, n, _ in math1("log1p", p, n, canOverflow: false, log1p) }),
        ("sin", { _, p, n, _ in math1("sin", p, n, canOverflow: false, sin) }),
        ("sinh", { _, p, n, _ in math1("sinh", p, n, canOverflow: true, sinh) }),
        ("sqrt", { _, p, n, _ in math1("sqrt", p, n, canOverflow: false, { $0.squareRoot() }) }),
        ("tan", { _, p, n, _ in math1("tan", p, n, canOverflow: false, tan) }),
        ("tanh", { _, p, n, _ in math1("tanh", p, n, canOverflow: false, tanh) }),
        ("degrees", { _, p, n, _ in math1("degrees", p, n, canOverflow: false, { $0 * (180.0 / mathPi) }) }),
        ("radians", { _, p, n, _ in math1("radians", p, n, canOverflow: false, { $0 * (mathPi / 180.0) }) }),
        ("gamma", { _, p, n, _ in
            guard args1("gamma", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            let (r, e) = tgammaPy(x)
            if e == .domain { return domainError() }
            if e == .range { return rangeError() }
            return newFloat(r).raw }),
        ("lgamma", { _, p, n, _ in
            guard args1("lgamma", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            let (r, e) = lgammaPy(x)
            if e == .domain { return domainError() }
            if e == .range { return rangeError() }
            return newFloat(r).raw }),
        ("isnan", { _, p, n, _ in guard args1("isnan", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }; return newRef(makeBool(x.isNaN)).raw }),
        ("isinf", { _, p, n, _ in guard args1("isinf", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }; return newRef(makeBool(x.isInfinite)).raw }),
        ("isfinite", { _, p, n, _ in guard args1("isfinite", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }; return newRef(makeBool(x.isFinite)).raw }),
        ("atan2", { _, p, n, _ in
            guard args2("atan2", n), let y = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            return newFloat(atan2(y, x)).raw }),
        ("copysign", { _, p, n, _ in
            guard args2("copysign", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let y = mathDouble(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            return newFloat(copysign(x, y)).raw }),
        ("fmod", { _, p, n, _ in
            guard args2("fmod", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let y = mathDouble(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            if y.isInfinite && x.isFinite { return newFloat(x).raw }
            let r = fmod(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN { return domainError() }
            return newFloat(r).raw }),
        ("remainder", { _, p, n, _ in
            guard args2("remainder", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let y = mathDouble(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            if x.isNaN { return newFloat(x).raw }
            if y.isNaN { return newFloat(y).raw }
            if x.isInfinite || y == 0 { return domainError() }
            if y.isInfinite { return newFloat(x).raw }
            return newFloat(remainder(x, y)).raw }),
        ("pow", { _, p, n, _ in
            guard args2("pow", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let y = mathDouble(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            var r = 0.0
            if !x.isFinite || !y.isFinite {
                if x.isNaN { r = y == 0 ? 1 : x }
                else if y.isNaN { r = x == 1 ? 1 : y }
                else if x.isInfinite {
                    let oddY = y.isFinite && fmod(Swift.abs(y), 2.0) == 1.0
                    if y > 0 { r = oddY ? x : Swift.abs(x) } else if y == 0 { r = 1 } else { r = oddY ? copysign(0, x) : 0 }
                } else {
                    if Swift.abs(x) == 1 { r = 1 } else if y > 0 && Swift.abs(x) > 1 { r = y }
                    else if y < 0 && Swift.abs(x) < 1 { r = -y } else { r = 0 }
                }
                return newFloat(r).raw
            }
            r = pow(x, y)
            if r.isNaN { return domainError() }
            if r.isInfinite { return x == 0 ? domainError() : rangeError() }
            return newFloat(r).raw }),
        ("ldexp", { _, p, n, _ in
            guard args2("ldexp", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            let iv = PyValue(raw: p.unsafelyUnwrapped[1])
            guard isIntLike(iv), let e = bigOperand(iv) else {
                return raise(typeErrorType, "Expected an int as second argument to ldexp.").raw
            }
            if x == 0 || !x.isFinite { return newFloat(x).raw }
            let ee = e > 100_000 ? 100_000 : (e < -100_000 ? -100_000 : Int(e))
            let r = scalbn(x, Int32(ee))
            if r.isInfinite { return rangeError() }
            return newFloat(r).raw }),
        ("nextafter", { _, p, n, _ in
            guard args2("nextafter", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let y = mathDouble(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            return newFloat(nextafter(x, y)).raw }),
        ("ulp", { _, p, n, _ in
            guard args1("ulp", n), let x0 = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            if x0.isNaN { return newFloat(x0).raw }
            let x = Swift.abs(x0)
            if x.isInfinite { return newFloat(x).raw }
            let x2 = nextafter(x, .infinity)
            if x2.isInfinite { return newFloat(x - nextafter(x, -.infinity)).raw }
            return newFloat(x2 - x).raw }),
        ("frexp", { _, p, n, _ in
            guard args1("frexp", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            if x.isNaN || x.isInfinite || x == 0 { return newTuple([newFloat(x), .small(0)]).raw }
            var e: Int32 = 0
            let mm = frexp(x, &e)
            return newTuple([newFloat(mm), makeInt(Int(e))]).raw }),
        ("modf", { _, p, n, _ in
            guard args1("modf", n), let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            if x.isInfinite { return newTuple([newFloat(copysign(0.0, x)), newFloat(x)]).raw }
            var ip = 0.0
            let fp = modf(x, &ip)
            return newTuple([newFloat(fp), newFloat(ip)]).raw }),
        ("log", { _, p, n, _ in
            if n < 1 || n > 2 { return raise(typeErrorType, "math.log requires 1 to 2 arguments").raw }
            guard let num = logOfArg(PyValue(raw: p.unsafelyUnwrapped[0]), log, "log") else { return 0 }
            if n == 2 {
                guard let den = logOfArg(PyValue(raw: p.unsafelyUnwrapped[1]), log, "log") else { return 0 }
                if den == 0 { return raise(zeroDivisionErrorType, "float division by zero").raw }
                return newFloat(num / den).raw
            }
            return newFloat(num).raw }),
        ("log2", { _, p, n, _ in
            guard args1("log2", n), let r = logOfArg(PyValue(raw: p.unsafelyUnwrapped[0]), log2, "log2") else { return 0 }
            return newFloat(r).raw }),
        ("log10", { _, p, n, _ in
            guard args1("log10", n), let r = logOfArg(PyValue(raw: p.unsafelyUnwrapped[0]), log10, "log10") else { return 0 }
            return newFloat(r).raw }),
        ("floor", { _, p, n, _ in mathRound(p, n, "floor", "__floor__", .down) }),
        ("ceil", { _, p, n, _ in mathRound(p, n, "ceil", "__ceil__", .up) }),
        ("trunc", { _, p, n, _ in
            guard args1("trunc", n) else { return 0 }
            let v = PyValue(raw: p.unsafelyUnwrapped[0])
            if isIntLike(v) { return intExact(v).raw }
            if v.type == floatType {
                let d = floatValue(v)
                if d.isNaN { return raise(valueErrorType, "cannot convert float NaN to integer").raw }
                if d.isInfinite { return raise(overflowErrorType, "cannot convert float infinity to integer").raw }
                return intFromBig(BigInt(d.rounded(.towardZero))).raw
            }
            let r = callMethodIfPresent(v, "__trunc__")
            if r.isNull && curExc.isNull {
                return raise(typeErrorType, "type \(typeName(v)) doesn't define __trunc__ method").raw
            }
            return r.raw }),
        ("fsum", { _, p, n, _ in
            guard args1("fsum", n), let xs = floatsOf(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            return fsum(xs).raw }),
        ("hypot", { _, p, n, _ in
            var vals: [Double] = []
            var mx = 0.0, nan = false
            for i in 0..<n {
                guard let x = mathDouble(PyValue(raw: p.unsafelyUnwrapped[i])) else { return 0 }
                let a = Swift.abs(x)
                vals.append(a)
                nan = nan || a.isNaN
                if a > mx { mx = a }
            }
            return newFloat(vectorNorm(vals, mx, nan)).raw }),
        ("dist", { _, p, n, _ in
            guard args2("dist", n) else { return 0 }
            let pv = PyValue(raw: p.unsafelyUnwrapped[0]), qv = PyValue(raw: p.unsafelyUnwrapped[1])
            guard let ps = floatsOf(pv), let qs = floatsOf(qv) else { return 0 }
            if ps.count != qs.count { return raise(valueErrorType, "both points must have the same number of dimensions").raw }
            var vals: [Double] = []
            var mx = 0.0, nan = false
            for (a, b) in zip(ps, qs) {
                let d = Swift.abs(a - b)
                vals.append(d); nan = nan || d.isNaN
                if d > mx { mx = d }
            }
            return newFloat(vectorNorm(vals, mx, nan)).raw }),
        ("prod", { _, p, n, kw in
            if n != 1 { return raise(typeErrorType, "prod() takes exactly 1 positional argument (\(n) given)").raw }
            var acc = PyValue.small(1)
            if kw != 0 {
                let names = PyValue(raw: kw)
                for i in 0..<tupleCountPackage(names) {
                    if strSwiftPackage(tupleItemPackage(names, i)) != "start" {
                        return raise(typeErrorType, "'\(strSwiftPackage(tupleItemPackage(names, i)))' is an invalid keyword argument for prod()").raw
                    }
                    acc = newRef(PyValue(raw: p.unsafelyUnwrapped[n + i]))
                }
            }
            guard let items = collectIterablePackage(PyValue(raw: p.unsafelyUnwrapped[0])) else { decref(acc); return 0 }
            defer { for x in items { decref(x) } }
            for x in items {
                let r = binaryOp(acc, x, 5)
                decref(acc)
                if r.isNull { return 0 }
                acc = r
            }
            return acc.raw }),
        ("isclose", { _, p, n, kw in
            guard let a = bindPackage(p, n, kw, "isclose", ["a", "b", "rel_tol", "abs_tol"], required: 2, kwOnlyFrom: 2) else { return 0 }
            guard let x = mathDouble(a[0]), let y = mathDouble(a[1]) else { return 0 }
            var rel = 1e-9, abst = 0.0
            if !a[2].isNull { guard let r = mathDouble(a[2]) else { return 0 }; rel = r }
            if !a[3].isNull { guard let r = mathDouble(a[3]) else { return 0 }; abst = r }
            if rel < 0 || abst < 0 { return raise(valueErrorType, "tolerances must be non-negative").raw }
            if x == y { return newRef(makeBool(true)).raw }
            if x.isInfinite || y.isInfinite { return newRef(makeBool(false)).raw }
            let diff = Swift.abs(y - x)
            let r = (diff <= Swift.abs(rel * y)) || (diff <= Swift.abs(rel * x)) || diff <= abst
            return newRef(makeBool(r)).raw }),
        ("gcd", { _, p, n, _ in
            var g = BigInt(0)
            for i in 0..<n {
                guard let b = indexArg(PyValue(raw: p.unsafelyUnwrapped[i])) else { return 0 }
                g = bigGcd(g, b)
            }
            return intFromBig(g).raw }),
        ("lcm", { _, p, n, _ in
            var l = BigInt(1)
            for i in 0..<n {
                guard let b = indexArg(PyValue(raw: p.unsafelyUnwrapped[i])) else { return 0 }
                if b.isZero || l.isZero { l = 0; continue }
                let g = bigGcd(l, b)
                l = BigInt((l / g * b).magnitude)
            }
            return intFromBig(l).raw }),
        ("factorial", { _, p, n, _ in
            guard args1("factorial", n) else { return 0 }
            guard let k = indexArg(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            if k.sign == .minus { return raise(valueErrorType, "factorial() not defined for negative values").raw }
            if k > 1_000_000 { return raise(overflowErrorType, "factorial() argument should not exceed \(Int.max)").raw }
            return intFromBig(factorialBig(Int(k))).raw }),
        ("isqrt", { _, p, n, _ in
            guard args1("isqrt", n), let b = indexArg(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            if b.sign == .minus { return raise(valueErrorType, "isqrt() argument must be nonnegative").raw }
            return intFromBig(BigInt(b.magnitude.squareRoot())).raw }),
        ("comb", { _, p, n, _ in
            guard args2("comb", n), let nn = indexArg(PyValue(raw: p.unsafelyUnwrapped[0])),
                  let k = indexArg(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
            if nn.sign == .minus { return raise(valueErrorType, "n must be a non-negative integer").raw }
            if k.sign == .minus { return raise(valueErrorType, "k must be a non-negative integer").raw }
            if k > nn { return PyValue.small(0).raw }
            let kk = min(k, nn - k)
            if kk > 10_000_000 { return raise(overflowErrorType, "min(n - k, k) must not exceed \(Int.max)").raw }
            let kInt = Int(kk)
            return intFromBig(permProduct(nn, kInt) / factorialBig(kInt)).raw }),
        ("perm", { _, p, n, _ in
            if n < 1 || n > 2 { return raise(typeErrorType, n < 1 ? "perm expected at least 1 argument, got 0" : "perm expected at most 2 arguments, got \(n)").raw }
            guard let nn = indexArg(PyValue(raw: p.unsafelyUnwrapped[0])) else { return 0 }
            var k = nn
            if n == 2 && PyValue(raw: p.unsafelyUnwrapped[1]) != pyNone {
                guard let kv = indexArg(PyValue(raw: p.unsafelyUnwrapped[1])) else { return 0 }
                k = kv
            }
            if nn.sign == .minus { return raise(valueErrorType, "n must be a non-negative integer").raw }
            if k.sign == .minus { return raise(valueErrorType, "k must be a non-negative integer").raw }
            if k > nn { return PyValue.small(0).raw }
            if k > 10_000_000 { return raise(overflowErrorType, "k must not exceed \(Int.max)").raw }
            return intFromBig(permProduct(nn, Int(k))).raw }),
    ]
    for (name, fn) in fns { moduleAdd(m, name, newBuiltin(name, fn)) }
    return m
}

private func mathRound(_ p: UnsafePointer<UInt>?, _ n: Int, _ name: String, _ dunder: String,
                       _ rule: FloatingPointRoundingRule) -> UInt {
    guard args1(name, n) else { return 0 }
    let v = PyValue(raw: p.unsafelyUnwrapped[0])
    if isIntLike(v) { return intExact(v).raw }
    if v.type != floatType {
        let r = callMethodIfPresent(v, dunder)
        if !r.isNull || !curExc.isNull { return r.raw }
    }
    guard let x = mathDouble(v) else { return 0 }
    if x.isNaN { return raise(valueErrorType, "cannot convert float NaN to integer").raw }
    if x.isInfinite { return raise(overflowErrorType, "cannot convert float infinity to integer").raw }
    return intFromBig(BigInt(x.rounded(rule))).raw
}
