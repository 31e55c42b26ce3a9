/// property, staticmethod and classmethod as CPython 3.11 has them (Objects/descrobject.c property_*,
/// Objects/funcobject.c sm_*/cm_*): subclassable, `__get__`/`__set__`/`__delete__` callable from Python,
/// `__set_name__` giving property errors their name, getter/setter/deleter copies through type(self), reprs.
/// A property's WrapperObject holds fget/fset/fdel in a/b/c, the doc, and its name in `dict`.

func propertyName(_ p: UnsafeMutablePointer<WrapperObject>) -> String? {
    let n = p.pointee.dict
    if n.isNull { return nil }
    let r = objectRepr(n)
    if r.isNull { decref(fetchException()); return nil }
    defer { decref(r) }
    return strSwift(r)
}

/// CPython: property_descr_set.
func propertySet(_ prop: PyValue, _ obj: PyValue, _ value: PyValue) -> Int {
    let p = prop.payload(WrapperObject.self)
    let f = value.isNull ? p.pointee.c : p.pointee.b
    if f.isNull || f == pyNone {
        if let n = propertyName(p) {
            return raiseInt(attributeErrorType, "property \(n) of '\(typeName(obj))' object has no \(value.isNull ? "deleter" : "setter")")
        }
        return raiseInt(attributeErrorType, value.isNull ? "can't delete attribute" : "can't set attribute")
    }
    let r = value.isNull ? callObject(f, [obj]) : callObject(f, [obj, value])
    if r.isNull { return -1 }
    decref(r)
    return 0
}

/// A new property (or subclass instance) of type `t` (CPython: property_init).
func newProperty(_ t: TypePtr, _ fget: PyValue, _ fset: PyValue, _ fdel: PyValue, _ docArg: PyValue) -> PyValue {
    let size = max(t.pointee.basicSize, MemoryLayout<WrapperObject>.stride)
    let p = allocObject(WrapperObject.self, t, extra: size - MemoryLayout<WrapperObject>.stride)
    (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    func norm(_ v: PyValue) -> PyValue { v.isNull || v == pyNone ? .null : newRef(v) }
    p.pointee.a = norm(fget); p.pointee.b = norm(fset); p.pointee.c = norm(fdel)
    var doc = docArg
    if (doc.isNull || doc == pyNone) && !p.pointee.a.isNull {
        doc = lookupAttrOptional(p.pointee.a, internStr("__doc__"))
        if doc.isNull && !curExc.isNull { decref(fetchException()) }
    } else { xincref(doc) }
    p.pointee.doc = doc
    return PyValue(p.withMemoryRebound(to: PyObject.self, capacity: 1) { $0 })
}

func installDescriptorMethods() {
    let pt = propertyType!
    pt.pointee.new = { t, p, n, kw in
        let a = Args(p, n, kw)
        if n > 4 { return raise(typeErrorType, "property() takes at most 4 arguments (\(n) given)").raw }
        var vals = [PyValue](repeating: .null, count: 4)
        for i in 0..<n { vals[i] = a[i] }
        for (i, k) in ["fget", "fset", "fdel", "doc"].enumerated() where !a.keyword(k).isNull { vals[i] = a.keyword(k) }
        return newProperty(asType(PyValue(raw: t)), vals[0], vals[1], vals[2], vals[3]).raw
    }
    pt.pointee.initFn = { _, _, _, _ in 0 }
    pt.pointee.descrGet = { d, o, _ in
        if o == 0 { return newRef(PyValue(raw: d)).raw }
        let w = PyValue(raw: d).payload(WrapperObject.self)
        let fget = w.pointee.a
        if fget.isNull {
            if let n = propertyName(w) {
                return raise(attributeErrorType, "property \(n) of '\(typeName(PyValue(raw: o)))' object has no getter").raw
            }
            return raise(attributeErrorType, "unreadable attribute").raw
        }
        return callObject(fget, [PyValue(raw: o)]).raw
    }
    pt.pointee.getattro = genericGetAttrSlot
    addGetSet(pt, "fget", { w in let v = PyValue(raw: w).payload(WrapperObject.self).pointee.a; return newRef(v.isNull ? pyNone : v).raw })
    addGetSet(pt, "fset", { w in let v = PyValue(raw: w).payload(WrapperObject.self).pointee.b; return newRef(v.isNull ? pyNone : v).raw })
    addGetSet(pt, "fdel", { w in let v = PyValue(raw: w).payload(WrapperObject.self).pointee.c; return newRef(v.isNull ? pyNone : v).raw })
    addGetSet(pt, "__doc__", { w in
        let v = PyValue(raw: w).payload(WrapperObject.self).pointee.doc
        return newRef(v.isNull ? pyNone : v).raw
    }, { w, v in
        let p = PyValue(raw: w).payload(WrapperObject.self)
        let old = p.pointee.doc
        p.pointee.doc = v == 0 ? .null : newRef(PyValue(raw: v))
        xdecref(old)
        return 0
    })
    addGetSet(pt, "__isabstractmethod__", { _ in newRef(pyFalse).raw })
    // getter/setter/deleter: type(self)(fget, fset, fdel, doc) with one of them replaced (CPython: property_copy).
    func copy(_ s: Word, _ which: Int, _ f: PyValue) -> Word {
        let v = PyValue(raw: s)
        let w = v.payload(WrapperObject.self).pointee
        var parts = [w.a, w.b, w.c]
        parts[which] = f
        let args = parts.map { $0.isNull ? pyNone : $0 }
        var doc = w.doc.isNull ? pyNone : w.doc
        if !w.a.isNull {
            // A doc that came from the old getter is recomputed from the new one.
            let gd = lookupAttrOptional(w.a, internStr("__doc__"))
            if gd.isNull { if !curExc.isNull { decref(fetchException()) } } else {
                if gd == doc { doc = pyNone }
                decref(gd)
            }
        }
        let r = callObject(v.type.asValue, args + [doc])
        if !r.isNull && isInstance(r, propertyType) && !w.dict.isNull {
            let rp = r.payload(WrapperObject.self)
            xdecref(rp.pointee.dict)
            rp.pointee.dict = newRef(w.dict)
        }
        return r.raw
    }
    addMethod(pt, "getter") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "property.getter() takes exactly one argument (\(n) given)").raw }
        return copy(s, 0, PyValue(raw: p.unsafelyUnwrapped[0]))
    }
    addMethod(pt, "setter") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "property.setter() takes exactly one argument (\(n) given)").raw }
        return copy(s, 1, PyValue(raw: p.unsafelyUnwrapped[0]))
    }
    addMethod(pt, "deleter") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "property.deleter() takes exactly one argument (\(n) given)").raw }
        return copy(s, 2, PyValue(raw: p.unsafelyUnwrapped[0]))
    }
    addMethod(pt, "__set_name__") { s, p, n, _ in
        if n != 2 { return raise(typeErrorType, "__set_name__() takes 2 positional arguments but \(n) were given").raw }
        let w = PyValue(raw: s).payload(WrapperObject.self)
        let old = w.pointee.dict
        w.pointee.dict = newRef(PyValue(raw: p.unsafelyUnwrapped[1]))
        xdecref(old)
        return newRef(pyNone).raw
    }
    builtinSubclassNew[UInt(bitPattern: pt)] = pt.pointee.new

    // __get__/__set__/__delete__ callable from Python on the built-in descriptor types (CPython: slot wrappers).
    for t in [pt, functionType!, staticMethodType!, classMethodType!] {
        addMethod(t, "__get__") { s, p, n, _ in
            if n < 1 || n > 2 { return raise(typeErrorType, "expected 1 or 2 arguments, got \(n)").raw }
            let o = PyValue(raw: p.unsafelyUnwrapped[0])
            let ty = n > 1 ? PyValue(raw: p.unsafelyUnwrapped[1]) : pyNone
            if o == pyNone && ty == pyNone { return raise(typeErrorType, "__get__(None, None) is invalid").raw }
            return PyValue(raw: s).type.pointee.descrGet!(s, o == pyNone ? 0 : o.raw, ty == pyNone ? 0 : ty.raw)
        }
    }
    addMethod(pt, "__set__") { s, p, n, _ in
        if n != 2 { return raise(typeErrorType, "expected 2 arguments, got \(n)").raw }
        return propertySet(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), PyValue(raw: p.unsafelyUnwrapped[1])) < 0 ? 0 : newRef(pyNone).raw
    }
    addMethod(pt, "__delete__") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "expected 1 argument, got \(n)").raw }
        return propertySet(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), .null) < 0 ? 0 : newRef(pyNone).raw
    }

    staticMethodType.pointee.repr = { w in
        let r = objectRepr(PyValue(raw: w).payload(WrapperObject.self).pointee.a)
        if r.isNull { return 0 }
        defer { decref(r) }
        return newStr("<staticmethod(\(strSwift(r)))>").raw
    }
    classMethodType.pointee.repr = { w in
        let r = objectRepr(PyValue(raw: w).payload(WrapperObject.self).pointee.a)
        if r.isNull { return 0 }
        defer { decref(r) }
        return newStr("<classmethod(\(strSwift(r)))>").raw
    }
    for t in [staticMethodType!, classMethodType!] {
        if t == staticMethodType {
            t.pointee.new = { t, p, n, kw in
                if n != 1 { return raise(typeErrorType, "staticmethod expected 1 argument, got \(n)").raw }
                return newDescriptorWrapper(asType(PyValue(raw: t)), PyValue(raw: p.unsafelyUnwrapped[0])).raw
            }
        } else {
            t.pointee.new = { t, p, n, kw in
                if n != 1 { return raise(typeErrorType, "classmethod expected 1 argument, got \(n)").raw }
                return newDescriptorWrapper(asType(PyValue(raw: t)), PyValue(raw: p.unsafelyUnwrapped[0])).raw
            }
        }
        t.pointee.initFn = { _, _, _, _ in 0 }
        builtinSubclassNew[UInt(bitPattern: t)] = t.pointee.new
    }
}

/// staticmethod(f) / classmethod(f) of type `t` (a subclass allowed).
func newDescriptorWrapper(_ t: TypePtr, _ f: PyValue) -> PyValue {
    let size = max(t.pointee.basicSize, MemoryLayout<WrapperObject>.stride)
    let p = allocObject(WrapperObject.self, t, extra: size - MemoryLayout<WrapperObject>.stride)
    (UnsafeMutableRawPointer(p) + MemoryLayout<PyObject>.stride).initializeMemory(as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    p.pointee.a = newRef(f)
    return PyValue(p.withMemoryRebound(to: PyObject.self, capacity: 1) { $0 })
}
