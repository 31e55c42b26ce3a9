import KaaRuntime

// The `_weakref` module: CPython's Modules/_weakref.c. The weak reference types and their clearing live in the
// runtime (Weakref.swift), as in CPython (Objects/weakrefobject.c).

func makeWeakrefModule() -> PyValue {
    let m = newModule("_weakref")
    moduleAdd(m, "ref", newRef(weakrefType.asValue))
    moduleAdd(m, "ReferenceType", newRef(weakrefType.asValue))
    moduleAdd(m, "ProxyType", newRef(proxyType.asValue))
    moduleAdd(m, "CallableProxyType", newRef(callableProxyType.asValue))
    moduleAdd(m, "getweakrefcount", newBuiltin("getweakrefcount", { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "getweakrefcount() takes exactly one argument (\(n) given)").raw }
        return makeInt(weakrefsOf(PyValue(raw: p.unsafelyUnwrapped[0])).count).raw
    }))
    moduleAdd(m, "getweakrefs", newBuiltin("getweakrefs", { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "getweakrefs() takes exactly one argument (\(n) given)").raw }
        return newList(weakrefsOf(PyValue(raw: p.unsafelyUnwrapped[0])).map { newRef($0) }).raw
    }))
    moduleAdd(m, "proxy", newBuiltin("proxy", { _, p, n, _ in
        if n < 1 || n > 2 { return raise(typeErrorType, "proxy expected at most 2 arguments, got \(n)").raw }
        let o = PyValue(raw: p.unsafelyUnwrapped[0])
        let cb = n > 1 ? PyValue(raw: p.unsafelyUnwrapped[1]) : PyValue.null
        let callable = o.type.pointee.call != nil
        return newWeakref(callable ? callableProxyType : proxyType, o, cb).raw
    }))
    moduleAdd(m, "_remove_dead_weakref", newBuiltin("_remove_dead_weakref", { _, p, n, _ in
        if n != 2 { return raise(typeErrorType, "_remove_dead_weakref expected 2 arguments, got \(n)").raw }
        let d = PyValue(raw: p.unsafelyUnwrapped[0]), k = PyValue(raw: p.unsafelyUnwrapped[1])
        let v = getItem(d, k)
        if v.isNull { decref(fetchException()); return newRef(pyNone).raw }
        defer { decref(v) }
        if isInstance(v, weakrefType) && weakrefIsDead(v) {
            if setItem(d, k, .null) < 0 { decref(fetchException()) }
        }
        return newRef(pyNone).raw
    }))
    return m
}
