import KaaRuntime

// The `gc` module: CPython's Modules/gcmodule.c interface over the runtime's collector (KaaRuntime/GC.swift).

func gcIntArg(_ p: UnsafePointer<UInt>?, _ i: Int) -> Int? {
    let v = PyValue(raw: p.unsafelyUnwrapped[i])
    guard let n = smallOperand(v) else {
        raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
        return nil
    }
    return n
}

func makeGCModule() -> PyValue {
    let m = newModule("gc")
    moduleAdd(m, "collect", newBuiltin("collect", { _, p, n, kw in
        var gen = 2
        if n > 1 { return raise(typeErrorType, "collect() takes at most 1 argument (\(n) given)").raw }
        if n == 1 { guard let g = gcIntArg(p, 0) else { return 0 }; gen = g }
        if gen < 0 || gen > 2 { return raise(valueErrorType, "invalid generation").raw }
        return makeInt(gcCollect(generation: gen)).raw
    }))
    moduleAdd(m, "enable", newBuiltin("enable", { _, _, _, _ in gcEnabled = true; return newRef(pyNone).raw }))
    moduleAdd(m, "disable", newBuiltin("disable", { _, _, _, _ in gcEnabled = false; return newRef(pyNone).raw }))
    moduleAdd(m, "isenabled", newBuiltin("isenabled", { _, _, _, _ in newRef(makeBool(gcEnabled)).raw }))
    moduleAdd(m, "get_threshold", newBuiltin("get_threshold", { _, _, _, _ in
        newTuple([makeInt(gcThresholds.0), makeInt(gcThresholds.1), makeInt(gcThresholds.2)]).raw
    }))
    moduleAdd(m, "set_threshold", newBuiltin("set_threshold", { _, p, n, _ in
        if n < 1 || n > 3 { return raise(typeErrorType, "set_threshold() takes at least 1 argument (\(n) given)").raw }
        var vals = [gcThresholds.0, gcThresholds.1, gcThresholds.2]
        for i in 0..<n { guard let v = gcIntArg(p, i) else { return 0 }; vals[i] = v }
        gcThresholds = (vals[0], vals[1], vals[2])
        return newRef(pyNone).raw
    }))
    moduleAdd(m, "get_count", newBuiltin("get_count", { _, _, _, _ in
        newTuple([makeInt(gcCounts.0), makeInt(gcCounts.1), makeInt(gcCounts.2)]).raw
    }))
    moduleAdd(m, "is_tracked", newBuiltin("is_tracked", { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "is_tracked() takes exactly one argument (\(n) given)").raw }
        return newRef(makeBool(gcIsTracked(PyValue(raw: p.unsafelyUnwrapped[0])))).raw
    }))
    moduleAdd(m, "is_finalized", newBuiltin("is_finalized", { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "is_finalized() takes exactly one argument (\(n) given)").raw }
        return newRef(makeBool(isFinalized(PyValue(raw: p.unsafelyUnwrapped[0])))).raw
    }))
    moduleAdd(m, "get_debug", newBuiltin("get_debug", { _, _, _, _ in makeInt(gcDebugFlags).raw }))
    moduleAdd(m, "set_debug", newBuiltin("set_debug", { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "set_debug() takes exactly one argument (\(n) given)").raw }
        guard let v = gcIntArg(p, 0) else { return 0 }
        gcDebugFlags = v
        return newRef(pyNone).raw
    }))
    moduleAdd(m, "garbage", newList([]))
    moduleAdd(m, "callbacks", newList([]))
    for (name, value) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4),
                          ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        moduleAdd(m, name, makeInt(value))
    }
    return m
}
