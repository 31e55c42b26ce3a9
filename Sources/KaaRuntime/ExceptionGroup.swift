/// BaseExceptionGroup / ExceptionGroup (CPython: Objects/exceptions.c BaseExceptionGroup_*, 3.11): the
/// constructor's rules, message/exceptions, str, split/subgroup/derive with metadata copied to the parts, and the
/// except* machinery used by CHECK_EG_MATCH and PREP_RERAISE_STAR (exception_group_match, _PyExc_PrepReraiseStar).

func isExceptionGroup(_ v: PyValue) -> Bool { !v.isSmallInt && !v.isNull && isInstance(v, baseExceptionGroupType) }

func egExceptions(_ eg: PyValue) -> PyValue { excGet(eg, "exceptions") }

/// BaseExceptionGroup.__new__(cls, message, exceptions).
func exceptionGroupNew(_ t: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    var cls = asType(PyValue(raw: t))
    if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 {
        return raise(typeErrorType, "\(cls.pointee.name)() takes no keyword arguments").raw
    }
    if n != 2 { return raise(typeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (\(n) given)").raw }
    let msg = PyValue(raw: p.unsafelyUnwrapped[0]), excs = PyValue(raw: p.unsafelyUnwrapped[1])
    if !isInstance(msg, strType) { return raise(typeErrorType, "BaseExceptionGroup.__new__() argument 1 must be str, not \(typeName(msg))").raw }
    if excs.type.pointee.getitem == nil || isInstance(excs, dictType) || excs.type == setType {
        return raise(typeErrorType, "second argument (exceptions) must be a sequence").raw
    }
    guard let items = collectIterable(excs) else { return 0 }
    defer { for x in items { decref(x) } }
    if items.isEmpty { return raise(valueErrorType, "second argument (exceptions) must be a non-empty sequence").raw }
    var nestBase = false
    for (i, e) in items.enumerated() {
        if !isInstance(e, baseExceptionType) {
            return raise(valueErrorType, "Item \(i) of second argument (exceptions) is not an exception").raw
        }
        if !isInstance(e, exceptionType) { nestBase = true }
    }
    if cls == baseExceptionGroupType {
        if !nestBase { cls = exceptionGroupType }
    } else if cls == exceptionGroupType {
        if nestBase { return raise(typeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup").raw }
    } else if nestBase && isSubtype(cls, exceptionType) {
        return raise(typeErrorType, "Cannot nest BaseExceptions in '\(cls.pointee.name)'").raw
    }
    let e = newException(cls, args: newTupleFrom(p, n))
    excSet(e, "message", msg)
    let tup = newTuple(items.map { newRef($0) })
    excSet(e, "exceptions", tup)
    decref(tup)
    return e.raw
}

func makeExceptionGroup(_ message: String, _ excs: [PyValue]) -> PyValue {
    let l = newTuple(excs.map { newRef($0) })
    defer { decref(l) }
    let m = newStr(message)
    defer { decref(m) }
    return PyValue(raw: exceptionGroupNew(baseExceptionGroupType.asValue.raw, [m.raw, l.raw], 2, 0))
}

/// A condition of split/subgroup: a type or tuple of types, a predicate, or a set of leaf identities.
enum EGMatcher {
    case types(PyValue)
    case predicate(PyValue)
    case instances(Set<UInt>)

    func matches(_ e: PyValue) -> Int {
        switch self {
        case .types(let t): return exceptionMatchesClass(e, t) ? 1 : 0
        case .predicate(let f):
            let r = callObject(f, [e])
            if r.isNull { return -1 }
            defer { decref(r) }
            return isTrue(r)
        case .instances(let ids): return ids.contains(e.raw) ? 1 : 0
        }
    }
}

func egMatcher(_ cond: PyValue) -> EGMatcher? {
    if isExceptionClass(cond) { return .types(cond) }
    if cond.type == tupleType {
        var ok = true
        for i in 0..<tupleCount(cond) where !isExceptionClass(tupleItem(cond, i)) { ok = false }
        if ok { return .types(cond) }
    }
    if cond.type.pointee.call != nil && !isType(cond) { return .predicate(cond) }
    raise(typeErrorType, "expected a function, exception type or tuple of exception types")
    return nil
}

/// eg.derive(excs) then the metadata of eg copied (CPython: exceptiongroup_subset).
func egSubset(_ eg: PyValue, _ excs: [PyValue]) -> PyValue {
    if excs.isEmpty { return newRef(pyNone) }
    let l = newList(excs.map { newRef($0) })
    defer { decref(l) }
    let r = callMethod(eg, "derive", [l])
    if r.isNull { return .null }
    if !isExceptionGroup(r) {
        decref(r)
        return raise(typeErrorType, "derive must return an instance of BaseExceptionGroup")
    }
    let src = eg.payload(ExceptionObject.self), dst = r.payload(ExceptionObject.self)
    xdecref(dst.pointee.cause); dst.pointee.cause = src.pointee.cause; xincref(src.pointee.cause)
    xdecref(dst.pointee.context); dst.pointee.context = src.pointee.context; xincref(src.pointee.context)
    dst.pointee.suppressContext = src.pointee.suppressContext
    xdecref(dst.pointee.traceback); dst.pointee.traceback = src.pointee.traceback; xincref(src.pointee.traceback)
    let notes = excGet(eg, "__notes__")
    if notes != pyNone {
        let copy = isInstance(notes, listType) ? newList(collectIterable(notes) ?? []) : newRef(notes)
        excSet(r, "__notes__", copy)
        decref(copy)
    }
    return r
}

/// CPython: exceptiongroup_split_recursive. Returns (match, rest) as owned values (None when empty), nil on error.
func egSplit(_ exc: PyValue, _ m: EGMatcher, constructRest: Bool) -> (PyValue, PyValue)? {
    let r = m.matches(exc)
    if r < 0 { return nil }
    if r == 1 { return (newRef(exc), newRef(pyNone)) }
    if !isExceptionGroup(exc) { return (newRef(pyNone), constructRest ? newRef(exc) : newRef(pyNone)) }
    var matches: [PyValue] = [], rests: [PyValue] = []
    defer { for x in matches + rests { decref(x) } }
    let excs = egExceptions(exc)
    for i in 0..<(excs.type == tupleType ? tupleCount(excs) : 0) {
        guard let (a, b) = egSplit(tupleItem(excs, i), m, constructRest: constructRest) else { return nil }
        if a != pyNone { matches.append(a) } else { decref(a) }
        if b != pyNone { rests.append(b) } else { decref(b) }
    }
    let mg = egSubset(exc, matches)
    if mg.isNull { return nil }
    var rg = newRef(pyNone)
    if constructRest {
        decref(rg)
        rg = egSubset(exc, rests)
        if rg.isNull { decref(mg); return nil }
    }
    return (mg, rg)
}

func egLeaves(_ e: PyValue, _ out: inout Set<UInt>) {
    if !isExceptionGroup(e) { out.insert(e.raw); return }
    let excs = egExceptions(e)
    for i in 0..<(excs.type == tupleType ? tupleCount(excs) : 0) { egLeaves(tupleItem(excs, i), &out) }
}

func installExceptionGroups() {
    let t = baseExceptionGroupType!
    t.pointee.new = exceptionGroupNew
    t.pointee.initFn = { _, _, _, _ in 0 }
    exceptionGroupType.pointee.new = exceptionGroupNew
    exceptionGroupType.pointee.initFn = { _, _, _, _ in 0 }
    t.pointee.str = { w in
        let e = PyValue(raw: w)
        let msg = excGet(e, "message")
        let n = tupleCount(egExceptions(e))
        return newStr("\(isInstance(msg, strType) ? strSwift(msg) : "") (\(n) sub-exception\(n == 1 ? "" : "s"))").raw
    }
    exceptionGroupType.pointee.str = t.pointee.str
    addMethod(t, "__str__") { s, _, _, _ in baseExceptionGroupType.pointee.str!(s) }
    addGetSet(t, "message", { w in newRef(excGet(PyValue(raw: w), "message")).raw })
    addGetSet(t, "exceptions", { w in newRef(egExceptions(PyValue(raw: w))).raw })
    addMethod(t, "derive") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "derive() takes exactly one argument (\(n) given)").raw }
        let m = excGet(PyValue(raw: s), "message")
        return makeExceptionGroupFrom(m, PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    addMethod(t, "split") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "split() takes exactly one argument (\(n) given)").raw }
        guard let m = egMatcher(PyValue(raw: p.unsafelyUnwrapped[0])),
              let (a, b) = egSplit(PyValue(raw: s), m, constructRest: true) else { return 0 }
        return newTuple([a, b]).raw
    }
    addMethod(t, "subgroup") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "subgroup() takes exactly one argument (\(n) given)").raw }
        guard let m = egMatcher(PyValue(raw: p.unsafelyUnwrapped[0])),
              let (a, b) = egSplit(PyValue(raw: s), m, constructRest: false) else { return 0 }
        decref(b)
        return a.raw
    }
    addClassGetItem(t)
}

func makeExceptionGroupFrom(_ msg: PyValue, _ excs: PyValue) -> PyValue {
    PyValue(raw: exceptionGroupNew(baseExceptionGroupType.asValue.raw, [msg.raw, excs.raw], 2, 0))
}

// MARK: except* (CPython 3.11 ceval: CHECK_EG_MATCH, PREP_RERAISE_STAR)

/// CPython: check_except_star_type_valid.
func checkExceptStarType(_ t: PyValue) -> Bool {
    if !checkExceptionClass(t) { return false }
    func isGroupClass(_ c: PyValue) -> Bool { isType(c) && isSubtype(asType(c), baseExceptionGroupType) }
    var bad = isGroupClass(t)
    if t.type == tupleType { for i in 0..<tupleCount(t) where isGroupClass(tupleItem(t, i)) { bad = true } }
    if bad {
        raise(typeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.")
        return false
    }
    return true
}

/// CPython: exception_group_match. (match, rest), owned; nil on error.
func exceptionGroupMatch(_ exc: PyValue, _ type: PyValue) -> (PyValue, PyValue)? {
    if exc == pyNone { return (newRef(pyNone), newRef(pyNone)) }
    if exceptionMatchesClass(exc, type) {
        if isExceptionGroup(exc) { return (newRef(exc), newRef(pyNone)) }
        let excs = newTuple([newRef(exc)])
        let m = newStr("")
        let w = PyValue(raw: exceptionGroupNew(baseExceptionGroupType.asValue.raw, [m.raw, excs.raw], 2, 0))
        decref(m); decref(excs)
        if w.isNull { return nil }
        let src = exc.payload(ExceptionObject.self), dst = w.payload(ExceptionObject.self)
        xdecref(dst.pointee.traceback); dst.pointee.traceback = src.pointee.traceback; xincref(src.pointee.traceback)
        return (w, newRef(pyNone))
    }
    if isExceptionGroup(exc) {
        guard let (a, b) = egSplit(exc, .types(type), constructRest: true) else { return nil }
        return (a, b)
    }
    return (newRef(pyNone), newRef(pyNone))
}

func sameExceptionMetadata(_ a: PyValue, _ b: PyValue) -> Bool {
    let x = a.payload(ExceptionObject.self).pointee, y = b.payload(ExceptionObject.self).pointee
    return excGet(a, "__notes__") == excGet(b, "__notes__") && x.cause == y.cause && x.context == y.context
        && x.traceback == y.traceback
}

/// CPython: _PyExc_PrepReraiseStar. Owned result (None when nothing is left), NULL on error.
func prepReraiseStar(_ orig: PyValue, _ excs: PyValue) -> PyValue {
    let n = listCount(excs)
    if n == 0 { return newRef(pyNone) }
    if !isExceptionGroup(orig) { return newRef(listItems(excs)[0]) }
    var raised: [PyValue] = [], reraised: [PyValue] = []
    for i in 0..<n {
        let e = listItems(excs)[i]
        if e == pyNone { continue }
        if sameExceptionMetadata(e, orig) { reraised.append(e) } else { raised.append(e) }
    }
    var ids = Set<UInt>()
    for e in reraised { egLeaves(e, &ids) }
    var reraisedEG = newRef(pyNone)
    if !ids.isEmpty {
        decref(reraisedEG)
        guard let (a, b) = egSplit(orig, .instances(ids), constructRest: false) else { return .null }
        decref(b)
        reraisedEG = a
    }
    if raised.isEmpty { return reraisedEG }
    var keep = raised
    if reraisedEG != pyNone { keep.append(reraisedEG) }
    defer { decref(reraisedEG) }
    if keep.count > 1 { return makeExceptionGroup("", keep) }
    return newRef(keep[0])
}
