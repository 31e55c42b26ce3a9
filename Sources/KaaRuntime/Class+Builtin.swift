import BigInt

/// Classes derived from built-in types: `class S(str)`, `class L(list)`, `class I(int)`... (CPython: the
/// `*_subtype_new` functions, e.g. long_subtype_new, unicode_subtype_new). The built-in tp_new builds a value of the
/// base type; the subtype's instance is allocated at the subtype's size and takes that value's payload. Instances
/// of var-sized bases (str, tuple) keep their `__dict__` after the items (a negative dictOffset, as CPython).

/// The built-in type a class's instances are laid out as.
func builtinBase(_ t: TypePtr) -> TypePtr {
    var k = t
    while k.pointee.isHeapType, let b = k.pointee.base { k = b }
    return k
}

func isVarSizedBuiltin(_ t: TypePtr) -> Bool { t == strType || t == tupleType }

/// The `__dict__` slot of an instance of a subclass of str or tuple: after its items (CPython: negative
/// tp_dictoffset, _PyObject_GetDictPtr).
func varDictSlot(_ v: PyValue) -> UnsafeMutablePointer<PyValue>? {
    let t = v.type
    var size: Int
    if t.pointee.flags & TypeFlag.unicodeSubclass != 0 {
        size = MemoryLayout<StrObject>.stride + strCount(v) * 4
    } else if t.pointee.flags & TypeFlag.tupleSubclass != 0 {
        size = MemoryLayout<TupleObject>.stride + tupleCount(v) * 8
    } else {
        return nil
    }
    size = (size + 7) & ~7
    return (UnsafeMutableRawPointer(bitPattern: v.raw).unsafelyUnwrapped + size).assumingMemoryBound(to: PyValue.self)
}

/// tp_new of a class whose layout is a built-in's: base value first, then moved into an instance of `t`.
func builtinSubtypeNew(_ tw: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let t = asType(PyValue(raw: tw))
    let base = builtinBase(t)
    guard let baseNew = builtinSubclassNew[UInt(bitPattern: base)] else {
        return raise(typeErrorType, "cannot create '\(t.pointee.name)' instances").raw
    }
    let b = PyValue(raw: baseNew(base.asValue.raw, args, n, kw))
    if b.isNull { return 0 }
    if base == t { return b.raw }
    return moveIntoSubtype(b, t, base).raw
}

/// A new instance of heap type `t` (built-in layout `base`) holding the value of `b` (consumed).
func moveIntoSubtype(_ b: PyValue, _ t: TypePtr, _ base: TypePtr) -> PyValue {
    let header = MemoryLayout<PyObject>.stride
    var size = t.pointee.basicSize
    if base == strType { size = ((MemoryLayout<StrObject>.stride + strCount(b) * 4 + 7) & ~7) + 8 }
    if base == tupleType { size = MemoryLayout<TupleObject>.stride + tupleCount(b) * 8 + 8 }
    let p = allocObject(PyObject.self, t, extra: size - header)
    let raw = UnsafeMutableRawPointer(p)
    (raw + header).initializeMemory(as: UInt8.self, repeating: 0, count: size - header)
    let v = PyValue(p)
    switch base {
    case intType:
        let value: BigInt = b.isSmallInt ? BigInt(b.smallInt) : b.payload(BigIntObject.self).pointee.value
        raw.assumingMemoryBound(to: BigIntObject.self).pointer(to: \.value)!.initialize(to: value)
        decref(b)
    case floatType:
        raw.assumingMemoryBound(to: FloatObject.self).pointee.value = b.payload(FloatObject.self).pointee.value
        decref(b)
    case strType:
        let n = strCount(b)
        let src = b.payload(StrObject.self).pointee
        let dst = raw.assumingMemoryBound(to: StrObject.self)
        dst.pointee.count = src.count
        dst.pointee.hash = src.hash
        dst.pointee.maxChar = src.maxChar
        strData(v).update(from: strData(b), count: n)
        decref(b)
    case tupleType:
        let n = tupleCount(b)
        raw.assumingMemoryBound(to: TupleObject.self).pointee.count = n
        for i in 0..<n { tupleItems(v)[i] = newRef(tupleItem(b, i)) }
        decref(b)
    case bytesType:
        raw.assumingMemoryBound(to: BytesObject.self).pointer(to: \.bytes)!.initialize(to: b.payload(BytesObject.self).pointee.bytes)
        decref(b)
    default:
        // list, dict, set, frozenset: a fresh value whose storage the instance takes over.
        let payload = base.pointee.basicSize - header
        if b.obj.pointee.refcount == 1 {
            (raw + header).copyMemory(from: UnsafeRawPointer(bitPattern: b.raw).unsafelyUnwrapped + header, byteCount: payload)
            freeObject(b.raw)
        } else {
            // A shared value (an immortal empty frozenset): rebuild through the base's constructor.
            freeObject(v.raw)
            let copy = callObject(base.asValue, [b])
            decref(b)
            if copy.isNull { return .null }
            if copy.obj.pointee.refcount != 1 { decref(copy); return raise(typeErrorType, "cannot create '\(t.pointee.name)' instances") }
            return moveIntoSubtype(copy, t, base)
        }
    }
    return v
}

/// Registers the built-in types that classes may extend, with a `__new__` usable as `int.__new__(cls, x)`.
nonisolated(unsafe) var movableBuiltins = Set<UInt>()

func installBuiltinSubclassing() {
    for t in [intType!, floatType!, strType!, tupleType!, listType!, dictType!, bytesType!, setType!, frozenSetType!] {
        guard let nf = t.pointee.new else { continue }
        builtinSubclassNew[UInt(bitPattern: t)] = nf
        movableBuiltins.insert(UInt(bitPattern: t))
        let f = newBuiltin("__new__", { _, p, n, kw in
            if n < 1 { return raise(typeErrorType, "__new__(): not enough arguments").raw }
            let cls = PyValue(raw: p.unsafelyUnwrapped[0])
            if !isType(cls) { return raise(typeErrorType, "__new__(X): X is not a type object (\(typeName(cls)))").raw }
            return builtinSubtypeNew(cls.raw, p.unsafelyUnwrapped + 1, n - 1, kw)
        })
        let sm = newWrapper(staticMethodType, f)
        decref(f)
        // Replaces a plain wrapper of tp_new: __new__ must build instances of the class it is given.
        _ = dictSetItem(t.pointee.dict, internStr("__new__"), sm)
        decref(sm)
    }
}
