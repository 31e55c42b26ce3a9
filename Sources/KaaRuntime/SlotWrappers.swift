/// The dunder methods of built-in types made from their slots, so `(5).__add__(3)`, `(1.5).__lt__(2)` and
/// `'a'.__len__()` exist as in CPython (Objects/typeobject.c: slotdefs and add_operators). Only names the type's
/// dict does not already define are added.

private let nbNames = ["__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__",
                       "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__"]
private let nbReflected = ["__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__",
                           "__rmod__", "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__"]

/// One BuiltinFn per (slot, reflected) pair: C-convention closures cannot capture, so the slot index is spelled out.
private func nbCall(_ op: Int, _ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ r: Bool) -> Word {
        if n != 1 {
            if op == 8 && n == 2 && !r {
                // __pow__(exp, mod): the three-argument form goes through the pow builtin.
                return callBuiltinPow3(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: p.unsafelyUnwrapped[1])).raw
            }
            return raise(typeErrorType, "expected 1 argument, got \(n)").raw
        }
        let me = PyValue(raw: s), other = PyValue(raw: p.unsafelyUnwrapped[0])
        guard let f = me.type.pointee.nb[op] else { return newRef(pyNotImplemented).raw }
        return r ? f(other.raw, me.raw) : f(me.raw, other.raw)
}

private func nbWrapper(_ op: Int, reflected: Bool) -> BuiltinFn {
    let table: [BuiltinFn] = [
        { s, p, n, _ in nbCall(0, s, p, n, false) }, { s, p, n, _ in nbCall(1, s, p, n, false) },
        { s, p, n, _ in nbCall(2, s, p, n, false) }, { s, p, n, _ in nbCall(3, s, p, n, false) },
        { s, p, n, _ in nbCall(4, s, p, n, false) }, { s, p, n, _ in nbCall(5, s, p, n, false) },
        { s, p, n, _ in nbCall(6, s, p, n, false) }, { s, p, n, _ in nbCall(7, s, p, n, false) },
        { s, p, n, _ in nbCall(8, s, p, n, false) }, { s, p, n, _ in nbCall(9, s, p, n, false) },
        { s, p, n, _ in nbCall(10, s, p, n, false) }, { s, p, n, _ in nbCall(11, s, p, n, false) },
        { s, p, n, _ in nbCall(12, s, p, n, false) },
        { s, p, n, _ in nbCall(0, s, p, n, true) }, { s, p, n, _ in nbCall(1, s, p, n, true) },
        { s, p, n, _ in nbCall(2, s, p, n, true) }, { s, p, n, _ in nbCall(3, s, p, n, true) },
        { s, p, n, _ in nbCall(4, s, p, n, true) }, { s, p, n, _ in nbCall(5, s, p, n, true) },
        { s, p, n, _ in nbCall(6, s, p, n, true) }, { s, p, n, _ in nbCall(7, s, p, n, true) },
        { s, p, n, _ in nbCall(8, s, p, n, true) }, { s, p, n, _ in nbCall(9, s, p, n, true) },
        { s, p, n, _ in nbCall(10, s, p, n, true) }, { s, p, n, _ in nbCall(11, s, p, n, true) },
        { s, p, n, _ in nbCall(12, s, p, n, true) },
    ]
    return table[op + (reflected ? 13 : 0)]
}

private func cmpCall(_ op: Int, _ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int) -> Word {
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        let me = PyValue(raw: s)
        guard let f = me.type.pointee.richcompare else { return newRef(pyNotImplemented).raw }
        return f(s, p.unsafelyUnwrapped[0], op)
}

private func cmpWrapper(_ op: Int) -> BuiltinFn {
    let table: [BuiltinFn] = [
        { s, p, n, _ in cmpCall(0, s, p, n) }, { s, p, n, _ in cmpCall(1, s, p, n) }, { s, p, n, _ in cmpCall(2, s, p, n) },
        { s, p, n, _ in cmpCall(3, s, p, n) }, { s, p, n, _ in cmpCall(4, s, p, n) }, { s, p, n, _ in cmpCall(5, s, p, n) },
    ]
    return table[op]
}

/// pow(a, b, m) for `a.__pow__(b, m)`.
func callBuiltinPow3(_ a: PyValue, _ b: PyValue, _ m: PyValue) -> PyValue {
    let f = dictGetItemStr(builtinsDict, internStr("pow"))
    if f.isNull { return raise(typeErrorType, "pow unavailable") }
    return callObject(f, [a, b, m])
}

func addSlotWrappers(_ t: TypePtr) {
    let d = t.pointee.dict
    func add(_ name: String, _ fn: BuiltinFn) {
        if dictGetItemStr(d, internStr(name)).isNull { addMethod(t, name, fn) }
    }
    for op in 0..<13 where t.pointee.nb[op] != nil {
        add(nbNames[op], nbWrapper(op, reflected: false))
        add(nbReflected[op], nbWrapper(op, reflected: true))
    }
    if t.pointee.richcompare != nil {
        for (i, name) in ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].enumerated() {
            add(name, cmpWrapper(i))
        }
    }
    if t.pointee.neg != nil { add("__neg__") { s, _, _, _ in PyValue(raw: s).type.pointee.neg.unsafelyUnwrapped(s) } }
    if t.pointee.pos != nil { add("__pos__") { s, _, _, _ in PyValue(raw: s).type.pointee.pos.unsafelyUnwrapped(s) } }
    if t.pointee.abs != nil { add("__abs__") { s, _, _, _ in PyValue(raw: s).type.pointee.abs.unsafelyUnwrapped(s) } }
    if t.pointee.invert != nil {
        add("__invert__") { s, _, _, _ in PyValue(raw: s).type.pointee.invert.unsafelyUnwrapped(s) }
    }
    if t.pointee.bool != nil {
        add("__bool__") { s, _, _, _ in
            let r = PyValue(raw: s).type.pointee.bool.unsafelyUnwrapped(s)
            return r < 0 ? 0 : newRef(makeBool(r == 1)).raw
        }
    }
    if t.pointee.toInt != nil { add("__int__") { s, _, _, _ in PyValue(raw: s).type.pointee.toInt.unsafelyUnwrapped(s) } }
    if t.pointee.toFloat != nil {
        add("__float__") { s, _, _, _ in PyValue(raw: s).type.pointee.toFloat.unsafelyUnwrapped(s) }
    }
    if t.pointee.index != nil { add("__index__") { s, _, _, _ in PyValue(raw: s).type.pointee.index.unsafelyUnwrapped(s) } }
    if t.pointee.hash != nil {
        add("__hash__") { s, _, _, _ in
            let h = objectHash(PyValue(raw: s))
            return h == -1 && !curExc.isNull ? 0 : makeInt(h).raw
        }
    }
    if t.pointee.repr != nil { add("__repr__") { s, _, _, _ in objectRepr(PyValue(raw: s)).raw } }
    if t.pointee.str != nil { add("__str__") { s, _, _, _ in objectStr(PyValue(raw: s)).raw } }
    if t.pointee.len != nil {
        add("__len__") { s, _, _, _ in
            let n = PyValue(raw: s).type.pointee.len.unsafelyUnwrapped(s)
            return n < 0 ? 0 : makeInt(n).raw
        }
    }
    if t.pointee.getitem != nil {
        add("__getitem__") { s, p, n, _ in
            if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
            return PyValue(raw: s).type.pointee.getitem.unsafelyUnwrapped(s, p.unsafelyUnwrapped[0])
        }
    }
    if t.pointee.setitem != nil {
        add("__setitem__") { s, p, n, _ in
            if n != 2 { return raise(typeErrorType, "expected 2 arguments, got \(n)").raw }
            let r = PyValue(raw: s).type.pointee.setitem.unsafelyUnwrapped(s, p.unsafelyUnwrapped[0], p.unsafelyUnwrapped[1])
            return r < 0 ? 0 : newRef(pyNone).raw
        }
        add("__delitem__") { s, p, n, _ in
            if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
            let r = PyValue(raw: s).type.pointee.setitem.unsafelyUnwrapped(s, p.unsafelyUnwrapped[0], 0)
            return r < 0 ? 0 : newRef(pyNone).raw
        }
    }
    if t.pointee.contains != nil {
        add("__contains__") { s, p, n, _ in
            if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
            let r = PyValue(raw: s).type.pointee.contains.unsafelyUnwrapped(s, p.unsafelyUnwrapped[0])
            return r < 0 ? 0 : newRef(makeBool(r == 1)).raw
        }
    }
    if t.pointee.iter != nil { add("__iter__") { s, _, _, _ in PyValue(raw: s).type.pointee.iter.unsafelyUnwrapped(s) } }
}
