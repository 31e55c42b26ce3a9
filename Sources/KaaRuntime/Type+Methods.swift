/// The Python-visible members of `type` and `object` (CPython: type_getsets, type_methods, object_getsets,
/// object_methods): `__name__`, `__qualname__`, `__mro__`, `mro()`, `__subclasses__()`, `__instancecheck__`,
/// `__prepare__`, `type.__new__/__init__/__call__`, `object.__class__`, `object.__init_subclass__`, `__dir__`...
/// and type_getattro's lookup order (metatype data descriptors, then the MRO, then the metatype).

/// `__qualname__` of a type: the heap type's own, else the name.
func typeQualname(_ t: TypePtr) -> String {
    if t.pointee.isHeapType, let q = heapTypeInfo[UInt(bitPattern: t)]?.qualname, !q.isNull { return strSwift(q) }
    return typeShortName(t)
}

/// CPython: type_name — a static type's tp_name "sys.flags" is named after its last dot.
func typeShortName(_ t: TypePtr) -> String {
    let full = t.pointee.name
    if !t.pointee.isHeapType, let dot = full.lastIndex(of: ".") { return String(full[full.index(after: dot)...]) }
    return full
}

/// CPython: type_getattro.
func typeGetAttro(_ t: Word, _ n: Word) -> Word {
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    let name = PyValue(raw: n)
    let meta = PyValue(raw: t).type
    let metaAttr = typeLookup(meta, name)
    var metaGet: DescrGetFn? = nil
    if !metaAttr.isNull {
        metaGet = metaAttr.type.pointee.descrGet
        if let g = metaGet, isDataDescriptorType(metaAttr.type) { return g(metaAttr.raw, t, meta.asValue.raw) }
    }
    let attr = typeLookup(type, name)
    if !attr.isNull {
        if let g = attr.type.pointee.descrGet { return g(attr.raw, 0, t) }
        return newRef(attr).raw
    }
    if let g = metaGet { return g(metaAttr.raw, t, meta.asValue.raw) }
    if !metaAttr.isNull { return newRef(metaAttr).raw }
    return raise(attributeErrorType, "type object '\(type.pointee.name)' has no attribute '\(strSwift(name))'").raw
}

func typeRepr(_ t: Word) -> Word {
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    let mod = type.pointee.isHeapType ? typeLookupOwn(type, "__module__") : PyValue.null
    if !mod.isNull && isInstance(mod, strType) && strSwift(mod) != "builtins" {
        return newStr("<class '\(strSwift(mod)).\(typeQualname(type))'>").raw
    }
    if !type.pointee.isHeapType, let m = builtinTypeModule[UInt(bitPattern: type)] {
        return newStr("<class '\(m).\(type.pointee.name)'>").raw
    }
    return newStr("<class '\(typeQualname(type))'>").raw
}
/// Modules of built-in types that are not in builtins (their repr says so).
nonisolated(unsafe) var builtinTypeModule: [UInt: String] = [:]

/// type.__call__ (CPython: type_call).
func typeCall(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    if type == typeType && n == 1 && (kw == 0 || tupleCount(PyValue(raw: kw)) == 0) {
        return newRef(PyValue(raw: args.unsafelyUnwrapped[0]).type.asValue).raw
    }
    guard let newFn = type.pointee.new else {
        return raise(typeErrorType, "cannot create '\(qualifiedTypeName(type))' instances").raw
    }
    let obj = PyValue(raw: newFn(t, args, n, kw))
    if obj.isNull { return 0 }
    if !isInstance(obj, type) { return obj.raw }
    if type == typeType && n == 1 { return obj.raw }
    if let initFn = obj.type.pointee.initFn {
        if initFn(obj.raw, args, n, kw) < 0 { decref(obj); return 0 }
    }
    return obj.raw
}

/// CPython: type_setattro (heap types only; dunder changes refresh the slots).
func typeSetAttro(_ t: Word, _ n: Word, _ v: Word) -> Int {
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    let name = PyValue(raw: n)
    if !isInstance(name, strType) {
        return raiseInt(typeErrorType, "attribute name must be string, not '\(typeName(name))'")
    }
    let meta = PyValue(raw: t).type
    let metaAttr = typeLookup(meta, name)
    if !metaAttr.isNull && isDataDescriptorType(metaAttr.type), let r = descriptorSet(metaAttr, PyValue(raw: t), PyValue(raw: v)) {
        return r
    }
    if !type.pointee.isHeapType {
        return raiseInt(typeErrorType, "cannot set '\(strSwift(name))' attribute of immutable type '\(type.pointee.name)'")
    }
    let r: Int
    if v == 0 {
        if dictGetItemStr(type.pointee.dict, name).isNull {
            return raiseInt(attributeErrorType, "type object '\(type.pointee.name)' has no attribute '\(strSwift(name))'")
        }
        r = dictDelItem(type.pointee.dict, name)
    } else {
        r = dictSetItem(type.pointee.dict, name, PyValue(raw: v))
    }
    if r == 0 && isDunder(name) {
        refreshSlots(type)
    }
    return r
}

/// After a dunder changed on `type`, its slots and its subclasses' slots follow (CPython: update_slot).
func refreshSlots(_ type: TypePtr) {
    // Start again from what the bases give, so a deleted dunder stops acting (CPython: update_slot).
    let t = type
    let dealloc = t.pointee.dealloc
    let nb = t.pointee.nb
    for i in 0..<nbSlotCount { nb[i] = nil }
    t.pointee.repr = nil; t.pointee.str = nil; t.pointee.hash = nil; t.pointee.richcompare = nil
    t.pointee.getattro = nil; t.pointee.setattro = nil; t.pointee.call = nil; t.pointee.iter = nil
    t.pointee.iternext = nil; t.pointee.descrGet = nil; t.pointee.new = nil; t.pointee.initFn = nil
    t.pointee.neg = nil; t.pointee.pos = nil; t.pointee.invert = nil; t.pointee.abs = nil; t.pointee.bool = nil
    t.pointee.index = nil; t.pointee.toInt = nil; t.pointee.toFloat = nil; t.pointee.len = nil
    t.pointee.getitem = nil; t.pointee.setitem = nil; t.pointee.contains = nil
    let offset = t.pointee.dictOffset
    for b in t.pointee.mro.dropFirst() { inheritSlots(t, from: b) }
    t.pointee.dictOffset = offset
    t.pointee.dealloc = dealloc
    if movableBuiltins.contains(UInt(bitPattern: builtinBase(t))) { t.pointee.new = builtinSubtypeNew }
    fixupSlots(type)
    type.pointee.flags &= ~TypeFlag.hasFinalizer
    if hasHeapDunder(type, "__del__") { type.pointee.flags |= TypeFlag.hasFinalizer }
    for s in subclassTable[UInt(bitPattern: type)] ?? [] where s.pointee.isHeapType { refreshSlots(s) }
}

func typeMRO(_ t: TypePtr) -> PyValue { newTuple(t.pointee.mro.map { newRef($0.asValue) }) }

func typeBases(_ t: TypePtr) -> PyValue {
    if t.pointee.isHeapType {
        let b = typeLookupOwn(t, "__bases__")
        if !b.isNull { return newRef(b) }
    }
    if let b = t.pointee.base { return newTuple([newRef(b.asValue)]) }
    return newTuple([])
}

/// isinstance(obj, cls) with __instancecheck__ (CPython: PyObject_IsInstance). -1 on error.
func objectIsInstance(_ obj: PyValue, _ cls: PyValue) -> Int {
    if isType(cls) && obj.type == asType(cls) { return 1 }
    if cls.type == tupleType {
        for i in 0..<tupleCount(cls) {
            let r = objectIsInstance(obj, tupleItem(cls, i))
            if r != 0 { return r }
        }
        return 0
    }
    if isType(cls) && cls.type == typeType { return recursiveIsInstance(obj, cls) }
    let checker = isType(cls) || !cls.isSmallInt ? lookupSpecial(cls, "__instancecheck__") : PyValue.null
    if !checker.isNull {
        defer { decref(checker) }
        let r = callObject(checker, [obj])
        if r.isNull { return -1 }
        defer { decref(r) }
        return isTrue(r)
    }
    if !curExc.isNull { return -1 }
    return recursiveIsInstance(obj, cls)
}

func recursiveIsInstance(_ obj: PyValue, _ cls: PyValue) -> Int {
    if isType(cls) {
        if isInstance(obj, asType(cls)) { return 1 }
        // obj.__class__ may differ from type(obj).
        let c = lookupAttrOptional(obj, internStr("__class__"))
        if c.isNull { return curExc.isNull ? 0 : -1 }
        defer { decref(c) }
        if c != obj.type.asValue && isType(c) { return isSubtype(asType(c), asType(cls)) ? 1 : 0 }
        return 0
    }
    let b = lookupAttrOptional(cls, internStr("__bases__"))
    if b.isNull || b.type != tupleType {
        xdecref(b)
        if !curExc.isNull { return -1 }
        return raiseInt(typeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union")
    }
    decref(b)
    let c = lookupAttrOptional(obj, internStr("__class__"))
    if c.isNull { return curExc.isNull ? 0 : -1 }
    defer { decref(c) }
    return abstractIsSubclass(c, cls)
}

func abstractIsSubclass(_ derived: PyValue, _ cls: PyValue) -> Int {
    if derived == cls { return 1 }
    let b = lookupAttrOptional(derived, internStr("__bases__"))
    if b.isNull { return curExc.isNull ? 0 : -1 }
    defer { decref(b) }
    if b.type != tupleType { return 0 }
    for i in 0..<tupleCount(b) {
        let r = abstractIsSubclass(tupleItem(b, i), cls)
        if r != 0 { return r }
    }
    return 0
}

/// issubclass(derived, cls) with __subclasscheck__ (CPython: PyObject_IsSubclass). -1 on error.
func objectIsSubclass(_ derived: PyValue, _ cls: PyValue) -> Int {
    if isType(cls) && cls.type == typeType && isType(derived) {
        return isSubtype(asType(derived), asType(cls)) ? 1 : 0
    }
    if cls.type == tupleType {
        for i in 0..<tupleCount(cls) {
            let r = objectIsSubclass(derived, tupleItem(cls, i))
            if r != 0 { return r }
        }
        return 0
    }
    let checker = lookupSpecial(cls, "__subclasscheck__")
    if !checker.isNull {
        defer { decref(checker) }
        let r = callObject(checker, [derived])
        if r.isNull { return -1 }
        defer { decref(r) }
        return isTrue(r)
    }
    if !curExc.isNull { return -1 }
    return recursiveIsSubclass(derived, cls)
}

func recursiveIsSubclass(_ derived: PyValue, _ cls: PyValue) -> Int {
    if isType(cls) && isType(derived) { return isSubtype(asType(derived), asType(cls)) ? 1 : 0 }
    if !isType(derived) {
        let b = lookupAttrOptional(derived, internStr("__bases__"))
        if b.isNull || b.type != tupleType {
            xdecref(b)
            if !curExc.isNull { return -1 }
            return raiseInt(typeErrorType, "issubclass() arg 1 must be a class")
        }
        decref(b)
    }
    if !isType(cls) {
        let b = lookupAttrOptional(cls, internStr("__bases__"))
        if b.isNull || b.type != tupleType {
            xdecref(b)
            if !curExc.isNull { return -1 }
            return raiseInt(typeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        decref(b)
    }
    return abstractIsSubclass(derived, cls)
}

func installTypeMembers() {
    installDescriptorTypes()
    installDescriptorMethods()
    installFunctionAttributes()
    installSuperAndMethodMembers()
    let t = typeType!
    t.pointee.new = typeNewSlot
    t.pointee.initFn = typeInitSlot
    t.pointee.call = typeCall
    t.pointee.getattro = typeGetAttro
    t.pointee.setattro = typeSetAttro
    t.pointee.repr = typeRepr
    t.pointee.flags |= TypeFlag.weakrefable
    functionType.pointee.flags |= TypeFlag.weakrefable
    addGetSet(t, "__name__", { w in newStr(typeShortName(asType(PyValue(raw: w)))).raw }, { w, v in
        let type = asType(PyValue(raw: w))
        if !type.pointee.isHeapType { return raiseInt(typeErrorType, "cannot set '__name__' attribute of immutable type '\(type.pointee.name)'") }
        if v == 0 { return raiseInt(typeErrorType, "cannot delete '__name__' attribute of immutable type '\(type.pointee.name)'") }
        if !isInstance(PyValue(raw: v), strType) {
            return raiseInt(typeErrorType, "can only assign string to \(type.pointee.name).__name__, not '\(typeName(PyValue(raw: v)))'")
        }
        type.pointee.name = strSwift(PyValue(raw: v))
        return 0
    })
    addGetSet(t, "__qualname__", { w in newStr(typeQualname(asType(PyValue(raw: w)))).raw }, { w, v in
        let type = asType(PyValue(raw: w))
        if !type.pointee.isHeapType { return raiseInt(typeErrorType, "cannot set '__qualname__' attribute of immutable type '\(type.pointee.name)'") }
        if v == 0 || !isInstance(PyValue(raw: v), strType) {
            return raiseInt(typeErrorType, "can only assign string to \(type.pointee.name).__qualname__, not '\(v == 0 ? "NoneType" : typeName(PyValue(raw: v)))'")
        }
        let key = UInt(bitPattern: type)
        xdecref(heapTypeInfo[key]?.qualname ?? .null)
        heapTypeInfo[key, default: HeapTypeInfo()].qualname = newRef(PyValue(raw: v))
        return 0
    })
    addGetSet(t, "__mro__", { w in typeMRO(asType(PyValue(raw: w))).raw })
    addGetSet(t, "__bases__", { w in typeBases(asType(PyValue(raw: w))).raw })
    addGetSet(t, "__base__", { w in newRef(asType(PyValue(raw: w)).pointee.base?.asValue ?? pyNone).raw })
    addGetSet(t, "__dict__", { w in newRef(asType(PyValue(raw: w)).pointee.dict).raw })
    addGetSet(t, "__module__", { w in
        let type = asType(PyValue(raw: w))
        if type.pointee.isHeapType {
            let m = typeLookupOwn(type, "__module__")
            if m.isNull { return raise(attributeErrorType, "__module__").raw }
            return newRef(m).raw
        }
        if let m = builtinTypeModule[w] { return newStr(m).raw }
        let own = typeLookupOwn(type, "__module__")
        return (own.isNull ? newStr("builtins") : newRef(own)).raw
    }, { w, v in
        let type = asType(PyValue(raw: w))
        if !type.pointee.isHeapType { return raiseInt(typeErrorType, "cannot set '__module__' attribute of immutable type '\(type.pointee.name)'") }
        return v == 0 ? dictDelItem(type.pointee.dict, internStr("__module__")) : dictSetItem(type.pointee.dict, internStr("__module__"), PyValue(raw: v))
    })
    addGetSet(t, "__doc__", { w in
        let type = asType(PyValue(raw: w))
        let d = typeLookupOwn(type, "__doc__")
        if d.isNull { return newRef(pyNone).raw }
        if let g = d.type.pointee.descrGet { return g(d.raw, 0, w) }
        return newRef(d).raw
    }, { w, v in
        let type = asType(PyValue(raw: w))
        if !type.pointee.isHeapType { return raiseInt(typeErrorType, "cannot set '__doc__' attribute of immutable type '\(type.pointee.name)'") }
        return dictSetItem(type.pointee.dict, internStr("__doc__"), v == 0 ? pyNone : PyValue(raw: v))
    })
    addMethod(t, "mro") { s, _, _, _ in
        let type = asType(PyValue(raw: s))
        if type.pointee.isHeapType {
            let b = typeLookupOwn(type, "__bases__")
            if !b.isNull {
                var bases: [TypePtr] = []
                for i in 0..<tupleCount(b) where isType(tupleItem(b, i)) { bases.append(asType(tupleItem(b, i))) }
                guard let m = computeMRO(type, bases) else { return 0 }
                return newList(m.map { newRef($0.asValue) }).raw
            }
        }
        return newList(type.pointee.mro.map { newRef($0.asValue) }).raw
    }
    addMethod(t, "__subclasses__") { s, _, _, _ in
        newList((subclassTable[s] ?? []).map { newRef($0.asValue) }).raw
    }
    addMethod(t, "__instancecheck__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "type.__instancecheck__() takes exactly one argument (\(n) given)").raw }
        let r = recursiveIsInstance(PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: s))
        return r < 0 ? 0 : newRef(makeBool(r == 1)).raw
    }
    addMethod(t, "__subclasscheck__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "type.__subclasscheck__() takes exactly one argument (\(n) given)").raw }
        let r = recursiveIsSubclass(PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: s))
        return r < 0 ? 0 : newRef(makeBool(r == 1)).raw
    }
    addMethod(t, "__call__") { s, p, n, kw in typeCall(s, p, n, kw) }
    addMethod(t, "__init__") { s, p, n, kw in typeInitSlot(s, p, n, kw) < 0 ? 0 : newRef(pyNone).raw }
    addMethod(t, "__repr__") { s, _, _, _ in typeRepr(s) }
    addMethod(t, "__dir__") { s, _, _, _ in
        var names: [PyValue] = []
        var seen = Set<String>()
        for m in asType(PyValue(raw: s)).pointee.mro.reversed() {
            var pos = 0
            while let e = dictNext(m.pointee.dict, &pos) {
                if isInstance(e.key, strType), seen.insert(strSwift(e.key)).inserted { names.append(newRef(e.key)) }
            }
        }
        return newList(names).raw
    }
    addMethod(t, "__sizeof__") { s, _, _, _ in makeInt(asType(PyValue(raw: s)).pointee.isHeapType ? 920 : 408).raw }
    let tnew = newBuiltin("__new__", { _, p, n, kw in
        if n < 1 { return raise(typeErrorType, "type.__new__(): not enough arguments").raw }
        let m = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isType(m) { return raise(typeErrorType, "type.__new__(X): X is not a type object (\(typeName(m)))").raw }
        if !isSubtype(asType(m), typeType) {
            return raise(typeErrorType, "type.__new__(\(asType(m).pointee.name)): \(asType(m).pointee.name) is not a subtype of type").raw
        }
        return typeNewSlot(m.raw, p.unsafelyUnwrapped + 1, n - 1, kw)
    })
    let sm = newWrapper(staticMethodType, tnew)
    decref(tnew)
    _ = dictSetItem(t.pointee.dict, internStr("__new__"), sm)
    decref(sm)
    let prep = newBuiltin("__prepare__", { _, _, _, _ in newDict().raw })
    let cm = newWrapper(classMethodType, prep)
    decref(prep)
    _ = dictSetItem(t.pointee.dict, internStr("__prepare__"), cm)
    decref(cm)

    let o = objectType!
    addGetSet(o, "__class__", { w in newRef(PyValue(raw: w).type.asValue).raw }, { w, v in
        let obj = PyValue(raw: w)
        if v == 0 { return raiseInt(typeErrorType, "can't delete __class__ attribute") }
        let nv = PyValue(raw: v)
        if !isType(nv) { return raiseInt(typeErrorType, "__class__ must be set to a class, not '\(typeName(nv))' object") }
        let newT = asType(nv), oldT = obj.type
        if !newT.pointee.isHeapType || !oldT.pointee.isHeapType {
            return raiseInt(typeErrorType, "__class__ assignment only supported for mutable types or ModuleType subclasses")
        }
        if newT.pointee.basicSize != oldT.pointee.basicSize || newT.pointee.dictOffset != oldT.pointee.dictOffset
            || solidBase(newT) != solidBase(oldT) {
            return raiseInt(typeErrorType, "__class__ assignment: '\(newT.pointee.name)' object layout differs from '\(oldT.pointee.name)'")
        }
        obj.obj.pointee.type = newT
        return 0
    })
    let isub = newBuiltin("__init_subclass__", { _, p, n, kw in
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 {
            let cls = n > 0 ? PyValue(raw: p.unsafelyUnwrapped[0]) : pyNone
            let name = isType(cls) ? asType(cls).pointee.name : "object"
            return raise(typeErrorType, "\(name).__init_subclass__() takes no keyword arguments").raw
        }
        return newRef(pyNone).raw
    })
    let isubcm = newWrapper(classMethodType, isub)
    decref(isub)
    _ = dictSetItem(o.pointee.dict, internStr("__init_subclass__"), isubcm)
    decref(isubcm)
    addMethod(o, "__dir__") { s, _, _, _ in objectDir(PyValue(raw: s)).raw }
    addMethod(o, "__reduce_ex__") { s, _, _, _ in
        raise(typeErrorType, "cannot pickle '\(typeName(PyValue(raw: s)))' object").raw
    }
    installGenericAlias()
    installWeakrefTypes()
}

/// object.__dir__: the instance dict's keys and the attributes of the class and its bases.
func objectDir(_ v: PyValue) -> PyValue {
    var names: [PyValue] = []
    var seen = Set<String>()
    if let slot = instanceDictSlot(v), !slot.pointee.isNull, isInstance(slot.pointee, dictType) {
        var pos = 0
        while let e = dictNext(slot.pointee, &pos) {
            if isInstance(e.key, strType), seen.insert(strSwift(e.key)).inserted { names.append(newRef(e.key)) }
        }
    }
    let cls = lookupAttrOptional(v, internStr("__class__"))
    let t = !cls.isNull && isType(cls) ? asType(cls) : v.type
    xdecref(cls)
    for m in t.pointee.mro {
        var pos = 0
        while let e = dictNext(m.pointee.dict, &pos) {
            if isInstance(e.key, strType), seen.insert(strSwift(e.key)).inserted { names.append(newRef(e.key)) }
        }
    }
    return newList(names)
}

/// Builtins of the object model that live with it: dir() (CPython: builtin_dir / PyObject_Dir).
func installObjectBuiltins() {
    addBuiltin("dir") { _, p, n, kw in
        if kw != 0 && tupleCount(PyValue(raw: kw)) > 0 { return raise(typeErrorType, "dir() takes no keyword arguments").raw }
        if n > 1 { return raise(typeErrorType, "dir expected at most 1 argument, got \(n)").raw }
        var names: PyValue
        if n == 0 {
            let loc = callObject(dictGetItemStr(builtinsDict, internStr("locals")), [])
            if loc.isNull { return 0 }
            defer { decref(loc) }
            guard let keys = collectIterable(loc) else { return 0 }
            names = newList(keys)
        } else {
            let v = PyValue(raw: p.unsafelyUnwrapped[0])
            let d: PyValue
            if v.type == moduleType {
                let md = v.payload(ModuleObject.self).pointee.dict
                let custom = dictGetItemStr(md, internStr("__dir__"))
                if !custom.isNull { d = callObject(custom, []) } else {
                    guard let keys = collectIterable(md) else { return 0 }
                    d = newList(keys)
                }
            } else {
                let m = lookupSpecial(v, "__dir__")
                if m.isNull {
                    if curExc.isNull { raise(typeErrorType, "object does not provide __dir__") }
                    return 0
                }
                d = callObject(m, [])
                decref(m)
            }
            if d.isNull { return 0 }
            defer { decref(d) }
            guard let items = collectIterable(d) else { return 0 }
            names = newList(items)
        }
        let sorted = callMethod(names, "sort", [])
        if sorted.isNull { decref(names); return 0 }
        decref(sorted)
        return names.raw
    }
}
