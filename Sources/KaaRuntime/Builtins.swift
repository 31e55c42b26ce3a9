import BigInt
import KaaCore

/// The builtins module: functions (print, len, repr, isinstance, sorted, ...) and the names of the built-in types.

/// Arguments as a built-in receives them (vectorcall): positional words, then keyword values named by `kw`.
struct Args {
    let p: UnsafePointer<UInt>?
    let n: Int
    let kw: PyValue
    init(_ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) { self.p = p; self.n = n; self.kw = PyValue(raw: kw) }
    subscript(_ i: Int) -> PyValue { PyValue(raw: p.unsafelyUnwrapped[i]) }
    var kwCount: Int { kw.isNull ? 0 : tupleCount(kw) }
    /// The keyword argument `name`, or NULL.
    func keyword(_ name: String) -> PyValue {
        if kw.isNull { return .null }
        for i in 0..<tupleCount(kw) where strSwift(tupleItem(kw, i)) == name { return self[n + i] }
        return .null
    }
    /// TypeError for keywords outside `allowed`.
    /// `clinic`: the message of functions whose arguments CPython parses with a format string
    /// (vgetargskeywords: "'k' is an invalid keyword argument for f()") instead of Argument Clinic's.
    func checkKeywords(_ fname: String, _ allowed: [String], clinic: Bool = true) -> Bool {
        if kw.isNull { return true }
        for i in 0..<tupleCount(kw) {
            let k = strSwift(tupleItem(kw, i))
            if !allowed.contains(k) {
                raise(typeErrorType, clinic ? "\(fname)() got an unexpected keyword argument '\(k)'"
                                            : "'\(k)' is an invalid keyword argument for \(fname)()")
                return false
            }
        }
        return true
    }
    func noKeywords(_ fname: String) -> Bool {
        if kwCount > 0 { raise(typeErrorType, "\(fname)() takes no keyword arguments"); return false }
        return true
    }
    func count(_ fname: String, _ lo: Int, _ hi: Int) -> Bool {
        if n < lo || n > hi {
            if lo == hi {
                raise(typeErrorType, lo == 1 ? "\(fname)() takes exactly one argument (\(n) given)" : "\(fname) expected \(lo) arguments, got \(n)")
            } else if n < lo {
                raise(typeErrorType, "\(fname) expected at least \(lo) argument\(lo == 1 ? "" : "s"), got \(n)")
            } else {
                raise(typeErrorType, "\(fname) expected at most \(hi) argument\(hi == 1 ? "" : "s"), got \(n)")
            }
            return false
        }
        return true
    }
}

nonisolated(unsafe) var builtinsDict = PyValue.null

func addBuiltin(_ name: String, _ fn: BuiltinFn) {
    let f = newBuiltin(name, fn)
    f.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(builtinsDict, internStr(name), f)
}

func installBuiltins() {
    builtinsDict = newDict()
    let d = builtinsDict
    for (name, t) in [("object", objectType!), ("type", typeType!), ("int", intType!), ("bool", boolType!),
                      ("float", floatType!), ("str", strType!), ("tuple", tupleType!), ("list", listType!),
                      ("dict", dictType!), ("range", rangeType!), ("slice", sliceType!), ("set", setType!),
                      ("frozenset", frozenSetType!), ("bytes", bytesType!), ("super", superType!),
                      ("property", propertyType!), ("staticmethod", staticMethodType!),
                      ("classmethod", classMethodType!), ("enumerate", enumerateType!), ("zip", zipType!),
                      ("map", mapType!), ("filter", filterType!), ("reversed", reversedType!)] {
        _ = dictSetItem(d, internStr(name), t.asValue)
    }
    for (name, t) in exceptionTypes { _ = dictSetItem(d, internStr(name), t.asValue) }
    _ = dictSetItem(d, internStr("None"), pyNone)
    _ = dictSetItem(d, internStr("True"), pyTrue)
    _ = dictSetItem(d, internStr("False"), pyFalse)
    _ = dictSetItem(d, internStr("Ellipsis"), pyEllipsis)
    _ = dictSetItem(d, internStr("NotImplemented"), pyNotImplemented)
    _ = dictSetItem(d, internStr("__name__"), internStr("builtins"))

    addBuiltin("__build_class__", buildClass)
    addBuiltin("print") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.checkKeywords("print", ["sep", "end", "file", "flush"], clinic: false) else { return 0 }
        let sep = a.keyword("sep"), end = a.keyword("end"), file = a.keyword("file"), flush = a.keyword("flush")
        for (v, what) in [(sep, "sep"), (end, "end")] where !v.isNull && v != pyNone && !isInstance(v, strType) {
            return raise(typeErrorType, "\(what) must be None or a string, not \(typeName(v))").raw
        }
        let sepStr = sep.isNull || sep == pyNone ? " " : strSwift(sep)
        let endStr = end.isNull || end == pyNone ? "\n" : strSwift(end)
        // CPython: builtin_print_impl — file=None means sys.stdout (nothing is printed if that is None too).
        var target = file.isNull || file == pyNone ? sysValue("stdout") : file
        if target.isNull { target = pyNone }
        if target == pyNone { return newRef(pyNone).raw }
        if target.type != streamType || target.payload(IterObject.self).pointee.index != 1 {
            return printToFile(target, a, sep: sep, end: end, flush: flush).raw
        }
        var out = ""
        for i in 0..<n {
            if i > 0 { out += sepStr }
            let s = objectStr(a[i])
            if s.isNull { return 0 }
            out += strSwift(s)
            decref(s)
        }
        out += endStr
        writeStdout(out)
        if !flush.isNull && isTrue(flush) == 1 { flushStdout() }
        return newRef(pyNone).raw
    }
    addBuiltin("len") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("len"), a.count("len", 1, 1) else { return 0 }
        let l = objectLength(a[0])
        return l < 0 ? 0 : makeInt(l).raw
    }
    addBuiltin("repr") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("repr"), a.count("repr", 1, 1) else { return 0 }
        return objectRepr(a[0]).raw
    }
    addBuiltin("ascii") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("ascii", 1, 1) else { return 0 }
        return objectAscii(a[0]).raw
    }
    addBuiltin("abs") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("abs"), a.count("abs", 1, 1) else { return 0 }
        return unaryOp(a[0], 3).raw
    }
    addBuiltin("min") { _, p, n, kw in minMax(Args(p, n, kw), 0).raw }
    addBuiltin("max") { _, p, n, kw in minMax(Args(p, n, kw), 4).raw }
    addBuiltin("sum") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.checkKeywords("sum", ["start"]) else { return 0 }
        if n < 1 { return raise(typeErrorType, "sum() takes at least 1 positional argument (0 given)").raw }
        if n > 2 { return raise(typeErrorType, "sum() takes at most 2 arguments (\(n) given)").raw }
        var acc = n > 1 ? a[1] : a.keyword("start")
        if acc.isNull { acc = .small(0) }
        if acc.type == strType { return raise(typeErrorType, "sum() can't sum strings [use ''.join(seq) instead]").raw }
        if acc.type == bytesType || acc.type.pointee.name == "bytearray" {
            return raise(typeErrorType, "sum() can't sum \(typeName(acc)) [use b''.join(seq) instead]").raw
        }
        incref(acc)
        let it = getIter(a[0])
        if it.isNull { decref(acc); return 0 }
        defer { decref(it) }
        while true {
            let x = iterNext(it)
            if x.isNull { if !curExc.isNull { decref(acc); return 0 }; return acc.raw }
            var r: PyValue
            if acc.raw & x.raw & 1 != 0 { r = makeInt(acc.smallInt + x.smallInt) }
            else if acc.type == floatType && x.type == floatType { r = newFloat(floatValue(acc) + floatValue(x)) }
            else { r = binaryOp(acc, x, 0) }
            decref(acc); decref(x)
            if r.isNull { return 0 }
            acc = r
        }
    }
    addBuiltin("isinstance") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("isinstance"), a.count("isinstance", 2, 2) else { return 0 }
        let r = isInstanceOf(a[0], a[1], "isinstance")
        return r < 0 ? 0 : newRef(makeBool(r == 1)).raw
    }
    addBuiltin("issubclass") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("issubclass", 2, 2) else { return 0 }
        let r = objectIsSubclass(a[0], a[1])
        return r < 0 ? 0 : newRef(makeBool(r == 1)).raw
    }
    // iter and next: Iteration.swift (installIterationBuiltins).
    addBuiltin("sorted") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard sortKeywordsValid(a) else { return 0 }
        if n != 1 { return raise(typeErrorType, "sorted expected 1 argument, got \(n)").raw }
        let l = newList()
        if !listExtend(l, a[0]) { decref(l); return 0 }
        guard let rev = sortReverseFlag(a) else { decref(l); return 0 }
        if !listSort(l, key: a.keyword("key"), reverse: rev) { decref(l); return 0 }
        return l.raw
    }
    addBuiltin("hasattr") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("hasattr", 2, 2) else { return 0 }
        if !isInstance(a[1], strType) { return raise(typeErrorType, "attribute name must be string, not '\(typeName(a[1]))'").raw }
        let r = getAttr(a[0], a[1])
        if r.isNull {
            if isInstance(curExc, attributeErrorType) { decref(fetchException()); return newRef(pyFalse).raw }
            return 0
        }
        decref(r)
        return newRef(pyTrue).raw
    }
    addBuiltin("getattr") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("getattr", 2, 3) else { return 0 }
        if !isInstance(a[1], strType) { return raise(typeErrorType, "attribute name must be string, not '\(typeName(a[1]))'").raw }
        let r = getAttr(a[0], a[1])
        if r.isNull && n == 3 && isInstance(curExc, attributeErrorType) {
            decref(fetchException())
            return newRef(a[2]).raw
        }
        return r.raw
    }
    addBuiltin("setattr") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("setattr", 3, 3) else { return 0 }
        if !isInstance(a[1], strType) { return raise(typeErrorType, "attribute name must be string, not '\(typeName(a[1]))'").raw }
        return setAttr(a[0], a[1], a[2]) < 0 ? 0 : newRef(pyNone).raw
    }
    addBuiltin("delattr") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("delattr", 2, 2) else { return 0 }
        return setAttr(a[0], a[1], .null) < 0 ? 0 : newRef(pyNone).raw
    }
    addBuiltin("id") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("id", 1, 1) else { return 0 }
        // Small ints have no address; give them a stable odd pseudo-address.
        return intFromBig(BigInt(a[0].raw)).raw
    }
    addBuiltin("hash") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("hash", 1, 1) else { return 0 }
        let h = objectHash(a[0])
        if h == -1 && !curExc.isNull { return 0 }
        return makeInt(h).raw
    }
    addBuiltin("callable") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("callable", 1, 1) else { return 0 }
        return newRef(makeBool(a[0].type.pointee.call != nil)).raw
    }
    addBuiltin("chr") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("chr", 1, 1) else { return 0 }
        guard let i = indexValueOrRaise(a[0]) else { return 0 }
        if i < 0 || i > 0x10FFFF { return raise(valueErrorType, "chr() arg not in range(0x110000)").raw }
        return strChar(UInt32(i)).raw
    }
    addBuiltin("ord") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("ord", 1, 1) else { return 0 }
        let s = a[0]
        if isInstance(s, strType) {
            if strCount(s) != 1 { return raise(typeErrorType, "ord() expected a character, but string of length \(strCount(s)) found").raw }
            return makeInt(Int(strData(s)[0])).raw
        }
        if isInstance(s, bytesType) || isInstance(s, byteArrayType) {
            let b = bytesLikeBytes(s) ?? []
            if b.count != 1 { return raise(typeErrorType, "ord() expected a character, but string of length \(b.count) found").raw }
            return makeInt(Int(b[0])).raw
        }
        return raise(typeErrorType, "ord() expected string of length 1, but \(typeName(s)) found").raw
    }
    addBuiltin("round") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.checkKeywords("round", ["ndigits"]), a.count("round", 1, 2) else { return 0 }
        var nd = n > 1 ? a[1] : a.keyword("ndigits")
        if nd == pyNone { nd = .null }
        let x = a[0]
        if isIntLike(x) {
            if nd.isNull { return newRef(x).raw }
            guard let k = indexValueOrRaise(nd) else { return 0 }
            if k >= 0 { return newRef(x).raw }
            guard let b = bigOperand(x) else { return 0 }
            let m = BigInt(10).power(-k)
            var (q, r) = bigFloorDivMod(b, m)
            if r * 2 > m || (r * 2 == m && q % 2 != 0) { q += 1 }
            _ = r
            return intFromBig(q * m).raw
        }
        if x.type == floatType {
            let d = floatValue(x)
            if nd.isNull {
                if d.isNaN { return raise(valueErrorType, "cannot convert float NaN to integer").raw }
                if d.isInfinite { return raise(overflowErrorType, "cannot convert float infinity to integer").raw }
                return intFromBig(BigInt(d.rounded(.toNearestOrEven))).raw
            }
            guard let k = indexValueOrRaise(nd) else { return 0 }
            return newFloat(roundDouble(d, k)).raw
        }
        let r = callDunder(x, "__round__", nd.isNull ? [] : [nd])
        if r.isNull && curExc.isNull { return raise(typeErrorType, "type \(typeName(x)) doesn't define __round__ method").raw }
        return r.raw
    }
    addBuiltin("divmod") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("divmod", 2, 2) else { return 0 }
        if let r = divmodDunder(a[0], a[1]) { return r.raw }
        let q = binaryOp(a[0], a[1], 2)
        if q.isNull { return 0 }
        let r = binaryOp(a[0], a[1], 6)
        if r.isNull { decref(q); return 0 }
        return newTuple([q, r]).raw
    }
    addBuiltin("pow") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("pow", 2, 3) else { return 0 }
        if n == 3 && a[2] != pyNone {
            if let r = ternaryPowDunder(a[0], a[1], a[2]) { return r.raw }
            guard let b = bigOperand(a[0]), let e = bigOperand(a[1]), let m = bigOperand(a[2]) else {
                return raise(typeErrorType, "pow() 3rd argument not allowed unless all arguments are integers").raw
            }
            if m.isZero { return raise(valueErrorType, "pow() 3rd argument cannot be 0").raw }
            if e.sign == .minus { return raise(valueErrorType, "pow() negative exponent not supported yet").raw }
            var r = b.power(e, modulus: m)
            if !r.isZero && (r.sign == .minus) != (m.sign == .minus) { r += m }
            return intFromBig(r).raw
        }
        return binaryOp(a[0], a[1], 8).raw
    }
    addBuiltin("any") { _, p, n, kw in anyAll(Args(p, n, kw), true).raw }
    addBuiltin("all") { _, p, n, kw in anyAll(Args(p, n, kw), false).raw }
    addBuiltin("format") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("format", 1, 2) else { return 0 }
        return formatObject(a[0], n > 1 ? a[1] : internStr("")).raw
    }
    addBuiltin("hex") { _, p, n, kw in radixString(Args(p, n, kw), "x", "hex").raw }
    addBuiltin("oct") { _, p, n, kw in radixString(Args(p, n, kw), "o", "oct").raw }
    addBuiltin("bin") { _, p, n, kw in radixString(Args(p, n, kw), "b", "bin").raw }
    addBuiltin("exit") { _, p, n, _ in
        setException(newException(systemExitType, args: newTupleFrom(p, n)))
        return 0
    }
    _ = dictSetItem(d, internStr("quit"), dictGetItemStr(d, internStr("exit")))
    installAsyncBuiltins()
    installExecBuiltins()
}

func roundDouble(_ d: Double, _ k: Int) -> Double {
    if d.isNaN || d.isInfinite || d == 0 { return d }
    if k > 323 { return d }
    if k < -308 { return 0.0 * d }
    // Correctly rounded via the shortest decimal string of the exact value (CPython: double_round uses dtoa).
    let s = cFormat("%.*f", Int32(max(k, 0)), d)
    if k >= 0 { return Double(s) ?? d }
    let m = pow10(-k)
    let y = d / m
    var r = y.rounded(.toNearestOrEven)
    if Swift.abs(y - r) == 0.5 { r = 2.0 * (y / 2.0).rounded(.toNearestOrEven) }
    return r * m
}

func pow10(_ k: Int) -> Double {
    var r = 1.0
    for _ in 0..<k { r *= 10 }
    return r
}

func isInstanceOf(_ v: PyValue, _ cls: PyValue, _ fname: String) -> Int { objectIsInstance(v, cls) }

func minMax(_ a: Args, _ op: Int) -> PyValue {
    let fname = op == 0 ? "min" : "max"
    for i in 0..<a.kwCount where !["key", "default"].contains(strSwift(tupleItem(a.kw, i))) {
        return raise(typeErrorType, "'\(strSwift(tupleItem(a.kw, i)))' is an invalid keyword argument for \(fname)()")
    }
    let key = a.keyword("key"), dflt = a.keyword("default")
    var items: [PyValue]
    if a.n == 0 { return raise(typeErrorType, "\(fname) expected at least 1 argument, got 0") }
    if a.n == 1 {
        guard let xs = collectIterable(a[0]) else { return .null }
        items = xs
    } else {
        if !dflt.isNull { return raise(typeErrorType, "Cannot specify a default for \(fname)() with multiple positional arguments") }
        items = (0..<a.n).map { newRef(a[$0]) }
    }
    defer { for x in items { decref(x) } }
    if items.isEmpty {
        if !dflt.isNull { return newRef(dflt) }
        return raise(valueErrorType, "\(fname)() arg is an empty sequence")
    }
    var best = items[0]
    var bestKey = key.isNull || key == pyNone ? newRef(best) : callObject(key, [best])
    if bestKey.isNull { return .null }
    for x in items.dropFirst() {
        let k = key.isNull || key == pyNone ? newRef(x) : callObject(key, [x])
        if k.isNull { decref(bestKey); return .null }
        let r = richCompareBool(k, bestKey, op)
        if r < 0 { decref(k); decref(bestKey); return .null }
        if r == 1 { decref(bestKey); bestKey = k; best = x } else { decref(k) }
    }
    decref(bestKey)
    return newRef(best)
}

func anyAll(_ a: Args, _ isAny: Bool) -> PyValue {
    guard a.count(isAny ? "any" : "all", 1, 1) else { return .null }
    let it = getIter(a[0])
    if it.isNull { return .null }
    defer { decref(it) }
    while true {
        let x = iterNext(it)
        if x.isNull { return curExc.isNull ? newRef(makeBool(!isAny)) : .null }
        let t = isTrue(x)
        decref(x)
        if t < 0 { return .null }
        if (t == 1) == isAny { return newRef(makeBool(isAny)) }
    }
}

func radixString(_ a: Args, _ type: Character, _ fname: String) -> PyValue {
    guard a.count(fname, 1, 1) else { return .null }
    var v = a[0]
    if !isIntLike(v) {
        guard let f = v.type.pointee.index else {
            return raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        v = PyValue(raw: f(v.raw))
        if v.isNull { return .null }
    } else { incref(v) }
    defer { decref(v) }
    var spec = FormatSpec()
    spec.type = type
    spec.alternate = true
    spec.align = ">"
    return formatInt(v, spec)
}
