/// The abstract object protocol (CPython: Objects/abstract.c, object.c): the operations the VM and builtins apply
/// to any value, dispatched through the type's slots. Returned values are new references; NULL means an exception
/// is set.

func objectRepr(_ v: PyValue) -> PyValue {
    let t = v.type
    if let f = t.pointee.repr { return PyValue(raw: f(v.raw)) }
    return newStr("<\(qualifiedTypeName(t)) object at \(addressString(v))>")
}

func objectStr(_ v: PyValue) -> PyValue {
    let t = v.type
    if t == strType { return newRef(v) }
    if let f = t.pointee.str { return PyValue(raw: f(v.raw)) }
    return objectRepr(v)
}

func addressString(_ v: PyValue) -> String {
    "0x" + String(v.raw, radix: 16).leftPadded(to: 12)
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}

/// hash(v), -1 with an exception when unhashable.
func objectHash(_ v: PyValue) -> Int {
    if v.isSmallInt { let h = intHash(v); return h }
    let t = v.obj.pointee.type
    if t == strType { return strHash(v) }
    if let f = t.pointee.hash { return f(v.raw) }
    // object.__hash__: the address rotated by 4 bits (CPython: _Py_HashPointer).
    let a = v.raw
    let h = Int(bitPattern: (a >> 4) | (a << 60))
    return h == -1 ? -2 : h
}

let compareOpSymbols = ["<", "<=", "==", "!=", ">", ">="]
let swappedCompareOp = [4, 5, 2, 3, 0, 1]

/// `v op w` (CPython: do_richcompare).
func richCompare(_ v: PyValue, _ w: PyValue, _ op: Int) -> PyValue {
    let vt = v.type, wt = w.type
    var checkedReverse = false
    if vt != wt && isSubtype(wt, vt), let f = wt.pointee.richcompare {
        checkedReverse = true
        let r = PyValue(raw: f(w.raw, v.raw, swappedCompareOp[op]))
        if r != pyNotImplemented { return r }
        decref(r)
    }
    if let f = vt.pointee.richcompare {
        let r = PyValue(raw: f(v.raw, w.raw, op))
        if r != pyNotImplemented { return r }
        decref(r)
    }
    if !checkedReverse, let f = wt.pointee.richcompare {
        let r = PyValue(raw: f(w.raw, v.raw, swappedCompareOp[op]))
        if r != pyNotImplemented { return r }
        decref(r)
    }
    switch op {
    case 2: return newRef(makeBool(v == w))
    case 3: return newRef(makeBool(v != w))
    default:
        return raise(typeErrorType, "'\(compareOpSymbols[op])' not supported between instances of '\(vt.pointee.name)' and '\(wt.pointee.name)'")
    }
}

/// `v op w` as a truth value: 1, 0, or -1 with an exception. Identity implies equality (PyObject_RichCompareBool).
func richCompareBool(_ v: PyValue, _ w: PyValue, _ op: Int) -> Int {
    if v == w { if op == 2 { return 1 }; if op == 3 { return 0 } }
    if v.raw & w.raw & 1 != 0 {
        // Two small ints: compare the tagged words (same order as the values), no bool objects.
        let x = Int(bitPattern: v.raw), y = Int(bitPattern: w.raw)
        switch op {
        case 0: return x < y ? 1 : 0
        case 1: return x <= y ? 1 : 0
        case 2: return x == y ? 1 : 0
        case 3: return x != y ? 1 : 0
        case 4: return x > y ? 1 : 0
        default: return x >= y ? 1 : 0
        }
    }
    let r = richCompare(v, w, op)
    if r.isNull { return -1 }
    if r == pyTrue { return 1 }
    if r == pyFalse { return 0 }
    let b = isTrue(r)
    decref(r)
    return b
}

/// bool(v): 1, 0 or -1 (CPython: PyObject_IsTrue).
@inline(__always) func isTrue(_ v: PyValue) -> Int {
    if v == pyTrue { return 1 }
    if v == pyFalse || v == pyNone { return 0 }
    if v.isSmallInt { return v.smallInt != 0 ? 1 : 0 }
    let t = v.obj.pointee.type
    if let f = t.pointee.bool { return f(v.raw) }
    if let f = t.pointee.len { let n = f(v.raw); return n < 0 ? -1 : (n > 0 ? 1 : 0) }
    return 1
}

/// operator.index(v) as a machine int; nil with an exception when not an index or too large.
func indexValue(_ v: PyValue) -> Int? {
    if let s = smallOperand(v) { return s }
    if let f = v.type.pointee.index {
        let r = PyValue(raw: f(v.raw))
        if r.isNull { return nil }
        defer { decref(r) }
        if let s = smallOperand(r) { return s }
        raise(indexErrorType, "cannot fit 'int' into an index-sized integer")
        return nil
    }
    return nil
}

/// Like `indexValue` but raises TypeError for non-integers.
package func indexValueOrRaise(_ v: PyValue, _ what: String = "") -> Int? {
    if let i = indexValue(v) { return i }
    if curExc.isNull {
        raise(typeErrorType, "'\(typeName(v))' object cannot be interpreted as an integer")
    }
    return nil
}

let binaryOpSymbols = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
                       "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="]

/// `v op w` for op 0…12 (CPython: binary_op1 with the reflected-operand rules).
func binaryOp1(_ v: PyValue, _ w: PyValue, _ op: Int) -> PyValue {
    let vt = v.type, wt = w.type
    let slotv = vt.pointee.nb[op]
    var slotw: BinaryFn? = nil
    if wt != vt {
        slotw = wt.pointee.nb[op]
        if let a = slotw, let b = slotv, unsafeBitCast(a, to: UInt.self) == unsafeBitCast(b, to: UInt.self) { slotw = nil }
    }
    if let fv = slotv {
        if let fw = slotw, isSubtype(wt, vt) {
            let x = PyValue(raw: fw(v.raw, w.raw))
            if x != pyNotImplemented { return x }
            decref(x)
            slotw = nil
        }
        let x = PyValue(raw: fv(v.raw, w.raw))
        if x != pyNotImplemented { return x }
        decref(x)
    }
    if let fw = slotw {
        let x = PyValue(raw: fw(v.raw, w.raw))
        if x != pyNotImplemented { return x }
        decref(x)
    }
    return newRef(pyNotImplemented)
}

/// BINARY_OP's generic path: in-place slot first for 13…25, then the binary op; TypeError when unsupported.
package func binaryOp(_ v: PyValue, _ w: PyValue, _ op: Int) -> PyValue {
    if op >= 13 {
        if let f = v.type.pointee.nb[op] {
            let x = PyValue(raw: f(v.raw, w.raw))
            if x != pyNotImplemented { return x }
            decref(x)
        }
    }
    let base = op >= 13 ? op - 13 : op
    let x = binaryOp1(v, w, base)
    if x != pyNotImplemented { return x }
    decref(x)
    let vt = v.type
    if base == 0 {
        if vt == strType { return raise(typeErrorType, "can only concatenate str (not \"\(typeName(w))\") to str") }
        if vt == listType { return raise(typeErrorType, "can only concatenate list (not \"\(typeName(w))\") to list") }
        if vt == tupleType { return raise(typeErrorType, "can only concatenate tuple (not \"\(typeName(w))\") to tuple") }
    }
    if base == 5 { // CPython: sequence_repeat, tried on the left operand first
        func isSeq(_ x: PyValue) -> Bool {
            isInstance(x, strType) || isInstance(x, listType) || isInstance(x, tupleType) || isInstance(x, bytesType)
                || isInstance(x, byteArrayType)
        }
        let other: PyValue? = isSeq(v) ? w : (isSeq(w) ? v : nil)
        if let o = other, !isIntLike(o) {
            return raise(typeErrorType, "can't multiply sequence by non-int of type '\(typeName(o))'")
        }
    }
    let sym = op == 8 ? "** or pow()" : (op == 21 ? "**=" : binaryOpSymbols[op])
    return raise(typeErrorType, "unsupported operand type(s) for \(sym): '\(vt.pointee.name)' and '\(typeName(w))'")
}

func unaryOp(_ v: PyValue, _ which: Int) -> PyValue {
    let t = v.type
    let slot: UnaryFn?
    let name: String
    switch which {
    case 0: slot = t.pointee.neg; name = "unary -"
    case 1: slot = t.pointee.pos; name = "unary +"
    case 2: slot = t.pointee.invert; name = "unary ~"
    default: slot = t.pointee.abs; name = "abs()"
    }
    if let f = slot { return PyValue(raw: f(v.raw)) }
    return raise(typeErrorType, "bad operand type for \(name): '\(t.pointee.name)'")
}

package func getItem(_ v: PyValue, _ key: PyValue) -> PyValue {
    let t = v.type
    if let f = t.pointee.getitem { return PyValue(raw: f(v.raw, key.raw)) }
    if isType(v) {
        // CPython: PyObject_GetItem's __class_getitem__ for types.
        let cg = typeLookup(asType(v), internStr("__class_getitem__"))
        if !cg.isNull {
            if let g = cg.type.pointee.descrGet {
                let bound = PyValue(raw: g(cg.raw, 0, v.raw))
                if bound.isNull { return .null }
                defer { decref(bound) }
                return callObject(bound, [key])
            }
            return callObject(cg, [key])
        }
        return raise(typeErrorType, "type '\(asType(v).pointee.name)' is not subscriptable")
    }
    return raise(typeErrorType, "'\(t.pointee.name)' object is not subscriptable")
}

package func setItem(_ v: PyValue, _ key: PyValue, _ value: PyValue) -> Int {
    let t = v.type
    if let f = t.pointee.setitem { return f(v.raw, key.raw, value.raw) }
    if value.isNull { return raiseInt(typeErrorType, "'\(t.pointee.name)' object doesn't support item deletion") }
    return raiseInt(typeErrorType, "'\(t.pointee.name)' object does not support item assignment")
}

/// `key in v`: 1, 0, -1.
func containsOp(_ v: PyValue, _ key: PyValue) -> Int {
    let t = v.type
    if let f = t.pointee.contains { return f(v.raw, key.raw) }
    let it = getIterQuiet(v)
    if it.isNull {
        if !curExc.isNull { return -1 }
        return raiseInt(typeErrorType, "argument of type '\(t.pointee.name)' is not iterable")
    }
    defer { decref(it) }
    while true {
        let x = iterNext(it)
        if x.isNull { return curExc.isNull ? 0 : -1 }
        let r = richCompareBool(x, key, 2)
        decref(x)
        if r != 0 { return r }
    }
}

/// iter(v), NULL (no exception) when not iterable and has no __getitem__.
func getIterQuiet(_ v: PyValue) -> PyValue {
    let t = v.type
    if let f = t.pointee.iter { return PyValue(raw: f(v.raw)) }
    if t.pointee.getitem != nil && t != dictType { return newSeqIter(v, seqIterType) }
    return .null
}

func getIter(_ v: PyValue) -> PyValue {
    let r = getIterQuiet(v)
    if r.isNull && curExc.isNull { return raise(typeErrorType, "'\(typeName(v))' object is not iterable") }
    return r
}

/// next(it): NULL with no exception when exhausted.
@inline(__always) func iterNext(_ it: PyValue) -> PyValue {
    let t = it.type
    guard let f = t.pointee.iternext else {
        return raise(typeErrorType, "'\(t.pointee.name)' object is not an iterator")
    }
    let r = PyValue(raw: f(it.raw))
    if r.isNull && !curExc.isNull && isInstance(curExc, stopIterationType) { decref(fetchException()) }
    return r
}

/// All items of an iterable (new references), nil with an exception.
func collectIterable(_ v: PyValue) -> [PyValue]? {
    if v.type == listType { return (0..<listCount(v)).map { newRef(listItems(v)[$0]) } }
    if v.type == tupleType { return (0..<tupleCount(v)).map { newRef(tupleItem(v, $0)) } }
    let it = getIter(v)
    if it.isNull { return nil }
    defer { decref(it) }
    var out: [PyValue] = []
    while true {
        let x = iterNext(it)
        if x.isNull {
            if !curExc.isNull { for y in out { decref(y) }; return nil }
            return out
        }
        out.append(x)
    }
}

/// len(v): -1 with an exception.
func objectLength(_ v: PyValue) -> Int {
    let t = v.type
    if let f = t.pointee.len { return f(v.raw) }
    return raiseInt(typeErrorType, "object of type '\(t.pointee.name)' has no len()")
}

// MARK: Attributes

/// True for `__x__`-style names (the only ones some getattro slots special-case).
@inline(__always) func isDunder(_ v: PyValue) -> Bool {
    let n = strCount(v)
    let d = strData(v)
    return n > 4 && d[0] == 95 && d[1] == 95
}

/// The attribute name as a Swift string when it may be one a slot special-cases (dunders and names of at most
/// 5 characters such as `args`, `fget`, `value`), else "" — so ordinary lookups build no Swift string.
@inline(__always) func attrKey(_ v: PyValue) -> String {
    isDunder(v) || strCount(v) <= 5 ? strSwift(v) : ""
}

@inline(__always) func instanceDictSlot(_ v: PyValue) -> UnsafeMutablePointer<PyValue>? {
    if v.isSmallInt { return nil }
    let off = v.obj.pointee.type.pointee.dictOffset
    if off == 0 { return nil }
    if off < 0 { return varDictSlot(v) }
    return (UnsafeMutableRawPointer(bitPattern: v.raw).unsafelyUnwrapped + off).assumingMemoryBound(to: PyValue.self)
}

/// CPython: PyObject_GenericGetAttr. NULL with AttributeError when missing.
func genericGetAttr(_ v: PyValue, _ name: PyValue) -> PyValue {
    let r = genericGetAttrQuiet(v, name)
    if r.isNull && curExc.isNull {
        raise(attributeErrorType, "'\(typeName(v))' object has no attribute '\(strSwift(name))'")
        setAttributeErrorContext(v, name)
        return .null
    }
    return r
}

/// Generic lookup without the AttributeError (NULL, no exception, when missing).
func genericGetAttrQuiet(_ v: PyValue, _ name: PyValue) -> PyValue {
    let t = v.type
    let descr = typeLookup(t, name)
    var getter: DescrGetFn? = nil
    if !descr.isNull {
        getter = descr.type.pointee.descrGet
        if let g = getter, isDataDescriptor(descr) { return PyValue(raw: g(descr.raw, v.raw, t.asValue.raw)) }
    }
    if let slot = instanceDictSlot(v), !slot.pointee.isNull {
        let r = dictGetItemStr(slot.pointee, name)
        if !r.isNull { return newRef(r) }
    }
    if let g = getter { return PyValue(raw: g(descr.raw, v.raw, t.asValue.raw)) }
    if !descr.isNull { return newRef(descr) }
    return .null
}

func isDataDescriptor(_ d: PyValue) -> Bool { isDataDescriptorType(d.type) }

func genericSetAttr(_ v: PyValue, _ name: PyValue, _ value: PyValue) -> Int {
    let t = v.type
    let descr = typeLookup(t, name)
    if !descr.isNull, let r = descriptorSet(descr, v, value) { return r }
    guard let slot = instanceDictSlot(v) else {
        if !descr.isNull {
            return raiseInt(attributeErrorType, "'\(t.pointee.name)' object attribute '\(strSwift(name))' is read-only")
        }
        return raiseInt(attributeErrorType, "'\(t.pointee.name)' object has no attribute '\(strSwift(name))'")
    }
    if slot.pointee.isNull { slot.pointee = newDict() }
    if value.isNull {
        if dictGetItemStr(slot.pointee, name).isNull {
            return raiseInt(attributeErrorType, "'\(t.pointee.name)' object has no attribute '\(strSwift(name))'")
        }
        return dictDelItem(slot.pointee, name)
    }
    return dictSetItem(slot.pointee, name, value)
}

func genericGetAttrSlot(_ v: Word, _ n: Word) -> Word { genericGetAttr(PyValue(raw: v), PyValue(raw: n)).raw }
func genericSetAttrSlot(_ v: Word, _ n: Word, _ x: Word) -> Int {
    genericSetAttr(PyValue(raw: v), PyValue(raw: n), PyValue(raw: x))
}

func getAttr(_ v: PyValue, _ name: PyValue) -> PyValue {
    let t = v.type
    if let f = t.pointee.getattro { return PyValue(raw: f(v.raw, name.raw)) }
    return genericGetAttr(v, name)
}

/// getattr without raising AttributeError: NULL and no exception when missing.
func lookupAttrOptional(_ v: PyValue, _ name: PyValue) -> PyValue {
    let r = getAttr(v, name)
    if r.isNull && !curExc.isNull && isInstance(curExc, attributeErrorType) { decref(fetchException()) }
    return r
}

func setAttr(_ v: PyValue, _ name: PyValue, _ value: PyValue) -> Int {
    let t = v.type
    if let f = t.pointee.setattro { return f(v.raw, name.raw, value.raw) }
    if t.pointee.getattro == nil || t.pointee.dictOffset != 0 { return genericSetAttr(v, name, value) }
    return raiseInt(attributeErrorType, "'\(t.pointee.name)' object has no attribute '\(strSwift(name))'")
}

// MARK: Calls

/// callable(*args) from Swift. Arguments are borrowed.
package func callObject(_ f: PyValue, _ args: [PyValue], kwnames: PyValue = .null) -> PyValue {
    var words = args.map { $0.raw }
    return words.withUnsafeMutableBufferPointer { buf in
        callObject(f, UnsafePointer(buf.baseAddress), args.count - (kwnames.isNull ? 0 : tupleCount(kwnames)), kwnames.raw)
    }
}

/// Vectorcall: borrowed arguments; `nargs` positional followed by the keyword values named by `kwnames`.
func callObject(_ f: PyValue, _ args: UnsafePointer<UInt>?, _ nargs: Int, _ kwnames: Word) -> PyValue {
    let t = f.type
    if let c = t.pointee.call { return PyValue(raw: c(f.raw, args, nargs, kwnames)) }
    return raise(typeErrorType, "'\(t.pointee.name)' object is not callable")
}

func callMethod(_ v: PyValue, _ name: String, _ args: [PyValue]) -> PyValue {
    let m = getAttr(v, internStr(name))
    if m.isNull { return .null }
    defer { decref(m) }
    return callObject(m, args)
}
