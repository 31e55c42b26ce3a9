/// Weak references (CPython: Objects/weakrefobject.c): `weakref.ref` (ReferenceType) with callbacks, proxies,
/// and the clearing of an object's weak references when it dies (PyObject_ClearWeakRefs). The list of weak
/// references of each object lives in a side table keyed by the object's address (CPython keeps it in the object
/// at tp_weaklistoffset): objects without weak references pay nothing but one `isEmpty` test at dealloc.

struct WeakrefObject {
    var header: PyObject
    /// The referent (borrowed), 0 once it died.
    var obj: UInt
    var callback: PyValue
    var hash: Int
    var dict: PyValue
}

nonisolated(unsafe) package var weakrefType: TypePtr! = nil
nonisolated(unsafe) package var proxyType: TypePtr! = nil
nonisolated(unsafe) package var callableProxyType: TypePtr! = nil
nonisolated(unsafe) package var referenceErrorType: TypePtr! = nil
/// Weak references of each live object, head first (CPython's wr_prev/wr_next list).
nonisolated(unsafe) var weakrefTable: [UInt: [UInt]] = [:]

func isWeakrefType(_ t: TypePtr) -> Bool {
    t == weakrefType || t == proxyType || t == callableProxyType || isSubtype(t, weakrefType)
}

/// The first weak reference to `v` (its `__weakref__`), or None.
func firstWeakref(_ v: PyValue) -> PyValue {
    if let l = weakrefTable[v.raw], let f = l.first { return PyValue(raw: f) }
    return pyNone
}

package func canWeakref(_ v: PyValue) -> Bool {
    if v.isSmallInt || v.isNull { return false }
    return v.type.pointee.flags & TypeFlag.weakrefable != 0 || isType(v)
}

/// ref(obj, callback) / proxy(obj, callback) (CPython: weakref___new__, PyWeakref_NewProxy).
package func newWeakref(_ type: TypePtr, _ obj: PyValue, _ callbackArg: PyValue) -> PyValue {
    if !canWeakref(obj) { return raise(typeErrorType, "cannot create weak reference to '\(typeName(obj))' object") }
    let callback = callbackArg == pyNone ? PyValue.null : callbackArg
    var list = weakrefTable[obj.raw] ?? []
    // Basic refs and proxies (no callback, exact type) are shared, as in CPython (get_basic_refs).
    var basicCount = 0
    for w in list {
        let r = PyValue(raw: w)
        if r.payload(WeakrefObject.self).pointee.callback.isNull && (r.type == weakrefType || r.type == proxyType || r.type == callableProxyType) {
            if callback.isNull && r.type == type { return newRef(r) }
            basicCount += 1
        } else { break }
    }
    let size = max(type.pointee.basicSize, MemoryLayout<WeakrefObject>.stride)
    let p = allocObject(WeakrefObject.self, type, extra: size - MemoryLayout<WeakrefObject>.stride)
    (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    p.pointee.obj = obj.raw
    p.pointee.callback = callback.isNull ? .null : newRef(callback)
    p.pointee.hash = -1
    let w = UInt(bitPattern: p)
    if callback.isNull && (type == weakrefType || type == proxyType || type == callableProxyType) {
        if type == weakrefType { list.insert(w, at: 0) } else { list.insert(w, at: min(basicCount, list.count)) }
    } else {
        list.insert(w, at: basicCount)
    }
    weakrefTable[obj.raw] = list
    return PyValue(raw: w)
}

func weakrefDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(WeakrefObject.self)
    if p.pointee.obj != 0, var l = weakrefTable[p.pointee.obj] {
        l.removeAll { $0 == w }
        if l.isEmpty { weakrefTable[p.pointee.obj] = nil } else { weakrefTable[p.pointee.obj] = l }
    }
    xdecref(p.pointee.callback)
    xdecref(p.pointee.dict)
    freeObject(w)
}

/// Called when `v` dies: every weak reference to it goes dead, then the callbacks run, head first
/// (CPython: PyObject_ClearWeakRefs).
package func clearWeakrefs(_ v: PyValue) {
    guard let list = weakrefTable.removeValue(forKey: v.raw) else { return }
    var withCallbacks: [PyValue] = []
    for w in list {
        let p = PyValue(raw: w).payload(WeakrefObject.self)
        p.pointee.obj = 0
        if !p.pointee.callback.isNull { withCallbacks.append(newRef(PyValue(raw: w))) }
    }
    if withCallbacks.isEmpty { return }
    let saved = fetchException()
    for r in withCallbacks {
        let p = r.payload(WeakrefObject.self)
        let cb = p.pointee.callback
        p.pointee.callback = .null
        let res = callObject(cb, [r])
        if res.isNull { writeUnraisable(cb) } else { decref(res) }
        decref(cb)
        decref(r)
    }
    if !saved.isNull { xdecref(curExc); curExc = saved }
}

/// The referent of a proxy, or NULL with ReferenceError.
func proxyReferent(_ w: Word) -> PyValue {
    let o = PyValue(raw: w).payload(WeakrefObject.self).pointee.obj
    if o == 0 { return raise(referenceErrorType, "weakly-referenced object no longer exists") }
    return PyValue(raw: o)
}

func installWeakrefTypes() {
    weakrefType = newType("ReferenceType", base: objectType, basicSize: MemoryLayout<WeakrefObject>.stride,
                          dealloc: weakrefDealloc, flags: TypeFlag.baseType)
    proxyType = newType("ProxyType", base: objectType, basicSize: MemoryLayout<WeakrefObject>.stride,
                        dealloc: weakrefDealloc)
    callableProxyType = newType("CallableProxyType", base: objectType, basicSize: MemoryLayout<WeakrefObject>.stride,
                                dealloc: weakrefDealloc)
    for t in [weakrefType!, proxyType!, callableProxyType!] {
        t.pointee.dict = newDict()
        _ = dictSetItem(t.pointee.dict, internStr("__module__"), internStr("weakref"))
    }
    let wt = weakrefType!
    wt.pointee.getattro = genericGetAttrSlot
    wt.pointee.new = { t, p, n, kw in
        if n < 1 || n > 2 { return raise(typeErrorType, n < 1 ? "__new__ expected at least 1 argument, got 0" : "__new__ expected at most 2 arguments, got \(n)").raw }
        let a = p.unsafelyUnwrapped
        return newWeakref(asType(PyValue(raw: t)), PyValue(raw: a[0]), n > 1 ? PyValue(raw: a[1]) : .null).raw
    }
    builtinSubclassNew[UInt(bitPattern: weakrefType)] = wt.pointee.new
    wt.pointee.initFn = { _, _, _, _ in 0 }
    wt.pointee.call = { w, _, n, kw in
        if n != 0 || kw != 0 { return raise(typeErrorType, "weakref() takes no arguments").raw }
        let o = PyValue(raw: w).payload(WeakrefObject.self).pointee.obj
        return newRef(o == 0 ? pyNone : PyValue(raw: o)).raw
    }
    wt.pointee.hash = { w in
        let p = PyValue(raw: w).payload(WeakrefObject.self)
        if p.pointee.hash != -1 { return p.pointee.hash }
        if p.pointee.obj == 0 { return raiseInt(typeErrorType, "weak object has gone away") }
        let h = objectHash(PyValue(raw: p.pointee.obj))
        if h == -1 { return -1 }
        p.pointee.hash = h
        return h
    }
    wt.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if (op != 2 && op != 3) || !isInstance(y, weakrefType) { return newRef(pyNotImplemented).raw }
        let ox = x.payload(WeakrefObject.self).pointee.obj, oy = y.payload(WeakrefObject.self).pointee.obj
        if ox == 0 || oy == 0 {
            let eq = a == b
            return newRef(makeBool(op == 2 ? eq : !eq)).raw
        }
        return richCompare(PyValue(raw: ox), PyValue(raw: oy), op).raw
    }
    wt.pointee.repr = { w in
        let v = PyValue(raw: w)
        let o = v.payload(WeakrefObject.self).pointee.obj
        if o == 0 { return newStr("<weakref at \(addressString(v)); dead>").raw }
        let ov = PyValue(raw: o)
        return newStr("<weakref at \(addressString(v)); to '\(qualifiedTypeName(ov.type))' at \(addressString(ov))>").raw
    }
    addGetSet(wt, "__callback__", { w in
        let c = PyValue(raw: w).payload(WeakrefObject.self).pointee.callback
        return newRef(c.isNull ? pyNone : c).raw
    })
    addClassGetItem(wt)

    for t in [proxyType!, callableProxyType!] {
        t.pointee.getattro = { w, n in
            let o = proxyReferent(w)
            if o.isNull { return 0 }
            return getAttr(o, PyValue(raw: n)).raw
        }
        t.pointee.setattro = { w, n, v in
            let o = proxyReferent(w)
            if o.isNull { return -1 }
            return setAttr(o, PyValue(raw: n), PyValue(raw: v))
        }
        t.pointee.repr = { w in
            let v = PyValue(raw: w)
            let o = v.payload(WeakrefObject.self).pointee.obj
            if o == 0 { return newStr("<weakproxy at \(addressString(v)); dead>").raw }
            let ov = PyValue(raw: o)
            return newStr("<weakproxy at \(addressString(v)); to '\(qualifiedTypeName(ov.type))' at \(addressString(ov))>").raw
        }
        t.pointee.str = { w in
            let o = proxyReferent(w)
            if o.isNull { return 0 }
            return objectStr(o).raw
        }
        t.pointee.bool = { w in
            let o = proxyReferent(w)
            if o.isNull { return -1 }
            return isTrue(o)
        }
        t.pointee.len = { w in
            let o = proxyReferent(w)
            if o.isNull { return -1 }
            return objectLength(o)
        }
        t.pointee.getitem = { w, k in
            let o = proxyReferent(w)
            if o.isNull { return 0 }
            return getItem(o, PyValue(raw: k)).raw
        }
        t.pointee.iter = { w in
            let o = proxyReferent(w)
            if o.isNull { return 0 }
            return getIter(o).raw
        }
        t.pointee.hash = { _ in raiseInt(typeErrorType, "unhashable type: 'weakref.ProxyType'") }
        t.pointee.richcompare = { a, b, op in
            let o = proxyReferent(a)
            if o.isNull { return 0 }
            var other = PyValue(raw: b)
            if isWeakrefType(other.type) && other.type != weakrefType {
                other = proxyReferent(b)
                if other.isNull { return 0 }
            }
            return richCompare(o, other, op).raw
        }
    }
    callableProxyType.pointee.call = { w, p, n, kw in
        let o = proxyReferent(w)
        if o.isNull { return 0 }
        return callObject(o, p, n, kw).raw
    }
}

/// `__class_getitem__` returning the class itself's alias stand-in (CPython: Py_GenericAlias); ref[int] works.
func addClassGetItem(_ t: TypePtr) {
    let f = newBuiltin("__class_getitem__", { _, p, n, _ in
        if n != 2 { return raise(typeErrorType, "__class_getitem__ expected 1 argument").raw }
        return makeGenericAlias(PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: p.unsafelyUnwrapped[1])).raw
    })
    let cm = newWrapper(classMethodType, f)
    decref(f)
    _ = dictSetItem(t.pointee.dict, internStr("__class_getitem__"), cm)
    decref(cm)
}

/// The weak references to `v`, head first (borrowed).
package func weakrefsOf(_ v: PyValue) -> [PyValue] {
    (weakrefTable[v.raw] ?? []).map { PyValue(raw: $0) }
}

package func weakrefIsDead(_ r: PyValue) -> Bool { r.payload(WeakrefObject.self).pointee.obj == 0 }
