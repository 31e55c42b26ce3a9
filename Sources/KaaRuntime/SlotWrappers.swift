/// Slot wrappers (CPython: Objects/typeobject.c slotdefs, wrapper_descriptor and method-wrapper): the special
/// methods of built-in types visible as `int.__add__`, `dict.__setitem__`, `(1).__eq__`, so `super().__setitem__`
/// in a dict subclass and `int.__add__(1, 2)` reach the built-in slot. A wrapper's function learns the type whose
/// slot it wraps from `slotWrapperOwner`, set by the wrapper's call just before the function runs (slot functions
/// are bare C function pointers without a context). Calling the owner's slot, not type(self)'s, is what makes
/// `int.__add__(self, o)` inside an int subclass's own `__add__` reach int's addition instead of recursing.
/// (Merged from two versions: the value types' helper added the first wrappers, with pow's three-argument form.)

nonisolated(unsafe) var wrapperDescriptorType: TypePtr! = nil
nonisolated(unsafe) var methodWrapperType: TypePtr! = nil
nonisolated(unsafe) var slotWrapperOwner: TypePtr? = nil

@inline(__always) func takeOwner() -> TypePtr { let t = slotWrapperOwner.unsafelyUnwrapped; slotWrapperOwner = nil; return t }

func wrapArg(_ p: UnsafePointer<UInt>?, _ n: Int, _ want: Int, _ name: String) -> Bool {
    if n != want {
        raise(typeErrorType, "expected \(want) argument\(want == 1 ? "" : "s"), got \(n)")
        return false
    }
    return true
}

func intResult(_ r: Int) -> Word { r < 0 && !curExc.isNull ? 0 : makeInt(r).raw }

func installSlotWrapperTypes() {
    if wrapperDescriptorType != nil { return }
    wrapperDescriptorType = newType("wrapper_descriptor", base: objectType, basicSize: MemoryLayout<BuiltinFunctionObject>.stride, dealloc: builtinDealloc)
    methodWrapperType = newType("method-wrapper", base: objectType, basicSize: MemoryLayout<BuiltinFunctionObject>.stride, dealloc: builtinDealloc)
    for t in [wrapperDescriptorType!, methodWrapperType!] {
        t.pointee.dict = newDict()
        t.pointee.getattro = builtinFunctionType.pointee.getattro
    }
    wrapperDescriptorType.pointee.call = { fv, p, n, kw in
        let bp = PyValue(raw: fv).payload(BuiltinFunctionObject.self)
        let owner = bp.pointee.owner.unsafelyUnwrapped
        let name = strSwift(bp.pointee.name)
        if n < 1 { return raise(typeErrorType, "descriptor '\(name)' of '\(owner.pointee.name)' object needs an argument").raw }
        let s = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isInstance(s, owner) {
            return raise(typeErrorType, "descriptor '\(name)' requires a '\(owner.pointee.name)' object but received a '\(typeName(s))'").raw
        }
        slotWrapperOwner = owner
        return bp.pointee.fn(s.raw, p.unsafelyUnwrapped + 1, n - 1, kw)
    }
    wrapperDescriptorType.pointee.descrGet = { d, o, _ in
        if o == 0 { return newRef(PyValue(raw: d)).raw }
        let bp = PyValue(raw: d).payload(BuiltinFunctionObject.self)
        return newBuiltin(strSwift(bp.pointee.name), bp.pointee.fn, selfObj: PyValue(raw: o), owner: bp.pointee.owner, type: methodWrapperType).raw
    }
    wrapperDescriptorType.pointee.repr = { w in
        let bp = PyValue(raw: w).payload(BuiltinFunctionObject.self)
        return newStr("<slot wrapper '\(strSwift(bp.pointee.name))' of '\(bp.pointee.owner?.pointee.name ?? "?")' objects>").raw
    }
    methodWrapperType.pointee.call = { fv, p, n, kw in
        let bp = PyValue(raw: fv).payload(BuiltinFunctionObject.self)
        slotWrapperOwner = bp.pointee.owner
        return bp.pointee.fn(bp.pointee.selfObj.raw, p, n, kw)
    }
    methodWrapperType.pointee.repr = { w in
        let bp = PyValue(raw: w).payload(BuiltinFunctionObject.self)
        let s = bp.pointee.selfObj
        return newStr("<method-wrapper '\(strSwift(bp.pointee.name))' of \(typeName(s)) object at \(addressString(s))>").raw
    }
    methodWrapperType.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if y.type != methodWrapperType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        let p = x.payload(BuiltinFunctionObject.self).pointee, q = y.payload(BuiltinFunctionObject.self).pointee
        let eq = p.selfObj == q.selfObj && p.name == q.name && p.owner == q.owner
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }
}

func addSlotWrapper(_ t: TypePtr, _ name: String, _ fn: BuiltinFn) {
    if wrapperDescriptorType == nil { installSlotWrapperTypes() }
    if !dictGetItemStr(t.pointee.dict, internStr(name)).isNull { return }
    let d = newBuiltin(name, fn, owner: t, type: wrapperDescriptorType)
    d.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(t.pointee.dict, internStr(name), d)
    decref(d)
}

func addSlotWrappers(_ t: TypePtr) {
    let s = t.pointee
    if s.repr != nil { addSlotWrapper(t, "__repr__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.repr.unsafelyUnwrapped(w) } }
    if s.str != nil { addSlotWrapper(t, "__str__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.str.unsafelyUnwrapped(w) } }
    if s.hash != nil { addSlotWrapper(t, "__hash__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return intResult(t.pointee.hash.unsafelyUnwrapped(w)) } }
    if s.call != nil { addSlotWrapper(t, "__call__") { w, p, n, kw in let t = takeOwner(); return t.pointee.call.unsafelyUnwrapped(w, p, n, kw) } }
    if s.iter != nil { addSlotWrapper(t, "__iter__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.iter.unsafelyUnwrapped(w) } }
    if s.iternext != nil { addSlotWrapper(t, "__next__") { w, p, n, _ in
        let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }
        let r = t.pointee.iternext.unsafelyUnwrapped(w)
        if r == 0 && curExc.isNull { setException(newException(stopIterationType, args: newTuple([]))) }
        return r } }
    if s.len != nil { addSlotWrapper(t, "__len__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return intResult(t.pointee.len.unsafelyUnwrapped(w)) } }
    if s.getitem != nil { addSlotWrapper(t, "__getitem__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.getitem.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.setitem != nil {
        addSlotWrapper(t, "__setitem__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 2, "") else { return 0 }; return t.pointee.setitem.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], p.unsafelyUnwrapped[1]) < 0 ? 0 : newRef(pyNone).raw }
        addSlotWrapper(t, "__delitem__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.setitem.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 0) < 0 ? 0 : newRef(pyNone).raw }
    }
    if s.contains != nil { addSlotWrapper(t, "__contains__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; let r = t.pointee.contains.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]); return r < 0 ? 0 : newRef(makeBool(r == 1)).raw } }
    if s.bool != nil { addSlotWrapper(t, "__bool__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; let r = t.pointee.bool.unsafelyUnwrapped(w); return r < 0 ? 0 : newRef(makeBool(r == 1)).raw } }
    if s.initFn != nil && t != objectType { addSlotWrapper(t, "__init__") { w, p, n, kw in let t = takeOwner(); return t.pointee.initFn.unsafelyUnwrapped(w, p, n, kw) < 0 ? 0 : newRef(pyNone).raw } }
    if s.neg != nil { addSlotWrapper(t, "__neg__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.neg.unsafelyUnwrapped(w) } }
    if s.pos != nil { addSlotWrapper(t, "__pos__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.pos.unsafelyUnwrapped(w) } }
    if s.invert != nil { addSlotWrapper(t, "__invert__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.invert.unsafelyUnwrapped(w) } }
    if s.abs != nil { addSlotWrapper(t, "__abs__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.abs.unsafelyUnwrapped(w) } }
    if s.index != nil { addSlotWrapper(t, "__index__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.index.unsafelyUnwrapped(w) } }
    if s.toInt != nil { addSlotWrapper(t, "__int__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.toInt.unsafelyUnwrapped(w) } }
    if s.toFloat != nil { addSlotWrapper(t, "__float__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 0, "") else { return 0 }; return t.pointee.toFloat.unsafelyUnwrapped(w) } }
    if s.richcompare != nil {
        addSlotWrapper(t, "__lt__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.richcompare.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 0) }
        addSlotWrapper(t, "__le__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.richcompare.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 1) }
        addSlotWrapper(t, "__eq__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.richcompare.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 2) }
        addSlotWrapper(t, "__ne__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.richcompare.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 3) }
        addSlotWrapper(t, "__gt__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.richcompare.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 4) }
        addSlotWrapper(t, "__ge__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.richcompare.unsafelyUnwrapped(w, p.unsafelyUnwrapped[0], 5) }
    }
    if s.nb[0] != nil {
        addSlotWrapper(t, "__add__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[0].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__radd__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[0].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[13] != nil { addSlotWrapper(t, "__iadd__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[13].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[1] != nil {
        addSlotWrapper(t, "__and__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[1].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rand__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[1].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[14] != nil { addSlotWrapper(t, "__iand__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[14].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[2] != nil {
        addSlotWrapper(t, "__floordiv__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[2].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rfloordiv__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[2].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[15] != nil { addSlotWrapper(t, "__ifloordiv__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[15].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[3] != nil {
        addSlotWrapper(t, "__lshift__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[3].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rlshift__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[3].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[16] != nil { addSlotWrapper(t, "__ilshift__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[16].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[4] != nil {
        addSlotWrapper(t, "__matmul__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[4].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rmatmul__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[4].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[17] != nil { addSlotWrapper(t, "__imatmul__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[17].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[5] != nil {
        addSlotWrapper(t, "__mul__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[5].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rmul__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[5].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[18] != nil { addSlotWrapper(t, "__imul__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[18].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[6] != nil {
        addSlotWrapper(t, "__mod__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[6].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rmod__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[6].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[19] != nil { addSlotWrapper(t, "__imod__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[19].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[7] != nil {
        addSlotWrapper(t, "__or__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[7].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__ror__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[7].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[20] != nil { addSlotWrapper(t, "__ior__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[20].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[8] != nil {
        addSlotWrapper(t, "__pow__") { w, p, n, _ in
            let t = takeOwner()
            // __pow__(exp, mod): the three-argument form goes through the pow builtin.
            if n == 2 { return callBuiltinPow3(PyValue(raw: w), PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: p.unsafelyUnwrapped[1])).raw }
            guard wrapArg(p, n, 1, "") else { return 0 }
            return t.pointee.nb[8].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rpow__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[8].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[21] != nil { addSlotWrapper(t, "__ipow__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[21].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[9] != nil {
        addSlotWrapper(t, "__rshift__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[9].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rrshift__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[9].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[22] != nil { addSlotWrapper(t, "__irshift__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[22].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[10] != nil {
        addSlotWrapper(t, "__sub__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[10].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rsub__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[10].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[23] != nil { addSlotWrapper(t, "__isub__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[23].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[11] != nil {
        addSlotWrapper(t, "__truediv__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[11].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rtruediv__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[11].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[24] != nil { addSlotWrapper(t, "__itruediv__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[24].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
    if s.nb[12] != nil {
        addSlotWrapper(t, "__xor__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[12].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) }
        addSlotWrapper(t, "__rxor__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[12].unsafelyUnwrapped(p.unsafelyUnwrapped[0], w) }
    }
    if s.nb[25] != nil { addSlotWrapper(t, "__ixor__") { w, p, n, _ in let t = takeOwner(); guard wrapArg(p, n, 1, "") else { return 0 }; return t.pointee.nb[25].unsafelyUnwrapped(w, p.unsafelyUnwrapped[0]) } }
}

/// The built-in types whose slots get wrappers (CPython gives every static type its slotdefs).
func installSlotWrappers() {
    installSlotWrapperTypes()
    for t in [wrapperDescriptorType!, methodWrapperType!] { t.pointee.getattro = builtinFunctionType.pointee.getattro }
    for t in [listType!, dictType!, setType!] where dictGetItemStr(t.pointee.dict, internStr("__hash__")).isNull {
        _ = dictSetItem(t.pointee.dict, internStr("__hash__"), pyNone)
    }
    for t in [intType!, floatType!, strType!, tupleType!, listType!, dictType!, setType!, frozenSetType!,
              bytesType!, rangeType!, typeType!, baseExceptionType!] {
        addSlotWrappers(t)
    }
    // object's special methods are slot wrappers in CPython (type(object.__init__) is wrapper_descriptor).
    for name in ["__init__", "__repr__", "__str__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
                 "__ge__", "__setattr__", "__delattr__", "__getattribute__"] {
        let d = dictGetItemStr(objectType.pointee.dict, internStr(name))
        if !d.isNull && d.type == methodDescriptorType { d.obj.pointee.type = wrapperDescriptorType }
    }
}

/// pow(a, b, m) for `a.__pow__(b, m)`.
func callBuiltinPow3(_ a: PyValue, _ b: PyValue, _ m: PyValue) -> PyValue {
    let f = dictGetItemStr(builtinsDict, internStr("pow"))
    if f.isNull { return raise(typeErrorType, "pow unavailable") }
    return callObject(f, [a, b, m])
}
