/// Installs the value types this file's siblings define (complex, bytearray, memoryview) and the methods of int,
/// float, complex, bytes and str that live in their own files, then the builtins that depend on them
/// (divmod, pow, round). Called once at the end of Runtime.bootstrap.

func installValueTypes() {
    func mk(_ name: String, _ size: Int, _ dealloc: @escaping DeallocFn, flags: UInt = TypeFlag.baseType) -> TypePtr {
        let t = newType(name, base: objectType, basicSize: size, dealloc: dealloc, flags: flags)
        t.pointee.dict = newDict()
        t.pointee.getattro = genericGetAttrSlot
        return t
    }
    complexType = mk("complex", MemoryLayout<ComplexObject>.stride, deallocPlain)
    byteArrayType = mk("bytearray", MemoryLayout<ByteArrayObject>.stride, byteArrayDealloc)
    memoryViewType = mk("memoryview", MemoryLayout<MemoryViewObject>.stride, memoryViewDealloc, flags: 0)
    bytesIterType = makeBytesIterType()
    if bytesType.pointee.getattro == nil { bytesType.pointee.getattro = genericGetAttrSlot }
    for (name, t) in [("complex", complexType!), ("bytearray", byteArrayType!), ("memoryview", memoryViewType!)] {
        _ = dictSetItem(builtinsDict, internStr(name), t.asValue)
    }
    installUnicodeErrors()
    installIntMethods()
    installFloatMethods()
    installComplexType()
    installBytesFamily()
    installStrExtras()
    for t in [intType!, boolType!, floatType!, complexType!, strType!, bytesType!, byteArrayType!, memoryViewType!] {
        addNewWrapper(t)
    }
    // Classes may derive from these (their tp_new builds an instance of the subtype).
    for t in [intType!, floatType!, complexType!, bytesType!, byteArrayType!] {
        builtinSubclassNew[UInt(bitPattern: t)] = t.pointee.new
    }

    addBuiltin("divmod") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("divmod"), a.count("divmod", 2, 2) else { return 0 }
        return numberDivmodValues(a[0], a[1]).raw
    }
    addBuiltin("pow") { _, p, n, kw in
        guard let a = Args(p, n, kw).bind("pow", ["base", "exp", "mod"], required: 2) else { return 0 }
        if !a[2].isNull && a[2] != pyNone { return intPowMod(a[0], a[1], a[2]).raw }
        return binaryOp(a[0], a[1], 8).raw
    }
    addBuiltin("round") { _, p, n, kw in
        guard let a = Args(p, n, kw).bind("round", ["number", "ndigits"], required: 1) else { return 0 }
        let x = a[0]
        let nd = a[1] == pyNone ? PyValue.null : a[1]
        if isIntLike(x) {
            if nd.isNull { return intExact(x).raw }
            return intRound(x, nd).raw
        }
        if x.type == floatType {
            let d = floatValue(x)
            if nd.isNull { return floatToIntRounded(d, .toNearestOrEven).raw }
            guard let k = indexValueOrRaise(nd) else { return 0 }
            return floatRound(d, k).raw
        }
        let f = typeLookup(x.type, internStr("__round__"))
        if f.isNull { return raise(typeErrorType, "type \(qualifiedTypeName(x.type)) doesn't define __round__ method").raw }
        return callDunder(x, "__round__", nd.isNull ? [] : [nd]).raw
    }
}

/// `T.__new__(cls, ...)` for the built-in value types: calls cls's tp_new (CPython: tp_new_wrapper).
func addNewWrapper(_ t: TypePtr) {
    let f = newBuiltin("__new__", { _, p, n, kw in
        if n < 1 { return raise(typeErrorType, "__new__(): not enough arguments").raw }
        let cls = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isType(cls) { return raise(typeErrorType, "__new__(X): X is not a type object (\(typeName(cls)))").raw }
        // The built-in type that owns this __new__: the first non-heap type of cls's MRO (CPython: tp_new_wrapper
        // calls the owner's tp_new with the subtype), so a class whose __new__ calls int.__new__(cls) does not recurse.
        let ct = asType(cls)
        var owner: TypePtr? = nil
        for m in ct.pointee.mro where !m.pointee.isHeapType { owner = m; break }
        guard let o = owner, let new = o.pointee.new else { return raise(typeErrorType, "cannot create instances").raw }
        return new(cls.raw, p.unsafelyUnwrapped + 1, n - 1, kw)
    })
    let sm = newWrapper(staticMethodType, f)
    decref(f)
    sm.obj.pointee.refcount = immortalRefcount
    _ = dictSetItem(t.pointee.dict, internStr("__new__"), sm)
}
