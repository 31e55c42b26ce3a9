/// Type objects as callables and namespaces, `object`, classes made by `class` statements (heap types with slot
/// wrappers that call the dunder methods, CPython: slot_tp_* / update_slot), super, and the descriptor types.

struct InstanceObject {
    var header: PyObject
    var dict: PyValue
}

struct SuperObject {
    var header: PyObject
    var type: TypePtr
    var obj: PyValue
    var objType: TypePtr
}

struct ModuleObject {
    var header: PyObject
    var dict: PyValue
}

nonisolated(unsafe) var superType: TypePtr! = nil
nonisolated(unsafe) var nameInit = PyValue.null
nonisolated(unsafe) var moduleType: TypePtr! = nil
nonisolated(unsafe) var setType: TypePtr! = nil
nonisolated(unsafe) var importErrorType: TypePtr! = nil

@inline(__always) func asType(_ v: PyValue) -> TypePtr { TypePtr(bitPattern: v.raw).unsafelyUnwrapped }
@inline(__always) func isType(_ v: PyValue) -> Bool {
    !v.isSmallInt && !v.isNull && (v.obj.pointee.type == typeType || v.obj.pointee.type.pointee.flags & TypeFlag.typeSubclass != 0)
}

/// Dealloc of built-in types whose instances are a header and a `__dict__` (SimpleNamespace).
func instanceDealloc(_ w: Word) {
    let v = PyValue(raw: w)
    if !weakrefTable.isEmpty { clearWeakrefs(v) }
    if let slot = instanceDictSlot(v) { xdecref(slot.pointee) }
    freeObject(w)
}

/// object.__new__: a zeroed instance of the (heap) type.
func objectNew(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    if (n > 0 || kw != 0) && type.pointee.initFn.map({ unsafeBitCast($0, to: UInt.self) }) == unsafeBitCast(objectInit as InitFn, to: UInt.self) {
        return raise(typeErrorType, "\(type.pointee.name)() takes no arguments").raw
    }
    if !type.pointee.isHeapType && type != objectType {
        return raise(typeErrorType, "cannot create '\(type.pointee.name)' instances").raw
    }
    let size = type.pointee.basicSize
    let p = allocObject(PyObject.self, type, extra: size - MemoryLayout<PyObject>.stride)
    (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    return UInt(bitPattern: p)
}
typealias InitFn = @convention(c) (Word, UnsafePointer<UInt>?, Int, Word) -> Int
func objectInit(_ s: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Int {
    let type = PyValue(raw: s).type
    if (n > 0 || kw != 0) {
        if type.pointee.new.map({ unsafeBitCast($0, to: UInt.self) }) == unsafeBitCast(objectNew as CallFn, to: UInt.self) {
            return raiseInt(typeErrorType, "\(type.pointee.name).__init__() takes exactly one argument (the instance to initialize)")
        }
    }
    return 0
}

func typeLookupOwn(_ t: TypePtr, _ name: String) -> PyValue {
    let d = t.pointee.dict
    return d.isNull ? .null : dictGetItemStr(d, internStr(name))
}

// MARK: class creation

/// C3 linearisation (CPython: mro_implementation). nil with TypeError when inconsistent.
func computeMRO(_ t: TypePtr, _ bases: [TypePtr]) -> [TypePtr]? {
    var seqs: [[TypePtr]] = bases.map { $0.pointee.mro } + [bases]
    var result: [TypePtr] = [t]
    while true {
        seqs = seqs.filter { !$0.isEmpty }
        if seqs.isEmpty { return result }
        var candidate: TypePtr? = nil
        for s in seqs {
            let head = s[0]
            if !seqs.contains(where: { $0.dropFirst().contains(head) }) { candidate = head; break }
        }
        guard let c = candidate else {
            // CPython: set_mro_error lists the heads left, each once.
            var heads: [TypePtr] = []
            for s in seqs where !heads.contains(s[0]) { heads.append(s[0]) }
            raise(typeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases " + heads.map { $0.pointee.name }.joined(separator: ", "))
            return nil
        }
        result.append(c)
        seqs = seqs.map { $0.first == c ? Array($0.dropFirst()) : $0 }
    }
}

// MARK: slot wrappers for heap types

/// Calls the dunder `name` found on type(v) with v as first argument; NULL and no exception when absent.
func callDunder(_ v: PyValue, _ name: String, _ args: [PyValue]) -> PyValue {
    let f = typeLookup(v.type, internDunder(name))
    if f.isNull { return .null }
    if f == pyNone {
        return raise(typeErrorType, "'\(typeName(v))' object is not callable")
    }
    if f.type == functionType || f.type == methodDescriptorType {
        // self and the arguments in a stack buffer: no Swift arrays per special-method call.
        let n = args.count
        return withUnsafeTemporaryAllocation(of: UInt.self, capacity: n + 1) { buf -> PyValue in
            buf[0] = v.raw
            for i in 0..<n { buf[i + 1] = args[i].raw }
            return callObject(f, UnsafePointer(buf.baseAddress), n + 1, 0)
        }
    }
    if let g = f.type.pointee.descrGet {
        let bound = PyValue(raw: g(f.raw, v.raw, v.type.asValue.raw))
        if bound.isNull { return .null }
        defer { decref(bound) }
        return callObject(bound, args)
    }
    return callObject(f, args)
}

func lookupSpecial(_ v: PyValue, _ name: String) -> PyValue {
    let f = typeLookup(v.type, internDunder(name))
    if f.isNull { return .null }
    if let g = f.type.pointee.descrGet { return PyValue(raw: g(f.raw, v.raw, v.type.asValue.raw)) }
    return newRef(f)
}

@inline(__always) func hasHeapDunder(_ t: TypePtr, _ name: String) -> Bool {
    let n = internStr(name)
    let buf = t.pointee.mroBuf.unsafelyUnwrapped
    for i in 0..<t.pointee.mroCount {
        let m = buf[i]
        let d = m.pointee.dict
        if d.isNull { continue }
        if !dictGetItemStr(d, n).isNull { return m.pointee.isHeapType }
    }
    return false
}

let binaryDunders: [(String, String)] = [("__add__", "__radd__"), ("__and__", "__rand__"), ("__floordiv__", "__rfloordiv__"),
    ("__lshift__", "__rlshift__"), ("__matmul__", "__rmatmul__"), ("__mul__", "__rmul__"), ("__mod__", "__rmod__"),
    ("__or__", "__ror__"), ("__pow__", "__rpow__"), ("__rshift__", "__rrshift__"), ("__sub__", "__rsub__"),
    ("__truediv__", "__rtruediv__"), ("__xor__", "__rxor__")]
let inplaceDunders = ["__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__",
                      "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__"]
let compareDunders = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"]

func heapBinary(_ op: Int, _ a: PyValue, _ b: PyValue) -> PyValue {
    if op >= 13 {
        let r = callDunder(a, inplaceDunders[op - 13], [b])
        if r.isNull && curExc.isNull { return newRef(pyNotImplemented) }
        return r
    }
    // CPython: SLOT1BINFULL — a subclass that overrides the reflected method goes first.
    let (name, rname) = binaryDunders[op]
    var doOther = b.type != a.type && b.type.pointee.isHeapType && hasHeapDunder(b.type, rname)
    if a.type.pointee.isHeapType && hasHeapDunder(a.type, name) {
        if doOther && isSubtype(b.type, a.type) && typeLookup(b.type, internStr(rname)) != typeLookup(a.type, internStr(rname)) {
            let r = callDunder(b, rname, [a])
            if r.isNull || r != pyNotImplemented { return r }
            decref(r)
            doOther = false
        }
        let r = callDunder(a, name, [b])
        if r.isNull { return .null }
        if r != pyNotImplemented || b.type == a.type { return r }
        decref(r)
    }
    if doOther {
        let r = callDunder(b, rname, [a])
        if r.isNull { return .null }
        return r
    }
    // Fall back to the built-in base's slot (e.g. an exception subclass adding nothing here).
    return newRef(pyNotImplemented)
}

func heapRichCompare(_ a: PyValue, _ b: PyValue, _ op: Int) -> PyValue {
    let r = callDunder(a, compareDunders[op], [b])
    if r.isNull && curExc.isNull { return newRef(pyNotImplemented) }
    return r
}

/// Installs slot wrappers on a heap type for each dunder a heap class in its MRO defines (CPython: fixup_slot_dispatchers).
func fixupSlots(_ t: TypePtr) {
    func has(_ n: String) -> Bool { hasHeapDunder(t, n) }
    if has("__repr__") { t.pointee.repr = { w in
        let v = PyValue(raw: w)
        let r = callDunder(v, "__repr__", [])
        if !r.isNull && r.type != strType && !isInstance(r, strType) {
            defer { decref(r) }
            return raise(typeErrorType, "__repr__ returned non-string (type \(typeName(r)))").raw
        }
        return r.raw
    } }
    if has("__str__") { t.pointee.str = { w in
        let v = PyValue(raw: w)
        let r = callDunder(v, "__str__", [])
        if !r.isNull && !isInstance(r, strType) {
            defer { decref(r) }
            return raise(typeErrorType, "__str__ returned non-string (type \(typeName(r)))").raw
        }
        return r.raw
    } }
    let hashAttr = typeLookup(t, internStr("__hash__"))
    if hashAttr == pyNone {
        t.pointee.hash = { w in raiseInt(typeErrorType, "unhashable type: '\(typeName(PyValue(raw: w)))'") }
    } else if has("__hash__") {
        t.pointee.hash = { w in
            let r = callDunder(PyValue(raw: w), "__hash__", [])
            if r.isNull { return -1 }
            defer { decref(r) }
            if !isIntLike(r) { return raiseInt(typeErrorType, "__hash__ method should return an integer") }
            let h = intHash(r)
            return h
        }
    }
    if compareDunders.contains(where: has) {
        t.pointee.richcompare = { a, b, op in heapRichCompare(PyValue(raw: a), PyValue(raw: b), op).raw }
    }
    if has("__getattr__") {
        t.pointee.getattro = { o, n in
            let r = genericGetAttr(PyValue(raw: o), PyValue(raw: n))
            if r.isNull && isInstance(curExc, attributeErrorType) {
                decref(fetchException())
                return callDunder(PyValue(raw: o), "__getattr__", [PyValue(raw: n)]).raw
            }
            return r.raw
        }
    }
    if has("__getattribute__") {
        t.pointee.getattro = { o, n in
            let r = callDunder(PyValue(raw: o), "__getattribute__", [PyValue(raw: n)])
            if r.isNull && isInstance(curExc, attributeErrorType) && hasHeapDunder(PyValue(raw: o).type, "__getattr__") {
                decref(fetchException())
                return callDunder(PyValue(raw: o), "__getattr__", [PyValue(raw: n)]).raw
            }
            return r.raw
        }
    }
    if has("__setattr__") || has("__delattr__") {
        t.pointee.setattro = { o, n, v in
            let obj = PyValue(raw: o)
            let r = v == 0 ? callDunder(obj, "__delattr__", [PyValue(raw: n)]) : callDunder(obj, "__setattr__", [PyValue(raw: n), PyValue(raw: v)])
            if r.isNull {
                if curExc.isNull { return genericSetAttr(obj, PyValue(raw: n), PyValue(raw: v)) }
                return -1
            }
            decref(r)
            return 0
        }
    }
    if has("__call__") { t.pointee.call = { f, args, n, kw in
        let m = lookupSpecial(PyValue(raw: f), "__call__")
        if m.isNull { return 0 }
        defer { decref(m) }
        return callObject(m, args, n, kw).raw
    } }
    if has("__iter__") { t.pointee.iter = { w in
        // CPython: slot_tp_iter — `__iter__ = None` marks the type as not iterable.
        if typeLookup(PyValue(raw: w).type, internStr("__iter__")) == pyNone {
            return raise(typeErrorType, "'\(typeName(PyValue(raw: w)))' object is not iterable").raw
        }
        let r = callDunder(PyValue(raw: w), "__iter__", [])
        if !r.isNull && r.type.pointee.iternext == nil {
            defer { decref(r) }
            return raise(typeErrorType, "iter() returned non-iterator of type '\(typeName(r))'").raw
        }
        return r.raw
    } }
    if has("__next__") { t.pointee.iternext = { w in callDunder(PyValue(raw: w), "__next__", []).raw } }
    if has("__len__") { t.pointee.len = { w in
        let r = callDunder(PyValue(raw: w), "__len__", [])
        if r.isNull { return -1 }
        defer { decref(r) }
        if isIntLike(r) && smallOperand(r) == nil {
            return raiseInt(overflowErrorType, "cannot fit 'int' into an index-sized integer")
        }
        guard let n = indexValue(r) else {
            if curExc.isNull { raise(typeErrorType, "'\(typeName(r))' object cannot be interpreted as an integer") }
            // CPython: slot_sq_length converts with PyNumber_AsSsize_t(res, PyExc_OverflowError).
            else if isInstance(curExc, indexErrorType) { decref(fetchException()); raise(overflowErrorType, "cannot fit 'int' into an index-sized integer") }
            return -1
        }
        if n < 0 { return raiseInt(valueErrorType, "__len__() should return >= 0") }
        return n
    } }
    if has("__bool__") { t.pointee.bool = { w in
        let r = callDunder(PyValue(raw: w), "__bool__", [])
        if r.isNull { return -1 }
        defer { decref(r) }
        if r == pyTrue { return 1 }
        if r == pyFalse { return 0 }
        return raiseInt(typeErrorType, "__bool__ should return bool, returned \(typeName(r))")
    } }
    if has("__getitem__") { t.pointee.getitem = { a, k in callDunder(PyValue(raw: a), "__getitem__", [PyValue(raw: k)]).raw } }
    if has("__setitem__") || has("__delitem__") { t.pointee.setitem = { a, k, v in
        let r = v == 0 ? callDunder(PyValue(raw: a), "__delitem__", [PyValue(raw: k)])
            : callDunder(PyValue(raw: a), "__setitem__", [PyValue(raw: k), PyValue(raw: v)])
        if r.isNull {
            if curExc.isNull { raise(attributeErrorType, v == 0 ? "__delitem__" : "__setitem__") }
            return -1
        }
        decref(r)
        return 0
    } }
    if has("__contains__") { t.pointee.contains = { a, k in
        let r = callDunder(PyValue(raw: a), "__contains__", [PyValue(raw: k)])
        if r.isNull { return -1 }
        defer { decref(r) }
        return isTrue(r)
    } }
    if has("__neg__") { t.pointee.neg = { callDunder(PyValue(raw: $0), "__neg__", []).raw } }
    if has("__pos__") { t.pointee.pos = { callDunder(PyValue(raw: $0), "__pos__", []).raw } }
    if has("__invert__") { t.pointee.invert = { callDunder(PyValue(raw: $0), "__invert__", []).raw } }
    if has("__abs__") { t.pointee.abs = { callDunder(PyValue(raw: $0), "__abs__", []).raw } }
    if has("__index__") { t.pointee.index = { callDunder(PyValue(raw: $0), "__index__", []).raw } }
    if has("__int__") { t.pointee.toInt = { callDunder(PyValue(raw: $0), "__int__", []).raw } }
    if has("__float__") { t.pointee.toFloat = { callDunder(PyValue(raw: $0), "__float__", []).raw } }
    if has("__get__") { t.pointee.descrGet = { d, o, ty in
        callDunder(PyValue(raw: d), "__get__", [o == 0 ? pyNone : PyValue(raw: o), ty == 0 ? pyNone : PyValue(raw: ty)]).raw
    } }
    if has("__init__") { t.pointee.initFn = { s, args, n, kw in
        if nameInit.isNull { nameInit = internStr("__init__") }
        let f = typeLookup(PyValue(raw: s).type, nameInit)
        let total = n + (kw == 0 ? 0 : tupleCount(PyValue(raw: kw)))
        // self followed by the arguments, in a temporary buffer (no Swift array per instance creation).
        let r = withUnsafeTemporaryAllocation(of: UInt.self, capacity: total + 1) { buf -> PyValue in
            buf[0] = s
            for i in 0..<total { buf[i + 1] = args.unsafelyUnwrapped[i] }
            return callObject(f, UnsafePointer(buf.baseAddress), n + 1, kw)
        }
        if r.isNull { return -1 }
        defer { decref(r) }
        if r != pyNone { return raiseInt(typeErrorType, "__init__() should return None, not '\(typeName(r))'") }
        return 0
    } }
    if has("__new__") { t.pointee.new = { ty, args, n, kw in
        let f = typeLookup(asType(PyValue(raw: ty)), internStr("__new__"))
        let fn = f.type == staticMethodType ? f.payload(WrapperObject.self).pointee.a : f
        var words: [UInt] = [ty]
        let total = n + (kw == 0 ? 0 : tupleCount(PyValue(raw: kw)))
        for i in 0..<total { words.append(args.unsafelyUnwrapped[i]) }
        return words.withUnsafeBufferPointer { callObject(fn, $0.baseAddress, n + 1, kw) }.raw
    } }
    let binarySlots: [BinaryFn] = [
        { heapBinary(0, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(1, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(2, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(3, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(4, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(5, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(6, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(7, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(8, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(9, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(10, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(11, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(12, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(13, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(14, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(15, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(16, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(17, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(18, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(19, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(20, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(21, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(22, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(23, PyValue(raw: $0), PyValue(raw: $1)).raw }, { heapBinary(24, PyValue(raw: $0), PyValue(raw: $1)).raw },
        { heapBinary(25, PyValue(raw: $0), PyValue(raw: $1)).raw },
    ]
    for op in 0..<13 where has(binaryDunders[op].0) || has(binaryDunders[op].1) { t.pointee.nb[op] = binarySlots[op] }
    for op in 0..<13 where has(inplaceDunders[op]) { t.pointee.nb[13 + op] = binarySlots[13 + op] }
}

// MARK: super

func superGetAttro(_ s: Word, _ n: Word) -> Word {
    let sp = PyValue(raw: s).payload(SuperObject.self)
    let name = PyValue(raw: n)
    // The MRO through its buffer: no Swift array copy (retain/release) per super() attribute.
    let objType = sp.pointee.objType
    let mro = objType.pointee.mroBuf.unsafelyUnwrapped, count = objType.pointee.mroCount
    var start = 0
    while start < count && mro[start] != sp.pointee.type { start += 1 }
    if start < count {
        for k in (start + 1)..<count {
            let m = mro[k]
            let d = m.pointee.dict
            if d.isNull { continue }
            let descr = dictGetItemStr(d, name)
            if descr.isNull { continue }
            if let g = descr.type.pointee.descrGet {
                let obj = sp.pointee.obj
                return g(descr.raw, obj == sp.pointee.objType.asValue ? 0 : obj.raw, sp.pointee.objType.asValue.raw)
            }
            return newRef(descr).raw
        }
    }
    return genericGetAttr(PyValue(raw: s), name).raw
}

func superDealloc(_ w: Word) {
    decref(PyValue(raw: w).payload(SuperObject.self).pointee.obj)
    freeObject(w)
}

nonisolated(unsafe) var nameClassCell = PyValue.null

/// super() / super(type, obj) (CPython: super_init_without_args reads the frame's first argument and __class__).
func superNew(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    var type: TypePtr
    var obj: PyValue
    if n == 0 {
        guard let f = currentFrame else { return raise(runtimeErrorType, "super(): no current frame").raw }
        let code = f.pointee.code
        if code.pointee.argCount == 0 && code.pointee.flags & 0x4 == 0 {
            return raise(runtimeErrorType, "super(): no arguments").raw
        }
        obj = f.pointee.localsplus[0]
        if code.pointee.localsKinds[0] & 0x40 != 0 && !obj.isNull && obj.type == cellType {
            obj = obj.payload(CellObject.self).pointee.ref
        }
        if obj.isNull { return raise(runtimeErrorType, "super(): arg[0] deleted").raw }
        var found: TypePtr? = nil
        // Local names are interned: compare with the interned "__class__" (no Swift String per local per call).
        if nameClassCell.isNull { nameClassCell = internStr("__class__") }
        for i in 0..<code.pointee.nlocalsplus where code.pointee.localsNames[i] == nameClassCell {
            let cell = f.pointee.localsplus[i]
            if cell.isNull || cell.type != cellType { return raise(runtimeErrorType, "super(): bad __class__ cell").raw }
            let c = cell.payload(CellObject.self).pointee.ref
            if c.isNull { return raise(runtimeErrorType, "super(): empty __class__ cell").raw }
            found = asType(c)
        }
        guard let ft = found else { return raise(runtimeErrorType, "super(): __class__ cell not found").raw }
        type = ft
    } else {
        let a = args.unsafelyUnwrapped
        guard isType(PyValue(raw: a[0])) else { return raise(typeErrorType, "super() argument 1 must be a type, not \(typeName(PyValue(raw: a[0])))").raw }
        type = asType(PyValue(raw: a[0]))
        obj = n > 1 ? PyValue(raw: a[1]) : pyNone
    }
    let objType = isType(obj) && isSubtype(asType(obj), type) ? asType(obj) : obj.type
    if !isSubtype(objType, type) {
        return raise(typeErrorType, "super(type, obj): obj must be an instance or subtype of type").raw
    }
    let p = allocObject(SuperObject.self, superType)
    p.pointee.type = type
    p.pointee.obj = newRef(obj)
    p.pointee.objType = objType
    return UInt(bitPattern: p)
}

// MARK: modules

func moduleGetAttro(_ m: Word, _ n: Word) -> Word {
    let d = PyValue(raw: m).payload(ModuleObject.self).pointee.dict
    let name = PyValue(raw: n)
    let v = dictGetItemStr(d, name)
    if !v.isNull { return newRef(v).raw }
    if strSwift(name) == "__dict__" { return newRef(d).raw }
    return moduleMissingAttribute(PyValue(raw: m), name).raw
}

func moduleName(_ m: PyValue) -> String {
    if m.type != moduleType { return "?" }
    let n = dictGetItemStr(m.payload(ModuleObject.self).pointee.dict, internStr("__name__"))
    return n.isNull ? "?" : strSwift(n)
}

package func newModule(_ name: String) -> PyValue {
    let p = allocObject(ModuleObject.self, moduleType)
    p.pointee.dict = newDict()
    _ = dictSetItem(p.pointee.dict, internStr("__name__"), internStr(name))
    return PyValue(raw: UInt(bitPattern: p))
}

func moduleNotFoundErrorType() -> TypePtr {
    for (n, t) in exceptionTypes where n == "ModuleNotFoundError" { return t }
    return importErrorType
}
