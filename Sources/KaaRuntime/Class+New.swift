import KaaCore
/// Class creation: `__build_class__` (metaclass calculation, `__prepare__`, class keywords) and `type.__new__`
/// (CPython: Python/bltinmodule.c builtin___build_class__, Objects/typeobject.c type_new): best base and instance
/// layout, `__slots__` (member descriptors), `__dict__`/`__weakref__`, `__qualname__`, `__set_name__`,
/// `__init_subclass__` with the class keywords; the dealloc of instances of classes (subtype_dealloc).

/// What a heap type keeps beside its TypeObject (a side table keeps TypeObject's layout shared and small).
struct HeapTypeInfo {
    var qualname: PyValue = .null
    /// The type whose instance layout this one extends (CPython: solid_base).
    var solid: TypePtr? = nil
    /// Offsets of the `__slots__` members this class adds (decref'd by subtypeDealloc).
    var slotOffsets: [Int] = []
    /// No `__slots__`, or `__dict__` / `__weakref__` among them (sys.getsizeof computes CPython's layout from these).
    var wantsDict = true
    var wantsWeak = true
}

nonisolated(unsafe) var heapTypeInfo: [UInt: HeapTypeInfo] = [:]

/// Stores in `t` the offsets of every `__slots__` member of its instances — its own and those of the heap types
/// it extends — so dealloc and the cycle collector walk them without looking up `heapTypeInfo`.
func setMemberOffsets(_ t: TypePtr, own: [Int]) {
    var all = own
    if let b = t.pointee.base, b.pointee.isHeapType, let offs = b.pointee.memberOffsets {
        for i in 0..<b.pointee.memberCount { all.append(offs[i]) }
    }
    if all.isEmpty { t.pointee.memberOffsets = nil; t.pointee.memberCount = 0; return }
    let buf = UnsafeMutablePointer<Int>.allocate(capacity: all.count)
    buf.initialize(from: all, count: all.count)
    t.pointee.memberOffsets = buf
    t.pointee.memberCount = all.count
}
/// `type.__subclasses__()`: direct subclasses in creation order (types are immortal, so plain pointers).
nonisolated(unsafe) var subclassTable: [UInt: [TypePtr]] = [:]

extension TypeFlag {
    /// Instances can be weakly referenced (CPython: tp_weaklistoffset != 0).
    static let weakrefable: UInt = 1 << 12
    /// The type defines `__del__` (CPython: tp_finalize of a heap type).
    static let hasFinalizer: UInt = 1 << 13
}

/// The base whose instance layout a type extends (CPython: solid_base).
func solidBase(_ t: TypePtr) -> TypePtr {
    if t.pointee.isHeapType, let s = heapTypeInfo[UInt(bitPattern: t)]?.solid { return s }
    guard let b = t.pointee.base else { return t }
    let bs = solidBase(b)
    if t.pointee.basicSize != b.pointee.basicSize && !(t.pointee.isHeapType) { return t }
    return bs
}

/// CPython: _PyType_CalculateMetaclass.
func calculateMetaclass(_ meta: TypePtr, _ bases: PyValue) -> TypePtr? {
    var winner = meta
    for i in 0..<tupleCount(bases) {
        let tmp = tupleItem(bases, i).type
        if isSubtype(winner, tmp) { continue }
        if isSubtype(tmp, winner) { winner = tmp; continue }
        raise(typeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        return nil
    }
    return winner
}

/// Arguments after the three of `type(name, bases, ns, **kw)`: the keyword names and values.
struct ClassKeywords {
    var names: [PyValue] = []
    var values: [PyValue] = []
}

/// type.__new__(meta, name, bases, ns, **kw) (CPython: type_new).
func makeClass(_ name: PyValue, _ basesArg: PyValue, _ ns: PyValue, meta metaArg: TypePtr? = nil,
               keywords: ClassKeywords = ClassKeywords()) -> PyValue {
    var meta = metaArg ?? typeType!
    if !isInstance(name, strType) {
        return raise(typeErrorType, "type.__new__() argument 1 must be str, not \(typeName(name))")
    }
    if !isInstance(basesArg, tupleType) {
        return raise(typeErrorType, "type.__new__() argument 2 must be tuple, not \(typeName(basesArg))")
    }
    if !isInstance(ns, dictType) {
        return raise(typeErrorType, "type.__new__() argument 3 must be dict, not \(typeName(ns))")
    }
    guard let winner = calculateMetaclass(meta, basesArg) else { return .null }
    if winner != meta {
        // A more derived metaclass with its own __new__ takes over (CPython: type_new_get_bases).
        if let nf = winner.pointee.new, unsafeBitCast(nf, to: UInt.self) != unsafeBitCast(typeNewSlot as CallFn, to: UInt.self) {
            var args = [name, basesArg, ns] + keywords.values
            let kwn = keywords.names.isEmpty ? PyValue.null : newTuple(keywords.names.map { newRef($0) })
            defer { xdecref(kwn) }
            return args.withUnsafeMutableBufferPointer { buf in
                PyValue(raw: nf(winner.asValue.raw, UnsafeRawPointer(buf.baseAddress!).assumingMemoryBound(to: UInt.self), 3, kwn.raw))
            }
        }
        meta = winner
    }
    var bases: [TypePtr] = []
    for i in 0..<tupleCount(basesArg) {
        let b = tupleItem(basesArg, i)
        if !isType(b) { return raise(typeErrorType, "bases must be types") }
        let bt = asType(b)
        if bt.pointee.flags & TypeFlag.baseType == 0 {
            return raise(typeErrorType, "type '\(bt.pointee.name)' is not an acceptable base type")
        }
        if bases.contains(bt) { return raise(typeErrorType, "duplicate base class \(bt.pointee.name)") }
        bases.append(bt)
    }
    let basesTuple: PyValue
    if bases.isEmpty {
        bases = [objectType]
        basesTuple = newTuple([newRef(objectType.asValue)])
    } else {
        basesTuple = newRef(basesArg)
    }
    defer { decref(basesTuple) }
    // best_base: the base whose layout is the most derived.
    var best: TypePtr? = nil
    var winnerSolid: TypePtr? = nil
    for b in bases {
        let s = solidBase(b)
        if winnerSolid == nil { winnerSolid = s; best = b }
        else if isSubtype(winnerSolid!, s) { }
        else if isSubtype(s, winnerSolid!) { winnerSolid = s; best = b }
        else { return raise(typeErrorType, "multiple bases have instance lay-out conflict") }
    }
    let base = best!
    if !isSubtype(base, objectType) || (!base.pointee.isHeapType && base != objectType && !builtinSubclassable(base)) {
        return raise(typeErrorType, "subclassing '\(base.pointee.name)' is not supported yet")
    }
    let clsName = strSwift(name)
    // __slots__
    let slotsValue = dictGetItemStr(ns, internStr("__slots__"))
    var slotNames: [PyValue] = []
    var addDict = base.pointee.dictOffset == 0
    var addWeak = base.pointee.flags & TypeFlag.weakrefable == 0
    var slotsWantDict = true, slotsWantWeak = true
    if !slotsValue.isNull {
        var items: [PyValue]
        if isInstance(slotsValue, strType) { items = [newRef(slotsValue)] } else {
            guard let its = collectIterable(slotsValue) else { return .null }
            items = its
        }
        defer { for x in items { decref(x) } }
        var wantDict = false, wantWeak = false
        for s in items {
            if !isInstance(s, strType) {
                return raise(typeErrorType, "__slots__ items must be strings, not '\(typeName(s))'")
            }
            let str = strSwift(s)
            if !isIdentifierString(str) { return raise(typeErrorType, "__slots__ must be identifiers") }
            if str == "__dict__" {
                if !addDict || wantDict { return raise(typeErrorType, "__dict__ slot disallowed: we already got one") }
                wantDict = true
                continue
            }
            if str == "__weakref__" {
                if !addWeak || wantWeak { return raise(typeErrorType, "__weakref__ slot disallowed: we already got one") }
                wantWeak = true
                continue
            }
            var mangled = str
            if str.hasPrefix("__") && !str.hasSuffix("__") {
                let stripped = clsName.drop(while: { $0 == "_" })
                if !stripped.isEmpty { mangled = "_" + stripped + str }
            }
            let m = internStr(mangled)
            if !dictGetItemStr(ns, m).isNull {
                return raise(valueErrorType, "'\(mangled)' in __slots__ conflicts with class variable")
            }
            slotNames.append(m)
        }
        addDict = addDict && wantDict
        addWeak = addWeak && wantWeak
        slotsWantDict = wantDict; slotsWantWeak = wantWeak
    }
    let layoutBase = builtinBase(base)
    let varSized = isVarSizedBuiltin(layoutBase)
    if varSized && !slotNames.isEmpty {
        return raise(typeErrorType, "nonempty __slots__ not supported for subtype of '\(layoutBase.pointee.name)'")
    }
    var size = base.pointee.basicSize
    var slotOffsets: [Int] = []
    for _ in slotNames { slotOffsets.append(size); size += 8 }
    var dictOffset = base.pointee.dictOffset
    if addDict {
        if varSized { dictOffset = -1 } else { dictOffset = size; size += 8 }
    }
    let t = newType(clsName, base: base, basicSize: size, dealloc: subtypeDealloc, flags: TypeFlag.baseType)
    t.pointee.header.type = meta
    t.pointee.isHeapType = true
    t.pointee.dictOffset = dictOffset
    if addWeak { t.pointee.flags |= TypeFlag.weakrefable }
    // Instances of classes are containers, except the type objects a metaclass makes (immortal here).
    if !isSubtype(base, typeType) { t.pointee.flags |= TypeFlag.gcTracked }
    t.pointee.flags &= ~TypeFlag.hasFinalizer
    for b in bases where b != base { inheritSlots(t, from: b) }
    t.pointee.dictOffset = dictOffset
    var info = HeapTypeInfo()
    info.solid = slotNames.isEmpty ? solidBase(base) : t
    info.slotOffsets = slotOffsets
    info.wantsDict = slotsWantDict
    info.wantsWeak = slotsWantWeak
    heapTypeInfo[UInt(bitPattern: t)] = info
    setMemberOffsets(t, own: slotOffsets)
    t.pointee.dict = dictCopy(ns)
    let d = t.pointee.dict
    // __module__ from the calling frame's globals; __qualname__ leaves the dict (CPython: type_new_set_attrs).
    if dictGetItemStr(d, internStr("__module__")).isNull, let f = currentFrame {
        let m = dictGetItemStr(f.pointee.globals, internStr("__name__"))
        if !m.isNull { _ = dictSetItem(d, internStr("__module__"), m) }
    }
    let q = dictGetItemStr(d, internStr("__qualname__"))
    if !q.isNull {
        if !isInstance(q, strType) {
            return raise(typeErrorType, "type __qualname__ must be a str, not \(typeName(q))")
        }
        heapTypeInfo[UInt(bitPattern: t)]!.qualname = newRef(q)
        _ = dictDelItem(d, internStr("__qualname__"))
    } else {
        heapTypeInfo[UInt(bitPattern: t)]!.qualname = newRef(name)
    }
    for (i, m) in slotNames.enumerated() where dictGetItemStr(d, m).isNull {
        let md = newMemberDescriptor(t, m, offset: slotOffsets[i])
        _ = dictSetItem(d, m, md)
        decref(md)
    }
    if addDict { addGetSet(t, "__dict__", instanceDictGetter, instanceDictSetter) }
    if addWeak { addGetSet(t, "__weakref__", { w in newRef(firstWeakref(PyValue(raw: w))).raw }) }
    let newFn = dictGetItemStr(d, internStr("__new__"))
    if !newFn.isNull && newFn.type == functionType {
        let sm = newWrapper(staticMethodType, newFn)
        _ = dictSetItem(d, internStr("__new__"), sm)
        decref(sm)
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        let f = dictGetItemStr(d, internStr(n))
        if !f.isNull && f.type == functionType {
            let cm = newWrapper(classMethodType, f)
            _ = dictSetItem(d, internStr(n), cm)
            decref(cm)
        }
    }
    if !dictGetItemStr(d, internStr("__eq__")).isNull && dictGetItemStr(d, internStr("__hash__")).isNull {
        _ = dictSetItem(d, internStr("__hash__"), pyNone)
    }
    if dictGetItemStr(d, internStr("__doc__")).isNull { _ = dictSetItem(d, internStr("__doc__"), pyNone) }
    let cell = dictGetItemStr(d, internStr("__classcell__"))
    if !cell.isNull {
        if cell.type != cellType {
            return raise(typeErrorType, "__classcell__ must be a nonlocal cell, not \(typeName(cell))")
        }
        let c = cell.payload(CellObject.self)
        xdecref(c.pointee.ref)
        c.pointee.ref = newRef(t.asValue)
        _ = dictDelItem(d, internStr("__classcell__"))
    }
    _ = dictSetItem(d, internStr("__bases__"), basesTuple)
    // MRO: C3, or the metaclass's own mro() (CPython: mro_internal).
    guard let c3 = computeMRO(t, bases) else { return .null }
    setMRO(t, c3)
    if meta != typeType && hasHeapDunder(meta, "mro") {
        let r = callMethod(t.asValue, "mro", [])
        if r.isNull { return .null }
        defer { decref(r) }
        guard let items = collectIterable(r) else { return .null }
        var mro: [TypePtr] = []
        for x in items {
            defer { decref(x) }
            if !isType(x) { return raise(typeErrorType, "mro() returned a non-class ('\(typeName(x))')") }
            mro.append(asType(x))
        }
        setMRO(t, mro)
    }
    for b in bases { subclassTable[UInt(bitPattern: b), default: []].append(t) }
    if movableBuiltins.contains(UInt(bitPattern: layoutBase)) { t.pointee.new = builtinSubtypeNew }
    fixupSlots(t)
    if hasHeapDunder(t, "__del__") { t.pointee.flags |= TypeFlag.hasFinalizer }
    // __set_name__ on the namespace's values, then super(t, t).__init_subclass__(**kw).
    var pos = 0
    var setNames: [(PyValue, PyValue)] = []
    while let e = dictNext(d, &pos) { setNames.append((newRef(e.key), newRef(e.value))) }
    defer { for (k, v) in setNames { decref(k); decref(v) } }
    for (k, v) in setNames {
        let sn = typeLookup(v.type, internStr("__set_name__"))
        if sn.isNull { continue }
        let r = callDunder(v, "__set_name__", [t.asValue, k])
        if r.isNull {
            let cause = fetchException()
            let kr = objectRepr(k)
            let ks = kr.isNull ? "?" : strSwift(kr)
            xdecref(kr)
            raise(runtimeErrorType, "Error calling __set_name__ on '\(typeName(v))' instance \(ks) in '\(clsName)'")
            let e = curExc.payload(ExceptionObject.self)
            e.pointee.cause = newRef(cause)
            e.pointee.context = cause
            e.pointee.suppressContext = true
            return .null
        }
        decref(r)
    }
    let superObj = newSuper(t, t.asValue)
    let isub = getAttr(superObj, internStr("__init_subclass__"))
    decref(superObj)
    if isub.isNull { return .null }
    let r = callObject(isub, keywords.values, kwnames: keywords.names.isEmpty ? .null : newTuple(keywords.names.map { newRef($0) }))
    decref(isub)
    if r.isNull { return .null }
    decref(r)
    return t.asValue
}

/// super(type, obj) built from Swift.
func newSuper(_ type: TypePtr, _ obj: PyValue) -> PyValue {
    let p = allocObject(SuperObject.self, superType)
    p.pointee.type = type
    p.pointee.obj = newRef(obj)
    p.pointee.objType = isType(obj) && isSubtype(asType(obj), type) ? asType(obj) : obj.type
    return PyValue(raw: UInt(bitPattern: p))
}

func isIdentifierString(_ s: String) -> Bool {
    guard let f = s.unicodeScalars.first else { return false }
    if !UnicodeType.isIdentifierStart(f.value) { return false } // CPython 3.11's Unicode 14 data
    return s.unicodeScalars.dropFirst().allSatisfy { UnicodeType.isXIDContinue($0.value) }
}

/// Built-in types a class statement may extend in this runtime (their tp_new allocates the subtype's size).
func builtinSubclassable(_ t: TypePtr) -> Bool {
    if isSubtype(t, baseExceptionType) || t == typeType || isSubtype(t, typeType) { return true }
    return builtinSubclassNew[UInt(bitPattern: t)] != nil
}
/// tp_new of built-in types that support subclasses: (subtype, args...) → an instance of the subtype.
nonisolated(unsafe) var builtinSubclassNew: [UInt: CallFn] = [:]

/// The instance `__dict__` getset of classes (CPython: subtype_dict / subtype_setdict).
func instanceDictGetter(_ w: Word) -> Word {
    guard let slot = instanceDictSlot(PyValue(raw: w)) else {
        return raise(attributeErrorType, "This object has no __dict__").raw
    }
    if slot.pointee.isNull { slot.pointee = newDict() }
    return newRef(slot.pointee).raw
}
func instanceDictSetter(_ w: Word, _ v: Word) -> Int {
    guard let slot = instanceDictSlot(PyValue(raw: w)) else {
        return raiseInt(attributeErrorType, "This object has no __dict__")
    }
    if v == 0 { // CPython 3.11 subtype_setdict: the slot empties; the next use makes a new dict
        let old = slot.pointee
        slot.pointee = .null
        xdecref(old)
        return 0
    }
    if !isInstance(PyValue(raw: v), dictType) {
        return raiseInt(typeErrorType, "__dict__ must be set to a dictionary, not a '\(typeName(PyValue(raw: v)))'")
    }
    let old = slot.pointee
    slot.pointee = newRef(PyValue(raw: v))
    xdecref(old)
    return 0
}

// MARK: __build_class__

/// __build_class__(func, name, *bases, metaclass=None, **kwds) (CPython: builtin___build_class__).
func buildClass(_ s: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    if n < 2 { return raise(typeErrorType, "__build_class__: not enough arguments").raw }
    let a = args.unsafelyUnwrapped
    let fn = PyValue(raw: a[0]), name = PyValue(raw: a[1])
    if fn.type != functionType { return raise(typeErrorType, "__build_class__: func must be a function").raw }
    if !isInstance(name, strType) { return raise(typeErrorType, "__build_class__: name is not a string").raw }
    let bases = newTupleFrom(a + 2, n - 2)
    defer { decref(bases) }
    var metaArg = PyValue.null
    var keywords = ClassKeywords()
    if kw != 0 {
        let names = PyValue(raw: kw)
        for i in 0..<tupleCount(names) {
            if strSwift(tupleItem(names, i)) == "metaclass" { metaArg = PyValue(raw: a[n + i]) }
            else { keywords.names.append(tupleItem(names, i)); keywords.values.append(PyValue(raw: a[n + i])) }
        }
    }
    var meta: PyValue
    if metaArg.isNull {
        meta = tupleCount(bases) == 0 ? typeType.asValue : tupleItem(bases, 0).type.asValue
    } else {
        meta = metaArg
    }
    if isType(meta) {
        guard let w = calculateMetaclass(asType(meta), bases) else { return 0 }
        meta = w.asValue
    }
    let kwnames = keywords.names.isEmpty ? PyValue.null : newTuple(keywords.names.map { newRef($0) })
    defer { xdecref(kwnames) }
    // ns = meta.__prepare__(name, bases, **kwds)
    var ns: PyValue
    let prep = lookupAttrOptional(meta, internStr("__prepare__"))
    if prep.isNull {
        if !curExc.isNull { return 0 }
        ns = newDict()
    } else {
        ns = callObject(prep, [name, bases] + keywords.values, kwnames: kwnames)
        decref(prep)
        if ns.isNull { return 0 }
        if ns.type.pointee.getitem == nil {
            let mname = isType(meta) ? asType(meta).pointee.name : "<metaclass>"
            decref(ns)
            return raise(typeErrorType, "\(mname).__prepare__() must return a mapping, not \(typeName(ns))").raw
        }
    }
    defer { decref(ns) }
    let f = fn.payload(FunctionObject.self)
    let r = runCode(f.pointee.code, globals: f.pointee.globals, builtins: f.pointee.builtins, locals: ns, function: fn)
    if r.isNull { return 0 }
    if r.type == cellType {
        if setItem(ns, internStr("__classcell__"), r) < 0 { decref(r); return 0 }
    }
    let cls = callObject(meta, [name, bases, ns] + keywords.values, kwnames: kwnames)
    if !cls.isNull && r.type == cellType {
        let cellValue = r.payload(CellObject.self).pointee.ref
        if cellValue != cls && isType(cls) {
            decref(cls); decref(r)
            if cellValue.isNull {
                return raise(runtimeErrorType, "__class__ not set defining '\(strSwift(name))' as \(strSwift(objectRepr(cls))). Was __classcell__ propagated to type.__new__?").raw
            }
            return raise(typeErrorType, "__class__ set to \(strSwift(objectRepr(cellValue))) defining '\(strSwift(name))' as \(strSwift(objectRepr(cls)))").raw
        }
    }
    decref(r)
    return cls.raw
}

// MARK: tp_new / tp_init of type

/// type's tp_new as a slot: (metatype, name, bases, ns, **kw).
func typeNewSlot(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let meta = asType(PyValue(raw: t))
    if meta == typeType && n == 1 && kw == 0 { return newRef(PyValue(raw: args.unsafelyUnwrapped[0]).type.asValue).raw }
    if n != 3 {
        if meta == typeType { return raise(typeErrorType, "type() takes 1 or 3 arguments").raw }
        return raise(typeErrorType, "type.__new__() takes exactly 3 arguments (\(n) given)").raw
    }
    let a = args.unsafelyUnwrapped
    var keywords = ClassKeywords()
    if kw != 0 {
        let names = PyValue(raw: kw)
        for i in 0..<tupleCount(names) { keywords.names.append(tupleItem(names, i)); keywords.values.append(PyValue(raw: a[n + i])) }
    }
    return makeClass(PyValue(raw: a[0]), PyValue(raw: a[1]), PyValue(raw: a[2]), meta: meta, keywords: keywords).raw
}

func typeInitSlot(_ s: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Int {
    if kw != 0 && n == 1 && tupleCount(PyValue(raw: kw)) > 0 {
        return raiseInt(typeErrorType, "type.__init__() takes no keyword arguments")
    }
    if n != 1 && n != 3 { return raiseInt(typeErrorType, "type.__init__() takes 1 or 3 arguments") }
    return 0
}

// MARK: dealloc of class instances (CPython: subtype_dealloc + PEP 442 finalizers)

/// Objects whose `__del__` already ran (PEP 442: a finalizer runs once, even after resurrection).
nonisolated(unsafe) var finalizedObjects = Set<UInt>()

func subtypeDealloc(_ w: Word) {
    let v = PyValue(raw: w)
    let t = v.type
    if t.pointee.flags & TypeFlag.hasFinalizer != 0 && !isFinalizedWord(w) {
        // Resurrect for the call; if __del__ stored a new reference the object lives on.
        v.obj.pointee.refcount = 1
        setFinalizedWord(w)
        callFinalizer(v)
        v.obj.pointee.refcount -= 1
        if v.obj.pointee.refcount > 0 { return }
    }
    if !weakrefTable.isEmpty { clearWeakrefs(v) }
    if !finalizedObjects.isEmpty { finalizedObjects.remove(w) }
    // Clear what the heap types of the MRO added (slots, dict), then the built-in base frees the memory.
    if let offs = t.pointee.memberOffsets {
        for i in 0..<t.pointee.memberCount {
            let p = (UnsafeMutableRawPointer(bitPattern: w).unsafelyUnwrapped + offs[i]).assumingMemoryBound(to: PyValue.self)
            let old = p.pointee
            p.pointee = .null
            xdecref(old)
        }
    }
    let layout = builtinBase(t)
    if layout.pointee.dictOffset == 0, let slot = instanceDictSlot(v) {
        let old = slot.pointee
        slot.pointee = .null
        xdecref(old)
    }
    if layout == objectType { freeObject(w) } else { layout.pointee.dealloc(w) }
}

/// Calls `type(v).__del__(v)`; an exception is reported as "Exception ignored in: ..." (CPython: slot_tp_finalize).
func callFinalizer(_ v: PyValue) {
    let saved = fetchException()
    let del = typeLookup(v.type, internStr("__del__"))
    if !del.isNull {
        incref(del)
        let r: PyValue
        if del.type == functionType { r = callObject(del, [v]) }
        else if let g = del.type.pointee.descrGet {
            let bound = PyValue(raw: g(del.raw, v.raw, v.type.asValue.raw))
            if bound.isNull { r = .null } else { r = callObject(bound, []); decref(bound) }
        } else { r = callObject(del, []) }
        if r.isNull { writeUnraisable(del) } else { decref(r) }
        decref(del)
    }
    if !saved.isNull { xdecref(curExc); curExc = saved }
}

/// Prints the current exception as CPython's PyErr_WriteUnraisable: "Exception ignored in: repr(obj)" and the
/// traceback, then clears it.
func writeUnraisable(_ obj: PyValue) {
    let exc = fetchException()
    if exc.isNull { return }
    var out = ""
    if !obj.isNull {
        let r = objectRepr(obj)
        if r.isNull { decref(fetchException()); out += "Exception ignored in: <object repr() failed>\n" }
        else { out += "Exception ignored in: \(strSwift(r))\n"; decref(r) }
    }
    var seen = Set<UInt>()
    formatException(exc, into: &out, seen: &seen, chain: false)
    writeStderr(out)
    decref(exc)
}

/// At exit, `__main__`'s globals are set to None, names with one leading underscore first, so the objects they
/// held die (and their `__del__` run) in CPython's order (CPython: _PyModule_ClearDict during finalization).
func clearModuleDict(_ d: PyValue) {
    for pass in 0..<2 {
        var keys: [PyValue] = []
        var pos = 0
        while let e = dictNext(d, &pos) {
            if e.value == pyNone || !isInstance(e.key, strType) { continue }
            let n = strCount(e.key), c = strData(e.key)
            if pass == 0 {
                if n >= 1 && c[0] == 95 && (n < 2 || c[1] != 95) { keys.append(newRef(e.key)) }
            } else if strSwift(e.key) != "__builtins__" {
                keys.append(newRef(e.key))
            }
        }
        for k in keys {
            _ = dictSetItem(d, k, pyNone)
            if !curExc.isNull { writeUnraisable(.null) }
            decref(k)
        }
    }
}
