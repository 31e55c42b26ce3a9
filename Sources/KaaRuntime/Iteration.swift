#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BigInt

/// Helpers shared by the sequence methods and the iteration builtins: the start/stop arguments of
/// `list.index`/`tuple.index`, the keyword check of `sort()`/`sorted()`, and the builtins this file installs
/// over Builtins.swift's first versions (installIterationBuiltins).

/// index(x, start, stop)'s bounds (CPython: list_index_impl with _PyEval_SliceIndexNotNone): negative values count
/// from the end and clamp at 0; stop defaults to the end.
func sequenceIndexBounds(_ a: Args, _ count: Int) -> (Int, Int)? {
    var start = 0, stop = Int.max
    if a.n > 1 {
        let v = a[1]
        guard let s = sliceIndexValueNotNone(v) else { return nil }
        start = s
    }
    if a.n > 2 {
        guard let s = sliceIndexValueNotNone(a[2]) else { return nil }
        stop = s
    }
    if start < 0 { start = max(0, start + count) }
    if stop < 0 { stop = max(0, stop + count) }
    return (start, stop)
}

/// CPython: _PyEval_SliceIndexNotNone.
func sliceIndexValueNotNone(_ v: PyValue) -> Int? {
    if let s = smallOperand(v) { return s }
    if let b = bigOperand(v) { return b.sign == .minus ? Int.min / 2 : Int.max / 2 }
    if v.type.pointee.index != nil, let i = indexValue(v) { return i }
    if curExc.isNull {
        raise(typeErrorType, "slice indices must be integers or have an __index__ method")
    }
    return nil
}

/// sort()/sorted() accept only `key` and `reverse` (CPython's argument clinic message for list.sort).
func sortKeywordsValid(_ a: Args) -> Bool {
    if a.kw.isNull { return true }
    for i in 0..<tupleCount(a.kw) {
        let k = strSwift(tupleItem(a.kw, i))
        if k != "key" && k != "reverse" {
            raise(typeErrorType, "'\(k)' is an invalid keyword argument for sort()")
            return false
        }
    }
    return true
}

nonisolated(unsafe) var listRevIterType: TypePtr! = nil
nonisolated(unsafe) var dictRevKeyIterType: TypePtr! = nil
nonisolated(unsafe) var dictRevValueIterType: TypePtr! = nil
nonisolated(unsafe) var dictRevItemIterType: TypePtr! = nil
nonisolated(unsafe) var callableIterType: TypePtr! = nil

/// CPython: dictreviter_iternext — entries walked backwards, size changes detected.
func dictRevIterNext(_ w: Word, _ kind: Int) -> Word {
    let p = PyValue(raw: w).payload(IterObject.self)
    let d = p.pointee.seq
    if d.isNull { return 0 }
    if dictCount(d) != p.pointee.end {
        p.pointee.end = -1
        return raise(runtimeErrorType, "dictionary changed size during iteration").raw
    }
    let dp = dictPtr(d)
    var i = p.pointee.index
    while i >= 0 && i < dp.pointee.nentries {
        let e = dp.pointee.entries[i]
        i -= 1
        if e.key.isNull { continue }
        p.pointee.index = i
        switch kind {
        case 0: return newRef(e.key).raw
        case 1: return newRef(e.value).raw
        default: return newTuple([newRef(e.key), newRef(e.value)]).raw
        }
    }
    p.pointee.seq = .null
    decref(d)
    return 0
}

/// `__iter__`/`__next__` as methods of a built-in iterator type (CPython's slot wrappers).
func addIteratorDunders(_ t: TypePtr) {
    if t.pointee.dict.isNull { t.pointee.dict = newDict() }
    if t.pointee.iter != nil && dictGetItemStr(t.pointee.dict, internStr("__iter__")).isNull {
        addMethod(t, "__iter__") { s, _, n, _ in
            if n != 0 { return raise(typeErrorType, "expected 0 arguments, got \(n)").raw }
            return PyValue(raw: s).type.pointee.iter.unsafelyUnwrapped(s)
        }
    }
    if t.pointee.iternext != nil && dictGetItemStr(t.pointee.dict, internStr("__next__")).isNull {
        addMethod(t, "__next__") { s, _, n, _ in
            if n != 0 { return raise(typeErrorType, "expected 0 arguments, got \(n)").raw }
            let r = PyValue(raw: s).type.pointee.iternext.unsafelyUnwrapped(s)
            if r == 0 && curExc.isNull { setExceptionNoContext(newException(stopIterationType, args: allocTuple(0))) }
            return r
        }
    }
}

/// reversed(seq) (CPython: reversed_new_impl): `__reversed__` first (None means not reversible), then the
/// sequence protocol; the built-in sequences give their own reverse iterators.
func reversedNew(_ s: PyValue) -> PyValue {
    let t = s.type
    if t == listType {
        return newIter(listRevIterType, seq: s, index: listCount(s) - 1)
    }
    if t == rangeType && !rangeBig(s).isNull {
        // CPython: range_reverse for a long range — from start + (len-1)*step down by step.
        let (start, stop, step, len) = rangeParts(s)
        decref(stop)
        defer { decref(start); decref(step) }
        let lm1 = binaryOp(len, .small(1), 10)
        if lm1.isNull { decref(len); return .null }
        let last = rangeItemBig(start, step, lm1)
        decref(lm1)
        if last.isNull { decref(len); return .null }
        let nstep = unaryOp(step, 0)
        if nstep.isNull { decref(len); decref(last); return .null }
        let state = newList([last, nstep, len])
        defer { decref(state) }
        return newIter(longRangeIterType, seq: state)
    }
    if t == rangeType {
        let r = s.payload(RangeObject.self)
        let n = r.pointee.length
        let last = n == 0 ? r.pointee.start : r.pointee.start &+ (n - 1) &* r.pointee.step
        return newIter(rangeIterType, seq: .null, index: last, end: n, step: 0 &- r.pointee.step)
    }
    if t == dictType || t == dictKeysType || t == dictValuesType || t == dictItemsType {
        let d = t == dictType ? s : s.payload(IterObject.self).pointee.seq
        let it = t == dictValuesType ? dictRevValueIterType! : (t == dictItemsType ? dictRevItemIterType! : dictRevKeyIterType!)
        return newIter(it, seq: d, index: dictPtr(d).pointee.nentries - 1, end: dictCount(d))
    }
    let meth = typeLookup(t, internStr("__reversed__"))
    if meth == pyNone { return raise(typeErrorType, "'\(typeName(s))' object is not reversible") }
    if !meth.isNull { return callDunder(s, "__reversed__", []) }
    let isSeq = t.pointee.getitem != nil && t != dictType && !isSubtype(t, dictType) && !isAnySet(s)
    if !isSeq { return raise(typeErrorType, "'\(typeName(s))' object is not reversible") }
    let len = objectLength(s)
    if len < 0 { return .null }
    return newIter(reversedType, seq: s, index: len - 1)
}

/// zip.__next__ with strict=True (CPython: zip_next).
func zipNext(_ w: Word) -> Word {
    let p = PyValue(raw: w).payload(IterObject.self)
    let its = p.pointee.seq
    let n = tupleCount(its)
    if n == 0 { return 0 }
    let out = allocTuple(n)
    for i in 0..<n {
        let x = PyValue(raw: tupleItem(its, i).type.pointee.iternext.unsafelyUnwrapped(tupleItem(its, i).raw))
        if x.isNull {
            for j in 0..<i { decref(tupleItems(out)[j]); tupleItems(out)[j] = .null }
            decref(out)
            if p.pointee.end == 0 { return 0 }
            return zipStrictCheck(its, i)
        }
        tupleItems(out)[i] = x
    }
    return out.raw
}

func zipStrictCheck(_ its: PyValue, _ first: Int) -> Word {
    if !curExc.isNull {
        if !isInstance(curExc, stopIterationType) { return 0 }
        decref(fetchException())
    }
    if first > 0 {
        return raise(valueErrorType, "zip() argument \(first + 1) is shorter than argument\(first == 1 ? " " : "s 1-")\(first)").raw
    }
    for i in 1..<tupleCount(its) {
        let it = tupleItem(its, i)
        let x = PyValue(raw: it.type.pointee.iternext.unsafelyUnwrapped(it.raw))
        if !x.isNull {
            decref(x)
            return raise(valueErrorType, "zip() argument \(i + 1) is longer than argument\(i == 1 ? " " : "s 1-")\(i)").raw
        }
        if !curExc.isNull {
            if !isInstance(curExc, stopIterationType) { return 0 }
            decref(fetchException())
        }
    }
    return 0
}

nonisolated(unsafe) var strIterNonASCIIType: TypePtr! = nil

func installIterationBuiltins() {
    installContainerMethods()
    // CPython: unicode_iter — str_ascii_iterator for compact ASCII strings, str_iterator otherwise.
    strIterNonASCIIType = newType("str_iterator", base: objectType, basicSize: MemoryLayout<IterObject>.stride,
                                  dealloc: iterDealloc)
    strIterNonASCIIType.pointee.dict = newDict()
    strIterNonASCIIType.pointee.iter = selfIter
    strIterNonASCIIType.pointee.iternext = strIterType.pointee.iternext
    strType.pointee.iter = { w in
        let v = PyValue(raw: w)
        return newSeqIter(v, v.payload(StrObject.self).pointee.maxChar < 128 ? strIterType : strIterNonASCIIType).raw
    }
    func mk(_ name: String, _ next: UnaryFn) -> TypePtr {
        let t = newType(name, base: objectType, basicSize: MemoryLayout<IterObject>.stride, dealloc: iterDealloc)
        t.pointee.iter = selfIter
        t.pointee.iternext = next
        t.pointee.dict = newDict()
        return t
    }
    listRevIterType = mk("list_reverseiterator") { w in
        let p = PyValue(raw: w).payload(IterObject.self)
        let l = p.pointee.seq
        if l.isNull { return 0 }
        let i = p.pointee.index
        if i >= 0 && i < listCount(l) { p.pointee.index = i - 1; return newRef(listItems(l)[i]).raw }
        p.pointee.seq = .null; decref(l)
        return 0
    }
    dictRevKeyIterType = mk("dict_reversekeyiterator") { dictRevIterNext($0, 0) }
    dictRevValueIterType = mk("dict_reversevalueiterator") { dictRevIterNext($0, 1) }
    dictRevItemIterType = mk("dict_reverseitemiterator") { dictRevIterNext($0, 2) }
    callableIterType = mk("callable_iterator") { w in
        // CPython: calliter_iternext — StopIteration from the callable also ends it.
        let p = PyValue(raw: w).payload(IterObject.self)
        let f = p.pointee.seq
        if f.isNull { return 0 }
        let r = callObject(f, [])
        if r.isNull {
            if isInstance(curExc, stopIterationType) {
                decref(fetchException())
                p.pointee.seq = .null; decref(f)
            }
            return 0
        }
        let eq = richCompareBool(r, p.pointee.extra, 2)
        if eq == 0 { return r.raw }
        decref(r)
        if eq > 0 { p.pointee.seq = .null; decref(f) }
        return 0
    }
    zipType.pointee.iternext = zipNext
    zipType.pointee.new = { t, p, n, kw in
        let a = Args(p, n, kw)
        var strict = false
        if a.kwCount > 0 {
            for i in 0..<a.kwCount {
                let k = strSwift(tupleItem(a.kw, i))
                if k != "strict" { return raise(typeErrorType, "'\(k)' is an invalid keyword argument for zip()").raw }
                let v = isTrue(a[n + i])
                if v < 0 { return 0 }
                strict = v == 1
            }
        }
        var its: [PyValue] = []
        for i in 0..<n {
            let it = getIter(a[i])
            if it.isNull { for x in its { decref(x) }; return 0 }
            its.append(it)
        }
        let tup = newTuple(its)
        defer { decref(tup) }
        return newIter(zipType, seq: tup, end: strict ? 1 : 0).raw
    }
    reversedType.pointee.new = { _, p, n, kw in
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 { return raise(typeErrorType, "reversed() takes no keyword arguments").raw }
        if n != 1 { return raise(typeErrorType, "reversed expected 1 argument, got \(n)").raw }
        return reversedNew(PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    enumerateType.pointee.new = { _, p, n, kw in
        let a = Args(p, n, kw)
        for i in 0..<a.kwCount {
            let k = strSwift(tupleItem(a.kw, i))
            if k != "start" && !(k == "iterable" && n == 0) {
                return raise(typeErrorType, "'\(k)' is an invalid keyword argument for enumerate()").raw
            }
        }
        let iterable = n >= 1 ? a[0] : a.keyword("iterable")
        if iterable.isNull { return raise(typeErrorType, "enumerate() missing required argument 'iterable'").raw }
        if n > 2 || (n == 2 && !a.keyword("start").isNull) {
            return raise(typeErrorType, "enumerate() takes at most 2 arguments (\(n + a.kwCount) given)").raw
        }
        var start = 0
        let s = n > 1 ? a[1] : a.keyword("start")
        if !s.isNull { guard let v = indexValueOrRaise(s) else { return 0 }; start = v }
        let it = getIter(iterable)
        if it.isNull { return 0 }
        defer { decref(it) }
        return newIter(enumerateType, seq: it, index: start).raw
    }

    addBuiltin("iter") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("iter") else { return 0 }
        if n < 1 { return raise(typeErrorType, "iter expected at least 1 argument, got \(n)").raw }
        if n > 2 { return raise(typeErrorType, "iter expected at most 2 arguments, got \(n)").raw }
        if n == 2 {
            if a[0].type.pointee.call == nil { return raise(typeErrorType, "iter(v, w): v must be callable").raw }
            return newIter(callableIterType, seq: a[0], extra: a[1]).raw
        }
        let v = a[0]
        let r = getIter(v)
        if !r.isNull && r.type.pointee.iternext == nil {
            raise(typeErrorType, "iter() returned non-iterator of type '\(typeName(r))'")
            decref(r)
            return 0
        }
        return r.raw
    }
    addBuiltin("next") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("next") else { return 0 }
        if n < 1 { return raise(typeErrorType, "next expected at least 1 argument, got \(n)").raw }
        if n > 2 { return raise(typeErrorType, "next expected at most 2 arguments, got \(n)").raw }
        let it = a[0]
        guard let f = it.type.pointee.iternext else {
            return raise(typeErrorType, "'\(typeName(it))' object is not an iterator").raw
        }
        let r = PyValue(raw: f(it.raw))
        if r.isNull {
            if n == 2 {
                if curExc.isNull || isInstance(curExc, stopIterationType) {
                    if !curExc.isNull { decref(fetchException()) }
                    return newRef(a[1]).raw
                }
                return 0
            }
            if curExc.isNull { setExceptionNoContext(newException(stopIterationType, args: allocTuple(0))) }
            return 0
        }
        return r.raw
    }
    for t in [listIterType!, tupleIterType!, strIterType!, strIterNonASCIIType!, dictKeyIterType!, dictValueIterType!, dictItemIterType!,
              rangeIterType!, seqIterType!, enumerateType!, zipType!, mapType!, filterType!, reversedType!,
              setIterType!, listRevIterType!, dictRevKeyIterType!, dictRevValueIterType!, dictRevItemIterType!,
              callableIterType!, generatorType!] {
        addIteratorDunders(t)
    }
}

/// CPython: _PyObject_FunctionStr — "module.qualname()" for the call errors of `f(*x)` / `f(**x)`.
func functionStr(_ f: PyValue) -> String {
    let q = getAttr(f, internStr("__qualname__"))
    if q.isNull {
        decref(fetchException())
        let s = objectStr(f)
        if s.isNull { decref(fetchException()); return typeName(f) + " object" }
        defer { decref(s) }
        return strSwift(s)
    }
    defer { decref(q) }
    let qs = q.type == strType ? strSwift(q) : typeName(f)
    let m = lookupAttrOptional(f, internStr("__module__"))
    if m.isNull {
        if !curExc.isNull { decref(fetchException()) }
        return qs + "()"
    }
    defer { decref(m) }
    if m.type == strType && strSwift(m) != "builtins" { return strSwift(m) + "." + qs + "()" }
    return qs + "()"
}

/// hasattr without an exception left behind (other errors are cleared too, as DICT_MERGE's check needs).
func hasAttrQuiet(_ v: PyValue, _ name: String) -> Bool {
    let r = getAttr(v, internStr(name))
    if r.isNull { decref(fetchException()); return false }
    decref(r)
    return true
}

/// sort()/sorted()'s `reverse`, an int as Argument Clinic's `bool(accept={int})` (CPython: _PyLong_AsInt).
func sortReverseFlag(_ a: Args) -> Bool? {
    let v = a.keyword("reverse")
    if v.isNull { return false }
    if let i = smallOperand(v) {
        if i > Int(Int32.max) || i < Int(Int32.min) { raise(overflowErrorType, "Python int too large to convert to C int"); return nil }
        return i != 0
    }
    if v.type == boolType { return v == pyTrue }
    if isInstance(v, intType) { raise(overflowErrorType, "Python int too large to convert to C int"); return nil }
    if v.type.pointee.index != nil, let i = indexValue(v) { return i != 0 }
    if curExc.isNull { raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer") }
    return nil
}

/// CPython tries both operands' nb_multiply before sq_repeat, so a count operand whose class has its own __rmul__
/// goes first even when it also has __index__ (`"ab" * obj` calls `obj.__rmul__`). Nil: repeat as usual.
func sequenceRepeatDeferred(_ seq: PyValue, _ count: PyValue) -> PyValue? {
    if count.isSmallInt { return nil }
    let t = count.type
    guard t.pointee.isHeapType, t.pointee.index != nil, let f = t.pointee.nb[5], hasHeapDunder(t, "__rmul__") else { return nil }
    let r = PyValue(raw: f(seq.raw, count.raw))
    if r == pyNotImplemented { decref(r); return nil }
    return r
}

/// The count of `seq * count` when it is not a small int (CPython: sequence_repeat): an index-able value, an
/// OverflowError for ints beyond a word; nil without an exception when the other operand may handle it
/// (it has a multiplication slot), else the TypeError "can't multiply sequence by non-int".
func sequenceRepeatCount(_ y: PyValue) -> Int? {
    if isInstance(y, intType) {
        if let b = bigOperand(y), let i = Int(exactly: b) { return i }
        raise(overflowErrorType, "cannot fit 'int' into an index-sized integer")
        return nil
    }
    if y.type.pointee.index != nil {
        if let i = indexValue(y) { return i }
        if isInstance(curExc, indexErrorType) {
            decref(fetchException())
            raise(overflowErrorType, "cannot fit '\(typeName(y))' into an index-sized integer")
        }
        return nil
    }
    if y.type.pointee.nb[5] != nil { return nil }
    raise(typeErrorType, "can't multiply sequence by non-int of type '\(typeName(y))'")
    return nil
}
