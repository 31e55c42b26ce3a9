/// Methods and attributes that make `dir()` of the built-in types list what CPython 3.11's does: the special
/// methods CPython's slot tables add (list/dict/range `__reversed__`, set's in-place operators, tuple
/// `__getnewargs__`, bytes `__bytes__`, NoneType `__bool__`), the getset descriptors range/slice read through their
/// own getattro, and no reflected `__radd__` on the sequences (CPython's sq_concat makes none).

func installDirFixes() {
    for t in [strType!, listType!, tupleType!, bytesType!, byteArrayType!] {
        if !dictGetItemStr(t.pointee.dict, internStr("__radd__")).isNull { _ = dictDelItem(t.pointee.dict, internStr("__radd__")) }
    }
    if !dictGetItemStr(byteArrayType.pointee.dict, internStr("__getnewargs__")).isNull {
        _ = dictDelItem(byteArrayType.pointee.dict, internStr("__getnewargs__"))
    }
    addMethod(tupleType, "__getnewargs__") { s, _, _, _ in
        let v = PyValue(raw: s)
        return newTuple([newTuple((0..<tupleCount(v)).map { newRef(tupleItem(v, $0)) })]).raw
    }
    addMethod(bytesType, "__bytes__") { s, _, _, _ in
        let v = PyValue(raw: s)
        if v.type == bytesType { return newRef(v).raw }
        return newBytes(v.payload(BytesObject.self).pointee.bytes).raw
    }
    // The iterators reversed() makes for the exact types, built directly (a subclass's reversed() calls these).
    addMethod(listType, "__reversed__") { s, _, _, _ in
        let v = PyValue(raw: s)
        return newIter(listRevIterType, seq: v, index: listCount(v) - 1).raw
    }
    addMethod(dictType, "__reversed__") { s, _, _, _ in
        let d = PyValue(raw: s)
        return newIter(dictRevKeyIterType, seq: d, index: dictPtr(d).pointee.nentries - 1, end: dictCount(d)).raw
    }
    addMethod(rangeType, "__reversed__") { s, _, _, _ in reversedNew(PyValue(raw: s)).raw }
    // CPython: set_iand / set_isub / set_ixor — NotImplemented for a non-set, else update in place and return self.
    for (dunder, method) in [("__iand__", "intersection_update"), ("__isub__", "difference_update"),
                             ("__ixor__", "symmetric_difference_update")] {
        let impl = dictGetItemStr(setType.pointee.dict, internStr(method))
        if impl.isNull { continue }
        let fns: [String: BuiltinFn] = [
            "__iand__": { s, p, n, kw in setInPlace(s, p, n, "intersection_update") },
            "__isub__": { s, p, n, kw in setInPlace(s, p, n, "difference_update") },
            "__ixor__": { s, p, n, kw in setInPlace(s, p, n, "symmetric_difference_update") },
        ]
        if let f = fns[dunder] { addSlotWrapper(setType, dunder, f) }
    }
    for (t, names) in [(rangeType!, ["start", "stop", "step"]), (sliceType!, ["start", "stop", "step"])] {
        for name in names {
            let fns: [String: BuiltinFn] = [
                "start": { _, p, _, _ in attrThroughGetattro(p, "start") },
                "stop": { _, p, _, _ in attrThroughGetattro(p, "stop") },
                "step": { _, p, _, _ in attrThroughGetattro(p, "step") },
            ]
            if dictGetItemStr(t.pointee.dict, internStr(name)).isNull, let f = fns[name] { addGetter(t, name, f) }
        }
    }
    addSlotWrapper(noneType, "__bool__") { _, _, _, _ in newRef(pyFalse).raw }
}

private func setInPlace(_ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ method: String) -> Word {
    guard n == 1 else { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
    let other = PyValue(raw: p.unsafelyUnwrapped[0])
    if !isAnySet(other) { return newRef(pyNotImplemented).raw }
    let impl = dictGetItemStr(setType.pointee.dict, internStr(method))
    let r = callObject(impl, [PyValue(raw: s), other])
    if r.isNull { return 0 }
    decref(r)
    return newRef(PyValue(raw: s)).raw
}

/// The attribute as the type's own getattro answers it (range and slice compute start/stop/step there).
private func attrThroughGetattro(_ p: UnsafePointer<UInt>?, _ name: String) -> Word {
    let v = PyValue(raw: p.unsafelyUnwrapped[0])
    guard let ga = v.type.pointee.getattro else { return raise(attributeErrorType, name).raw }
    return ga(v.raw, internStr(name).raw)
}
