/// Writable attributes of functions with CPython's checks (Objects/funcobject.c func_set_*), `cell_contents`
/// (Objects/cellobject.c), and the members of `object` that CPython 3.11 lists in `dir(object)`.

nonisolated(unsafe) var functionBaseGetAttro: BinaryFn? = nil

func installFunctionAttributes() {
    functionBaseGetAttro = functionType.pointee.getattro
    functionType.pointee.getattro = { o, n in
        if attrKey(PyValue(raw: n)) == "__builtins__" {
            return newRef(PyValue(raw: o).payload(FunctionObject.self).pointee.builtins).raw
        }
        return functionBaseGetAttro.unsafelyUnwrapped(o, n)
    }
    // Data descriptors in the type's dict, as CPython's func_getsetlist/func_memberlist (dir, vars(type)).
    addGetSet(functionType, "__code__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__code__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__code__").raw, v) })
    addGetSet(functionType, "__defaults__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__defaults__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__defaults__").raw, v) })
    addGetSet(functionType, "__kwdefaults__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__kwdefaults__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__kwdefaults__").raw, v) })
    addGetSet(functionType, "__annotations__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__annotations__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__annotations__").raw, v) })
    addGetSet(functionType, "__dict__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__dict__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__dict__").raw, v) })
    addGetSet(functionType, "__name__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__name__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__name__").raw, v) })
    addGetSet(functionType, "__qualname__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__qualname__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__qualname__").raw, v) })
    addGetSet(functionType, "__doc__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__doc__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__doc__").raw, v) })
    addGetSet(functionType, "__module__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__module__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__module__").raw, v) })
    addGetSet(functionType, "__globals__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__globals__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__globals__").raw, v) })
    addGetSet(functionType, "__closure__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__closure__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__closure__").raw, v) })
    addGetSet(functionType, "__builtins__", { w in functionType.pointee.getattro.unsafelyUnwrapped(w, internStr("__builtins__").raw) }, { w, v in functionType.pointee.setattro.unsafelyUnwrapped(w, internStr("__builtins__").raw, v) })
    addMethod(functionType, "__call__") { s, p, n, kw in callObject(PyValue(raw: s), p, n, kw).raw }
    functionType.pointee.setattro = { o, n, v in
        let fn = PyValue(raw: o).payload(FunctionObject.self)
        let value = PyValue(raw: v)
        func set(_ field: UnsafeMutablePointer<PyValue>, optional: Bool) {
            let old = field.pointee
            field.pointee = value.isNull || (optional && value == pyNone) ? .null : newRef(value)
            xdecref(old)
        }
        switch attrKey(PyValue(raw: n)) {
        case "__name__", "__qualname__":
            let which = strSwift(PyValue(raw: n))
            if value.isNull || !isInstance(value, strType) {
                return raiseInt(typeErrorType, "\(which) must be set to a string object")
            }
            if which == "__name__" { set(&fn.pointee.name, optional: false) } else { set(&fn.pointee.qualname, optional: false) }
            return 0
        case "__doc__":
            let old = fn.pointee.doc
            fn.pointee.doc = newRef(value.isNull ? pyNone : value)
            decref(old)
            return 0
        case "__defaults__":
            if !value.isNull && value != pyNone && !isInstance(value, tupleType) {
                return raiseInt(typeErrorType, "__defaults__ must be set to a tuple object")
            }
            set(&fn.pointee.defaults, optional: true)
            return 0
        case "__kwdefaults__":
            if !value.isNull && value != pyNone && !isInstance(value, dictType) {
                return raiseInt(typeErrorType, "__kwdefaults__ must be set to a dict object")
            }
            set(&fn.pointee.kwdefaults, optional: true)
            return 0
        case "__code__":
            if value.isNull || value.type != codeType { return raiseInt(typeErrorType, "__code__ must be set to a code object") }
            set(&fn.pointee.code, optional: false)
            return 0
        case "__annotations__":
            if !value.isNull && value != pyNone && !isInstance(value, dictType) {
                return raiseInt(typeErrorType, "__annotations__ must be set to a dict object")
            }
            set(&fn.pointee.annotations, optional: true)
            return 0
        case "__module__":
            set(&fn.pointee.module, optional: false)
            return 0
        case "__dict__":
            if value.isNull || !isInstance(value, dictType) {
                return raiseInt(typeErrorType, "__dict__ must be set to a dictionary, not a '\(value.isNull ? "NoneType" : typeName(value))'")
            }
            set(&fn.pointee.dict, optional: false)
            return 0
        case "__globals__", "__closure__", "__builtins__":
            return raiseInt(attributeErrorType, "readonly attribute")
        default: return genericSetAttr(PyValue(raw: o), PyValue(raw: n), value)
        }
    }
    addGetSet(cellType, "cell_contents", { w in
        let r = PyValue(raw: w).payload(CellObject.self).pointee.ref
        if r.isNull { return raise(valueErrorType, "Cell is empty").raw }
        return newRef(r).raw
    }, { w, v in
        let c = PyValue(raw: w).payload(CellObject.self)
        let old = c.pointee.ref
        c.pointee.ref = v == 0 ? .null : newRef(PyValue(raw: v))
        xdecref(old)
        return 0
    })
    cellType.pointee.richcompare = { a, b, op in
        let y = PyValue(raw: b)
        if y.type != cellType { return newRef(pyNotImplemented).raw }
        let x = PyValue(raw: a).payload(CellObject.self).pointee.ref, z = y.payload(CellObject.self).pointee.ref
        if x.isNull || z.isNull {
            let l = x.isNull ? 0 : 1, r = z.isNull ? 0 : 1
            let res: Bool
            switch op { case 0: res = l < r; case 1: res = l <= r; case 2: res = l == r; case 3: res = l != r; case 4: res = l > r; default: res = l >= r }
            return newRef(makeBool(res)).raw
        }
        return richCompare(x, z, Int(op)).raw
    }
    // object's comparison methods return NotImplemented; __subclasshook__, __reduce__, __getstate__ as 3.11.
    let o = objectType!
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        addMethod(o, name) { _, _, _, _ in newRef(pyNotImplemented).raw }
    }
    let hook = newBuiltin("__subclasshook__", { _, _, _, _ in newRef(pyNotImplemented).raw })
    let hookcm = newWrapper(classMethodType, hook)
    decref(hook)
    _ = dictSetItem(o.pointee.dict, internStr("__subclasshook__"), hookcm)
    decref(hookcm)
    addMethod(o, "__reduce__") { s, _, _, _ in
        raise(typeErrorType, "cannot pickle '\(typeName(PyValue(raw: s)))' object").raw
    }
    addMethod(o, "__getstate__") { s, _, _, _ in
        let v = PyValue(raw: s)
        if let slot = instanceDictSlot(v), !slot.pointee.isNull, dictCount(slot.pointee) > 0 { return newRef(slot.pointee).raw }
        return newRef(pyNone).raw
    }
    _ = dictSetItem(o.pointee.dict, internStr("__doc__"), internStr("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"))
}

/// Gives the AttributeError just raised for `obj.name` its `name` and `obj` (CPython 3.10+:
/// set_attribute_error_context), which tracebacks use for suggestions.
func setAttributeErrorContext(_ obj: PyValue, _ name: PyValue) {
    let e = curExc
    if e.isNull || e.type != attributeErrorType { return }
    excSet(e, "name", name)
    excSet(e, "obj", obj)
}

/// pow(a, b, m) with a class's `__pow__`/`__rpow__` (CPython: ternary_op → slot_nb_power); nil when neither
/// operand's class defines them (the int path runs then).
func ternaryPowDunder(_ a: PyValue, _ b: PyValue, _ m: PyValue) -> PyValue? {
    let aHas = a.type.pointee.isHeapType && hasHeapDunder(a.type, "__pow__")
    let bHas = b.type != a.type && b.type.pointee.isHeapType && hasHeapDunder(b.type, "__rpow__")
    if !aHas && !bHas { return nil }
    if aHas {
        let r = callDunder(a, "__pow__", [b, m])
        if r.isNull || r != pyNotImplemented { return r }
        decref(r)
    }
    return raise(typeErrorType, "unsupported operand type(s) for ** or pow(): '\(typeName(a))', '\(typeName(b))', '\(typeName(m))'")
}

/// Members of super objects and bound methods that CPython exposes (super_members, method_getset).
func installSuperAndMethodMembers() {
    addGetSet(superType, "__thisclass__", { w in newRef(PyValue(raw: w).payload(SuperObject.self).pointee.type.asValue).raw })
    addGetSet(superType, "__self__", { w in newRef(PyValue(raw: w).payload(SuperObject.self).pointee.obj).raw })
    addGetSet(superType, "__self_class__", { w in newRef(PyValue(raw: w).payload(SuperObject.self).pointee.objType.asValue).raw })
    methodType.pointee.hash = { w in
        // CPython: method_hash — the identity of __self__ xor the hash of __func__.
        let m = PyValue(raw: w).payload(MethodObject.self)
        let y = objectHash(m.pointee.function)
        if y == -1 { return -1 }
        let x = Int(bitPattern: m.pointee.selfObj.raw >> 4 | m.pointee.selfObj.raw << 60)
        let h = x ^ y
        return h == -1 ? -2 : h
    }
    methodType.pointee.new = { _, p, n, kw in
        if n != 2 { return raise(typeErrorType, "method expected 2 arguments, got \(n)").raw }
        let f = PyValue(raw: p.unsafelyUnwrapped[0]), s = PyValue(raw: p.unsafelyUnwrapped[1])
        if f.type.pointee.call == nil { return raise(typeErrorType, "first argument must be callable").raw }
        if s == pyNone { return raise(typeErrorType, "instance must not be None").raw }
        return newMethod(f, s).raw
    }
    methodType.pointee.setattro = { o, n, _ in
        raiseInt(attributeErrorType, "'method' object has no attribute '\(strSwift(PyValue(raw: n)))'")
    }
    builtinFunctionType.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if y.type != builtinFunctionType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        let p = x.payload(BuiltinFunctionObject.self).pointee, q = y.payload(BuiltinFunctionObject.self).pointee
        let eq = p.selfObj == q.selfObj && unsafeBitCast(p.fn, to: UInt.self) == unsafeBitCast(q.fn, to: UInt.self)
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }
    builtinFunctionType.pointee.hash = { w in
        let b = PyValue(raw: w).payload(BuiltinFunctionObject.self).pointee
        let x = Int(bitPattern: b.selfObj.raw >> 4), y = Int(bitPattern: unsafeBitCast(b.fn, to: UInt.self) >> 4)
        let h = x ^ y
        return h == -1 ? -2 : h
    }
}

/// divmod(a, b) with a class's `__divmod__`/`__rdivmod__` (CPython: nb_divmod → slot_nb_divmod); nil when neither
/// class defines them.
func divmodDunder(_ a: PyValue, _ b: PyValue) -> PyValue? {
    let aHas = a.type.pointee.isHeapType && hasHeapDunder(a.type, "__divmod__")
    let bHas = b.type != a.type && b.type.pointee.isHeapType && hasHeapDunder(b.type, "__rdivmod__")
    if !aHas && !bHas { return nil }
    if aHas {
        let r = callDunder(a, "__divmod__", [b])
        if r.isNull || r != pyNotImplemented { return r }
        decref(r)
    }
    if bHas {
        let r = callDunder(b, "__rdivmod__", [a])
        if r.isNull || r != pyNotImplemented { return r }
        decref(r)
    }
    return raise(typeErrorType, "unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
}
