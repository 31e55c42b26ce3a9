/// Struct sequences: tuples whose items also have names (sys.version_info, sys.flags, …), printed as
/// `sys.version_info(major=3, minor=11, …)`. A struct sequence type derives from tuple, so indexing, slicing,
/// comparison, hashing and unpacking are tuple's. (CPython: Objects/structseq.c)

/// A struct sequence type named `name` ("sys.flags": module and name) with the given fields, all visible (no
/// unnamed fields). Instances are made by `newStructSeq`, not from Python (CPython: Py_TPFLAGS_DISALLOW_INSTANTIATION).
package func newStructSeqType(_ name: String, fields: [String]) -> TypePtr {
    let t = newType(name, base: tupleType, basicSize: tupleType.pointee.basicSize, dealloc: tupleType.pointee.dealloc)
    t.pointee.flags &= ~TypeFlag.baseType
    t.pointee.new = nil
    t.pointee.dict = newDict()
    let d = t.pointee.dict
    for (k, v) in [("n_fields", fields.count), ("n_sequence_fields", fields.count), ("n_unnamed_fields", 0)] {
        _ = dictSetItem(d, internStr(k), makeInt(v))
    }
    let matchArgs = newTuple(fields.map { internStr($0) })
    _ = dictSetItem(d, internStr("__match_args__"), matchArgs)
    decref(matchArgs)
    if let dot = name.lastIndex(of: ".") {
        let module = newStr(String(name[..<dot]))
        _ = dictSetItem(d, internStr("__module__"), module)
        decref(module)
    }
    structSeqFields[UInt(bitPattern: t)] = fields
    t.pointee.repr = structSeqRepr
    t.pointee.getattro = structSeqGetAttr
    return t
}

/// The field names of each struct sequence type.
nonisolated(unsafe) var structSeqFields: [UInt: [String]] = [:]

/// An instance of the struct sequence type `type` holding `values` (stolen).
package func newStructSeq(_ type: TypePtr, _ values: [PyValue]) -> PyValue {
    let v = newTuple(values)
    v.obj.pointee.type = type
    return v
}

private func structSeqGetAttr(_ o: Word, _ n: Word) -> Word {
    let v = PyValue(raw: o)
    if let fields = structSeqFields[UInt(bitPattern: v.type)], let i = fields.firstIndex(of: strSwift(PyValue(raw: n))),
       i < tupleCount(v) {
        return newRef(tupleItem(v, i)).raw
    }
    return genericGetAttr(v, PyValue(raw: n)).raw
}

/// `sys.flags(debug=0, …)` (CPython: structseq_repr).
private func structSeqRepr(_ w: Word) -> Word {
    let v = PyValue(raw: w)
    let fields = structSeqFields[UInt(bitPattern: v.type)] ?? []
    var out = v.type.pointee.name + "("
    for i in 0..<tupleCount(v) {
        if i > 0 { out += ", " }
        let r = objectRepr(tupleItem(v, i))
        if r.isNull { return 0 }
        out += (i < fields.count ? fields[i] : "") + "=" + strSwift(r)
        decref(r)
    }
    return newStr(out + ")").raw
}
