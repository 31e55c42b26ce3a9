/// Data descriptors of built-in types and of `__slots__` (CPython: Objects/descrobject.c getset_descriptor and
/// member_descriptor). A getset holds a getter and an optional setter as C function pointers; a member descriptor
/// reads and writes one PyValue word at a fixed offset of the instance (a `__slots__` entry).

typealias GetterFn = @convention(c) (Word) -> Word
/// Setter: object, value (0 = delete) → 0, or -1 with an exception set.
typealias SetterFn = @convention(c) (Word, Word) -> Int

struct GetSetObject {
    var header: PyObject
    var name: PyValue
    var owner: TypePtr
    var get: GetterFn?
    var set: SetterFn?
}

struct MemberObject {
    var header: PyObject
    var name: PyValue
    var owner: TypePtr
    var offset: Int
}

nonisolated(unsafe) var getSetType: TypePtr! = nil
nonisolated(unsafe) var memberType: TypePtr! = nil

/// Adds a getset descriptor `name` to a type's dict (immortal, as the type).
func addGetSet(_ t: TypePtr, _ name: String, _ get: GetterFn?, _ set: SetterFn? = nil) {
    let p = allocObject(GetSetObject.self, getSetType)
    p.pointee.header.refcount = immortalRefcount
    p.pointee.name = internStr(name)
    p.pointee.owner = t
    p.pointee.get = get
    p.pointee.set = set
    _ = dictSetItem(t.pointee.dict, internStr(name), PyValue(p.withMemoryRebound(to: PyObject.self, capacity: 1) { $0 }))
}

func newMemberDescriptor(_ t: TypePtr, _ name: PyValue, offset: Int) -> PyValue {
    let p = allocObject(MemberObject.self, memberType)
    p.pointee.name = newRef(name)
    p.pointee.owner = t
    p.pointee.offset = offset
    return PyValue(p.withMemoryRebound(to: PyObject.self, capacity: 1) { $0 })
}

/// True for descriptors whose type defines `__set__`/`__delete__` (CPython: PyDescr_IsData).
func isDataDescriptorType(_ t: TypePtr) -> Bool {
    if t == propertyType || t == getSetType || t == memberType { return true }
    if isSubtype(t, propertyType) { return true }
    return t.pointee.isHeapType && (!typeLookup(t, internStr("__set__")).isNull || !typeLookup(t, internStr("__delete__")).isNull)
}

/// Sets (value) or deletes (NULL) through a data descriptor; nil when `descr` is not one (CPython: tp_descr_set).
func descriptorSet(_ descr: PyValue, _ obj: PyValue, _ value: PyValue) -> Int? {
    let t = descr.type
    if t == getSetType {
        let g = descr.payload(GetSetObject.self)
        guard let s = g.pointee.set else {
            let n = strSwift(g.pointee.name)
            if n == "__dict__" || n == "__class__" || n == "__weakref__" {
                return raiseInt(attributeErrorType, "attribute '\(n)' of '\(g.pointee.owner.pointee.name)' objects is not writable")
            }
            return raiseInt(attributeErrorType, "attribute '\(n)' of '\(g.pointee.owner.pointee.name)' objects is not writable")
        }
        return s(obj.raw, value.raw)
    }
    if t == memberType {
        let m = descr.payload(MemberObject.self)
        if !isInstance(obj, m.pointee.owner) {
            return raiseInt(typeErrorType, "descriptor '\(strSwift(m.pointee.name))' for '\(m.pointee.owner.pointee.name)' objects doesn't apply to a '\(typeName(obj))' object")
        }
        let slot = (UnsafeMutableRawPointer(bitPattern: obj.raw).unsafelyUnwrapped + m.pointee.offset).assumingMemoryBound(to: PyValue.self)
        if value.isNull {
            if slot.pointee.isNull { return raiseInt(attributeErrorType, strSwift(m.pointee.name)) }
            let old = slot.pointee
            slot.pointee = .null
            decref(old)
            return 0
        }
        let old = slot.pointee
        slot.pointee = newRef(value)
        xdecref(old)
        return 0
    }
    if t == propertyType || isSubtype(t, propertyType) { return propertySet(descr, obj, value) }
    if t.pointee.isHeapType {
        let setter = typeLookup(t, internStr(value.isNull ? "__delete__" : "__set__"))
        if setter.isNull {
            if !typeLookup(t, internStr(value.isNull ? "__set__" : "__delete__")).isNull {
                return raiseInt(attributeErrorType, value.isNull ? "__delete__" : "__set__")
            }
            return nil
        }
        let r = value.isNull ? callObject(setter, [descr, obj]) : callObject(setter, [descr, obj, value])
        if r.isNull { return -1 }
        decref(r)
        return 0
    }
    return nil
}

func installDescriptorTypes() {
    getSetType = newType("getset_descriptor", base: objectType, basicSize: MemoryLayout<GetSetObject>.stride,
                         dealloc: deallocNever)
    memberType = newType("member_descriptor", base: objectType, basicSize: MemoryLayout<MemberObject>.stride,
                         dealloc: { w in
                             decref(PyValue(raw: w).payload(MemberObject.self).pointee.name)
                             freeObject(w)
                         })
    for t in [getSetType!, memberType!] {
        t.pointee.dict = newDict()
        t.pointee.getattro = genericGetAttrSlot
    }
    getSetType.pointee.descrGet = { d, o, _ in
        if o == 0 { return newRef(PyValue(raw: d)).raw }
        let g = PyValue(raw: d).payload(GetSetObject.self)
        let obj = PyValue(raw: o)
        if !isInstance(obj, g.pointee.owner) {
            return raise(typeErrorType, "descriptor '\(strSwift(g.pointee.name))' for '\(g.pointee.owner.pointee.name)' objects doesn't apply to a '\(typeName(obj))' object").raw
        }
        guard let get = g.pointee.get else {
            return raise(attributeErrorType, "attribute '\(strSwift(g.pointee.name))' of '\(g.pointee.owner.pointee.name)' objects is not readable").raw
        }
        return get(o)
    }
    getSetType.pointee.repr = { w in
        let g = PyValue(raw: w).payload(GetSetObject.self)
        return newStr("<attribute '\(strSwift(g.pointee.name))' of '\(g.pointee.owner.pointee.name)' objects>").raw
    }
    memberType.pointee.descrGet = { d, o, _ in
        if o == 0 { return newRef(PyValue(raw: d)).raw }
        let m = PyValue(raw: d).payload(MemberObject.self)
        let obj = PyValue(raw: o)
        if !isInstance(obj, m.pointee.owner) {
            return raise(typeErrorType, "descriptor '\(strSwift(m.pointee.name))' for '\(m.pointee.owner.pointee.name)' objects doesn't apply to a '\(typeName(obj))' object").raw
        }
        let v = (UnsafeMutableRawPointer(bitPattern: o).unsafelyUnwrapped + m.pointee.offset).assumingMemoryBound(to: PyValue.self).pointee
        if v.isNull {
            return raise(attributeErrorType, "'\(typeName(obj))' object has no attribute '\(strSwift(m.pointee.name))'").raw
        }
        return newRef(v).raw
    }
    memberType.pointee.repr = { w in
        let m = PyValue(raw: w).payload(MemberObject.self)
        return newStr("<member '\(strSwift(m.pointee.name))' of '\(m.pointee.owner.pointee.name)' objects>").raw
    }
    for t in [getSetType!, memberType!] {
        addGetSet(t, "__name__", { w in
            PyValue(raw: w).type == getSetType ? newRef(PyValue(raw: w).payload(GetSetObject.self).pointee.name).raw
                : newRef(PyValue(raw: w).payload(MemberObject.self).pointee.name).raw
        })
        addGetSet(t, "__qualname__", { w in
            let v = PyValue(raw: w)
            let (n, o) = v.type == getSetType ? (v.payload(GetSetObject.self).pointee.name, v.payload(GetSetObject.self).pointee.owner)
                : (v.payload(MemberObject.self).pointee.name, v.payload(MemberObject.self).pointee.owner)
            return newStr("\(o.pointee.name).\(strSwift(n))").raw
        })
        addGetSet(t, "__objclass__", { w in
            let v = PyValue(raw: w)
            let o = v.type == getSetType ? v.payload(GetSetObject.self).pointee.owner : v.payload(MemberObject.self).pointee.owner
            return newRef(o.asValue).raw
        })
        addGetSet(t, "__doc__", { _ in newRef(pyNone).raw })
        addMethod(t, "__get__") { s, p, n, _ in
            if n < 1 { return raise(typeErrorType, "expected at least 1 argument, got 0").raw }
            let o = PyValue(raw: p.unsafelyUnwrapped[0])
            let ty: UInt = n > 1 ? p.unsafelyUnwrapped[1] : 0
            return PyValue(raw: s).type.pointee.descrGet!(s, o == pyNone ? 0 : o.raw, ty == pyNone.raw ? 0 : ty)
        }
        addMethod(t, "__set__") { s, p, n, _ in
            if n != 2 { return raise(typeErrorType, "expected 2 arguments, got \(n)").raw }
            guard let r = descriptorSet(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: p.unsafelyUnwrapped[1])), r == 0 else { return 0 }
            return newRef(pyNone).raw
        }
        addMethod(t, "__delete__") { s, p, n, _ in
            if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
            guard let r = descriptorSet(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), .null), r == 0 else { return 0 }
            return newRef(pyNone).raw
        }
    }
}
