import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaRuntime

// The `math` module: CPython's Modules/mathmodule.c, in Swift.

func mathArg(_ p: UnsafePointer<UInt>?, _ n: Int, _ i: Int = 0) -> Double? {
    if i >= n { raise(typeErrorType, "math function expected an argument"); return nil }
    let v = PyValue(raw: p.unsafelyUnwrapped[i])
    if let d = floatOperand(v) { return d }
    if curExc.isNull {
        if let f = v.type.pointee.toFloat {
            let r = PyValue(raw: f(v.raw))
            if r.isNull { return nil }
            defer { decref(r) }
            return floatValue(r)
        }
        raise(typeErrorType, "must be real number, not \(typeName(v))")
    }
    return nil
}

func makeMathModule() -> PyValue {
    let m = newModule("math")
    moduleAdd(m, "pi", newFloat(Double.pi))
    moduleAdd(m, "e", newFloat(M_E))
    moduleAdd(m, "tau", newFloat(2 * Double.pi))
    moduleAdd(m, "inf", newFloat(.infinity))
    moduleAdd(m, "nan", newFloat(.nan))
    let unary: [(String, BuiltinFn)] = [
        ("sqrt", { _, p, n, _ in
            guard let x = mathArg(p, n) else { return 0 }
            if x < 0 { return raise(valueErrorType, "math domain error").raw }
            return newFloat(x.squareRoot()).raw }),
        ("exp", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }
            let r = exp(x); if r.isInfinite && !x.isInfinite { return raise(overflowErrorType, "math range error").raw }
            return newFloat(r).raw }),
        ("log", { _, p, n, _ in
            guard let x = mathArg(p, n) else { return 0 }
            if x <= 0 { return raise(valueErrorType, "math domain error").raw }
            if n > 1 { guard let b = mathArg(p, n, 1) else { return 0 }; return newFloat(log(x) / log(b)).raw }
            return newFloat(log(x)).raw }),
        ("log2", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }
            if x <= 0 { return raise(valueErrorType, "math domain error").raw }; return newFloat(log2(x)).raw }),
        ("log10", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }
            if x <= 0 { return raise(valueErrorType, "math domain error").raw }; return newFloat(log10(x)).raw }),
        ("sin", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(sin(x)).raw }),
        ("cos", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(cos(x)).raw }),
        ("tan", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(tan(x)).raw }),
        ("atan", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(atan(x)).raw }),
        ("asin", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(asin(x)).raw }),
        ("acos", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(acos(x)).raw }),
        ("atan2", { _, p, n, _ in guard let y = mathArg(p, n), let x = mathArg(p, n, 1) else { return 0 }; return newFloat(atan2(y, x)).raw }),
        ("hypot", { _, p, n, _ in guard let y = mathArg(p, n), let x = mathArg(p, n, 1) else { return 0 }; return newFloat(hypot(y, x)).raw }),
        ("fabs", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newFloat(Swift.abs(x)).raw }),
        ("pow", { _, p, n, _ in guard let x = mathArg(p, n), let y = mathArg(p, n, 1) else { return 0 }; return newFloat(pow(x, y)).raw }),
        ("isnan", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newRef(makeBool(x.isNaN)).raw }),
        ("isinf", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newRef(makeBool(x.isInfinite)).raw }),
        ("isfinite", { _, p, n, _ in guard let x = mathArg(p, n) else { return 0 }; return newRef(makeBool(x.isFinite)).raw }),
        ("floor", { _, p, n, _ in
            let v = PyValue(raw: p.unsafelyUnwrapped[0])
            if isIntLike(v) { return newRef(v).raw }
            guard let x = mathArg(p, n) else { return 0 }
            if !x.isFinite { return raise(x.isNaN ? valueErrorType : overflowErrorType, x.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer").raw }
            return intFromBig(BigInt(x.rounded(.down))).raw }),
        ("ceil", { _, p, n, _ in
            let v = PyValue(raw: p.unsafelyUnwrapped[0])
            if isIntLike(v) { return newRef(v).raw }
            guard let x = mathArg(p, n) else { return 0 }
            if !x.isFinite { return raise(x.isNaN ? valueErrorType : overflowErrorType, x.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer").raw }
            return intFromBig(BigInt(x.rounded(.up))).raw }),
        ("trunc", { _, p, n, _ in
            guard let x = mathArg(p, n) else { return 0 }
            return intFromBig(BigInt(x.rounded(.towardZero))).raw }),
        ("gcd", { _, p, n, _ in
            var g = BigInt(0)
            for i in 0..<n {
                guard var b = bigOperand(PyValue(raw: p.unsafelyUnwrapped[i])) else { return raise(typeErrorType, "'float' object cannot be interpreted as an integer").raw }
                var a = g
                if a.sign == .minus { a = -a }
                if b.sign == .minus { b = -b }
                while !b.isZero { (a, b) = (b, a % b) }
                g = a
            }
            return intFromBig(g).raw }),
        ("factorial", { _, p, n, _ in
            guard let k = smallOperand(PyValue(raw: p.unsafelyUnwrapped[0])) else { return raise(typeErrorType, "factorial() only accepts integral values").raw }
            if k < 0 { return raise(valueErrorType, "factorial() not defined for negative values").raw }
            var r = BigInt(1)
            if k > 1 { for i in 2...k { r *= BigInt(i) } }
            return intFromBig(r).raw }),
        ("isqrt", { _, p, n, _ in
            guard let b = bigOperand(PyValue(raw: p.unsafelyUnwrapped[0])) else { return raise(typeErrorType, "isqrt() argument must be int").raw }
            if b.sign == .minus { return raise(valueErrorType, "isqrt() argument must be nonnegative").raw }
            return intFromBig(BigInt(b.magnitude.squareRoot())).raw }),
    ]
    for (name, fn) in unary { moduleAdd(m, name, newBuiltin(name, fn)) }
    return m
}
