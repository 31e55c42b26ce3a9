/// `types.GenericAlias` (CPython: Objects/genericaliasobject.c), what `list[int]` builds through the built-in
/// types' `__class_getitem__`: origin and args, its repr, equality, and calls that create the origin.

struct GenericAliasObject {
    var header: PyObject
    var origin: PyValue
    var args: PyValue
}

nonisolated(unsafe) var genericAliasType: TypePtr! = nil

func makeGenericAlias(_ origin: PyValue, _ args: PyValue) -> PyValue {
    let p = allocObject(GenericAliasObject.self, genericAliasType)
    p.pointee.origin = newRef(origin)
    p.pointee.args = args.type == tupleType ? newRef(args) : newTuple([newRef(args)])
    return PyValue(p.withMemoryRebound(to: PyObject.self, capacity: 1) { $0 })
}

/// CPython: ga_repr_item.
func genericAliasItemRepr(_ v: PyValue) -> String? {
    if v == pyEllipsis { return "..." }
    if isType(v) {
        let t = asType(v)
        let mod = t.pointee.isHeapType ? typeLookupOwn(t, "__module__") : PyValue.null
        if !mod.isNull && isInstance(mod, strType) && strSwift(mod) != "builtins" { return strSwift(mod) + "." + typeQualname(t) }
        return typeQualname(t)
    }
    let r = objectRepr(v)
    if r.isNull { return nil }
    defer { decref(r) }
    return strSwift(r)
}

func installGenericAlias() {
    genericAliasType = newType("GenericAlias", base: objectType, basicSize: MemoryLayout<GenericAliasObject>.stride,
                               dealloc: { w in
                                   let p = PyValue(raw: w).payload(GenericAliasObject.self)
                                   decref(p.pointee.origin); decref(p.pointee.args)
                                   freeObject(w)
                               })
    let t = genericAliasType!
    t.pointee.dict = newDict()
    _ = dictSetItem(t.pointee.dict, internStr("__module__"), internStr("types"))
    t.pointee.getattro = { w, n in
        let p = PyValue(raw: w).payload(GenericAliasObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "__origin__": return newRef(p.pointee.origin).raw
        case "__args__": return newRef(p.pointee.args).raw
        case "__parameters__": return newTuple([]).raw
        default:
            let r = genericGetAttrQuiet(PyValue(raw: w), PyValue(raw: n))
            if !r.isNull || !curExc.isNull { return r.raw }
            return getAttr(p.pointee.origin, PyValue(raw: n)).raw
        }
    }
    t.pointee.repr = { w in
        let p = PyValue(raw: w).payload(GenericAliasObject.self)
        guard var s = genericAliasItemRepr(p.pointee.origin) else { return 0 }
        s += "["
        let n = tupleCount(p.pointee.args)
        if n == 0 { s += "()" }
        for i in 0..<n {
            if i > 0 { s += ", " }
            guard let r = genericAliasItemRepr(tupleItem(p.pointee.args, i)) else { return 0 }
            s += r
        }
        return newStr(s + "]").raw
    }
    t.pointee.call = { w, a, n, kw in
        callObject(PyValue(raw: w).payload(GenericAliasObject.self).pointee.origin, a, n, kw).raw
    }
    t.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if y.type != genericAliasType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        let p = x.payload(GenericAliasObject.self), q = y.payload(GenericAliasObject.self)
        var eq = richCompareBool(p.pointee.origin, q.pointee.origin, 2)
        if eq == 1 { eq = richCompareBool(p.pointee.args, q.pointee.args, 2) }
        if eq < 0 { return 0 }
        return newRef(makeBool(op == 2 ? eq == 1 : eq == 0)).raw
    }
    t.pointee.hash = { w in
        let p = PyValue(raw: w).payload(GenericAliasObject.self)
        let h0 = objectHash(p.pointee.origin)
        if h0 == -1 { return -1 }
        let h1 = objectHash(p.pointee.args)
        if h1 == -1 { return -1 }
        let h = h0 ^ h1
        return h == -1 ? -2 : h
    }
    for bt in [listType!, dictType!, tupleType!, setType!, frozenSetType!, typeType!] { addClassGetItem(bt) }
}
