/// `__new__`/`__init__` of list, dict and set split as in CPython: tp_new builds an empty container and ignores its
/// arguments (CPython: PyType_GenericNew for list, dict_new, set_new), tp_init checks and consumes them (list___init__,
/// dict_init, set_init). So a subclass's own `__init__` signature never reaches the base constructor, and calling
/// `__init__` again re-initialises (list and set are cleared first; dict is updated).

/// The built-in `clear` of `t` applied to `v` (never a subclass override, as CPython's init calls the C function).
private func builtinClear(_ t: TypePtr, _ v: PyValue) -> Bool {
    let f = dictGetItemStr(t.pointee.dict, internStr("clear"))
    if f.isNull { return true }
    let r = callObject(f, [v])
    if r.isNull { return false }
    decref(r)
    return true
}

private func initArgCount(_ name: String, _ n: Int, _ kw: Word, keywords: Bool) -> Bool {
    let nkw = kw == 0 ? 0 : tupleCount(PyValue(raw: kw))
    if !keywords && nkw > 0 { raise(typeErrorType, "\(name)() takes no keyword arguments"); return false }
    let positional = n
    if positional > 1 { raise(typeErrorType, "\(name) expected at most 1 argument, got \(positional)"); return false }
    return true
}

func installContainerInits() {
    listType.pointee.new = { _, _, _, _ in newList().raw }
    listType.pointee.initFn = { s, args, n, kw in
        guard initArgCount("list", n, kw, keywords: false) else { return -1 }
        let v = PyValue(raw: s)
        if listCount(v) > 0 && !builtinClear(listType, v) { return -1 }
        if n >= 1 && !listExtend(v, PyValue(raw: args.unsafelyUnwrapped[0])) { return -1 }
        return 0
    }
    dictType.pointee.new = { _, _, _, _ in newDict().raw }
    dictType.pointee.initFn = { s, args, n, kw in
        guard initArgCount("dict", n, kw, keywords: true) else { return -1 }
        let v = PyValue(raw: s)
        if n >= 1 && !dictUpdate(v, PyValue(raw: args.unsafelyUnwrapped[0])) { return -1 }
        if kw != 0 {
            let names = PyValue(raw: kw)
            for i in 0..<tupleCount(names) {
                if dictSetItem(v, tupleItem(names, i), PyValue(raw: args.unsafelyUnwrapped[n + i])) < 0 { return -1 }
            }
        }
        return 0
    }
    setType.pointee.new = { _, _, _, _ in newSet().raw }
    setType.pointee.initFn = { s, args, n, kw in
        guard initArgCount("set", n, kw, keywords: false) else { return -1 }
        let v = PyValue(raw: s)
        if !builtinClear(setType, v) { return -1 }
        if n >= 1 && !setUpdate(v, PyValue(raw: args.unsafelyUnwrapped[0])) { return -1 }
        return 0
    }
}
