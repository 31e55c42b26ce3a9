/// The `match` statement's runtime helpers (CPython 3.11: Python/ceval.c match_keys, match_class,
/// match_class_attr).

/// MATCH_KEYS: a tuple of the subject's values for `keys`, None when one is missing, NULL with an exception.
/// Non-dict mappings are read through their `get(key, dummy)` as CPython does (no `__missing__`).
func matchKeys(_ subject: PyValue, _ keys: PyValue) -> PyValue {
    let n = tupleCount(keys)
    if n == 0 { return allocTuple(0) }
    let exact = subject.type == dictType
    var get = PyValue.null
    if !exact {
        get = getAttr(subject, internStr("get"))
        if get.isNull { return .null }
    }
    defer { xdecref(get) }
    let dummy = newException(exceptionType, args: allocTuple(0))
    defer { decref(dummy) }
    var seen: [PyValue] = []
    var values: [PyValue] = []
    func fail() -> PyValue { for x in values { decref(x) }; return .null }
    for i in 0..<n {
        let k = tupleItem(keys, i)
        for s in seen {
            let eq = richCompareBool(s, k, 2)
            if eq < 0 { return fail() }
            if eq == 1 {
                let r = objectRepr(k)
                if r.isNull { return fail() }
                raise(valueErrorType, "mapping pattern checks duplicate key (\(strSwift(r)))")
                decref(r)
                return fail()
            }
        }
        if objectHash(k) == -1 && !curExc.isNull { return fail() }
        seen.append(k)
        var v: PyValue
        if exact {
            v = dictGetItem(subject, k)
            if v.isNull {
                if !curExc.isNull { return fail() }
                v = newRef(dummy)
            } else { incref(v) }
        } else {
            v = callObject(get, [k, dummy])
            if v.isNull { return fail() }
        }
        if v == dummy {
            decref(v)
            _ = fail()
            return newRef(pyNone)
        }
        values.append(v)
    }
    return newTuple(values)
}

/// The built-in types whose class pattern `C(x)` matches the subject itself (CPython: _Py_TPFLAGS_MATCH_SELF).
func isMatchSelf(_ t: TypePtr) -> Bool {
    for b in [boolType!, bytesType!, dictType!, floatType!, frozenSetType!, intType!, listType!, setType!, strType!,
              tupleType!] where t == b || (t.pointee.isHeapType && isSubtype(t, b)) {
        return true
    }
    return false
}

/// CPython: match_class_attr.
func matchClassAttr(_ subject: PyValue, _ t: TypePtr, _ name: PyValue, _ seen: inout [PyValue]) -> PyValue {
    for s in seen where strEquals(s, name) {
        raise(typeErrorType, "\(t.pointee.name)() got multiple sub-patterns for attribute '\(strSwift(name))'")
        return .null
    }
    seen.append(name)
    let v = getAttr(subject, name)
    if v.isNull && isInstance(curExc, attributeErrorType) { decref(fetchException()) }
    return v
}

/// MATCH_CLASS: the positional then keyword attributes of `subject` as a tuple, or NULL — without an exception
/// when it does not match (CPython: match_class).
func matchClass(_ subject: PyValue, _ cls: PyValue, _ nargs: Int, _ kwnames: PyValue) -> PyValue {
    if !isType(cls) { return raise(typeErrorType, "called match pattern must be a type") }
    let t = asType(cls)
    let r = isInstanceOf(subject, cls, "isinstance")
    if r <= 0 { return .null }
    var out: [PyValue] = []
    var seen: [PyValue] = []
    func fail() -> PyValue { for x in out { decref(x) }; return .null }
    if nargs > 0 {
        var matchSelf = false
        var matchArgs = getAttr(cls, internStr("__match_args__"))
        if !matchArgs.isNull {
            if matchArgs.type != tupleType {
                raise(typeErrorType, "\(t.pointee.name).__match_args__ must be a tuple (got \(typeName(matchArgs)))")
                decref(matchArgs)
                return .null
            }
        } else if isInstance(curExc, attributeErrorType) {
            decref(fetchException())
            matchArgs = allocTuple(0)
            matchSelf = isMatchSelf(t)
        } else {
            return .null
        }
        defer { decref(matchArgs) }
        let allowed = matchSelf ? 1 : tupleCount(matchArgs)
        if allowed < nargs {
            return raise(typeErrorType, "\(t.pointee.name)() accepts \(allowed) positional sub-pattern\(allowed == 1 ? "" : "s") (\(nargs) given)")
        }
        if matchSelf {
            out.append(newRef(subject))
        } else {
            for i in 0..<nargs {
                let name = tupleItem(matchArgs, i)
                if name.type != strType {
                    raise(typeErrorType, "__match_args__ elements must be strings (got \(typeName(name)))")
                    return fail()
                }
                let v = matchClassAttr(subject, t, name, &seen)
                if v.isNull { return fail() }
                out.append(v)
            }
        }
    }
    for i in 0..<tupleCount(kwnames) {
        let v = matchClassAttr(subject, t, tupleItem(kwnames, i), &seen)
        if v.isNull { return fail() }
        out.append(v)
    }
    return newTuple(out)
}
