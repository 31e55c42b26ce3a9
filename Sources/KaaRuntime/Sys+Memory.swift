/// sys.getsizeof, sys.getrefcount and the `__sizeof__` methods (CPython: Python/sysmodule.c sys_getsizeof,
/// _PySys_GetSizeOf, sys_getrefcount; the types' __sizeof__ in Objects/*.c). Sizes are CPython 3.11's on a 64-bit
/// build, computed from what Kaa knows of an object (length, largest code point, list capacity, table sizes), not
/// from Kaa's own memory layout: a program that prints sys.getsizeof prints what it prints under CPython.

/// CPython 3.11's layout of the built-in types: tp_basicsize, tp_itemsize, whether instances have a weakref list
/// (tp_weaklistoffset) and a `__dict__` (tp_dictoffset), Py_TPFLAGS_HAVE_GC. Read from python3 3.11.7 (x86-64):
/// `t.__basicsize__, t.__itemsize__, t.__weakrefoffset__ != 0, t.__dictoffset__ != 0, t.__flags__ & (1 << 14)`.
private let cpythonBuiltinLayouts: [String: (Int, Int, Bool, Bool, Bool)] = [
    "ArithmeticError": (72, 0, false, true, true),
    "AssertionError": (72, 0, false, true, true),
    "AttributeError": (88, 0, false, true, true),
    "BaseException": (72, 0, false, true, true),
    "BaseExceptionGroup": (88, 0, false, true, true),
    "BlockingIOError": (112, 0, false, true, true),
    "BrokenPipeError": (112, 0, false, true, true),
    "BufferError": (72, 0, false, true, true),
    "BytesWarning": (72, 0, false, true, true),
    "ChildProcessError": (112, 0, false, true, true),
    "ConnectionAbortedError": (112, 0, false, true, true),
    "ConnectionError": (112, 0, false, true, true),
    "ConnectionRefusedError": (112, 0, false, true, true),
    "ConnectionResetError": (112, 0, false, true, true),
    "DeprecationWarning": (72, 0, false, true, true),
    "EOFError": (72, 0, false, true, true),
    "EncodingWarning": (72, 0, false, true, true),
    "Exception": (72, 0, false, true, true),
    "FileExistsError": (112, 0, false, true, true),
    "FileNotFoundError": (112, 0, false, true, true),
    "FloatingPointError": (72, 0, false, true, true),
    "FutureWarning": (72, 0, false, true, true),
    "GeneratorExit": (72, 0, false, true, true),
    "GenericAlias": (64, 0, true, false, true),
    "ImportError": (96, 0, false, true, true),
    "ImportWarning": (72, 0, false, true, true),
    "IndentationError": (136, 0, false, true, true),
    "IndexError": (72, 0, false, true, true),
    "InterruptedError": (112, 0, false, true, true),
    "IsADirectoryError": (112, 0, false, true, true),
    "KeyError": (72, 0, false, true, true),
    "KeyboardInterrupt": (72, 0, false, true, true),
    "LookupError": (72, 0, false, true, true),
    "MemoryError": (72, 0, false, true, true),
    "ModuleNotFoundError": (96, 0, false, true, true),
    "NameError": (80, 0, false, true, true),
    "NoneType": (16, 0, false, false, false),
    "NotADirectoryError": (112, 0, false, true, true),
    "NotImplementedError": (72, 0, false, true, true),
    "NotImplementedType": (16, 0, false, false, false),
    "OSError": (112, 0, false, true, true),
    "OverflowError": (72, 0, false, true, true),
    "PendingDeprecationWarning": (72, 0, false, true, true),
    "PermissionError": (112, 0, false, true, true),
    "ProcessLookupError": (112, 0, false, true, true),
    "ProxyType": (64, 0, false, false, true),
    "RecursionError": (72, 0, false, true, true),
    "ReferenceError": (72, 0, false, true, true),
    "ReferenceType": (64, 0, false, false, true),
    "ResourceWarning": (72, 0, false, true, true),
    "RuntimeError": (72, 0, false, true, true),
    "RuntimeWarning": (72, 0, false, true, true),
    "SimpleNamespace": (24, 0, false, true, true),
    "StopAsyncIteration": (72, 0, false, true, true),
    "StopIteration": (80, 0, false, true, true),
    "SyntaxError": (136, 0, false, true, true),
    "SyntaxWarning": (72, 0, false, true, true),
    "SystemError": (72, 0, false, true, true),
    "SystemExit": (80, 0, false, true, true),
    "TabError": (136, 0, false, true, true),
    "TimeoutError": (112, 0, false, true, true),
    "TypeError": (72, 0, false, true, true),
    "UnboundLocalError": (80, 0, false, true, true),
    "UnicodeDecodeError": (112, 0, false, true, true),
    "UnicodeEncodeError": (112, 0, false, true, true),
    "UnicodeError": (72, 0, false, true, true),
    "UnicodeTranslateError": (112, 0, false, true, true),
    "UnicodeWarning": (72, 0, false, true, true),
    "UnionType": (32, 0, false, false, true),
    "UserWarning": (72, 0, false, true, true),
    "ValueError": (72, 0, false, true, true),
    "Warning": (72, 0, false, true, true),
    "ZeroDivisionError": (72, 0, false, true, true),
    "async_generator": (152, 8, true, false, true),
    "bool": (32, 4, false, false, false),
    "builtin_function_or_method": (56, 0, true, false, true),
    "bytearray": (56, 0, false, false, false),
    "bytes": (33, 1, false, false, false),
    "bytes_iterator": (32, 0, false, false, true),
    "cell": (24, 0, false, false, true),
    "classmethod": (32, 0, false, true, true),
    "classmethod_descriptor": (56, 0, false, false, true),
    "code": (184, 2, true, false, false),
    "complex": (32, 0, false, false, false),
    "coroutine": (152, 8, true, false, true),
    "dict": (48, 0, false, false, true),
    "dict_itemiterator": (56, 0, false, false, true),
    "dict_items": (24, 0, false, false, true),
    "dict_keyiterator": (56, 0, false, false, true),
    "dict_keys": (24, 0, false, false, true),
    "dict_valueiterator": (56, 0, false, false, true),
    "dict_values": (24, 0, false, false, true),
    "ellipsis": (16, 0, false, false, false),
    "enumerate": (56, 0, false, false, true),
    "filter": (32, 0, false, false, true),
    "float": (24, 0, false, false, false),
    "frame": (120, 8, false, false, true),
    "frozenset": (200, 0, true, false, true),
    "function": (136, 0, true, true, true),
    "generator": (152, 8, true, false, true),
    "getset_descriptor": (48, 0, false, false, true),
    "int": (24, 4, false, false, false),
    "list": (40, 0, false, false, true),
    "list_iterator": (32, 0, false, false, true),
    "list_reverseiterator": (32, 0, false, false, true),
    "map": (32, 0, false, false, true),
    "mappingproxy": (24, 0, false, false, true),
    "member_descriptor": (48, 0, false, false, true),
    "memoryview": (144, 8, true, false, true),
    "method": (48, 0, true, false, true),
    "method-wrapper": (32, 0, false, false, true),
    "method_descriptor": (56, 0, false, false, true),
    "module": (56, 0, true, true, true),
    "object": (16, 0, false, false, false),
    "property": (64, 0, false, false, true),
    "range": (48, 0, false, false, false),
    "range_iterator": (48, 0, false, false, false),
    "reversed": (32, 0, false, false, true),
    "set": (200, 0, true, false, true),
    "set_iterator": (48, 0, false, false, true),
    "slice": (40, 0, false, false, true),
    "staticmethod": (32, 0, false, true, true),
    "str": (80, 0, false, false, false),
    "str_ascii_iterator": (32, 0, false, false, true),
    "super": (40, 0, false, false, true),
    "traceback": (40, 0, false, false, true),
    "tuple": (24, 8, false, false, true),
    "tuple_iterator": (32, 0, false, false, true),
    "type": (904, 40, true, true, true),
    "wrapper_descriptor": (56, 0, false, false, true),
    "zip": (48, 0, false, false, true),
]

/// A type's instance layout as CPython 3.11 would make it.
struct CPythonLayout {
    var basicSize: Int
    var itemSize: Int
    var hasWeaklist: Bool
    var hasDict: Bool
    /// Py_TPFLAGS_MANAGED_DICT: the `__dict__` pointers live before the object (2 words counted by getsizeof).
    var managedDict: Bool
    var gc: Bool
}

/// CPython's layout of `t`'s instances. A class extends its base's layout as type_new does: its `__slots__`, then a
/// `__dict__` pointer only when the base is var-sized (otherwise the dict is "managed", before the object), then
/// a weakref list pointer unless the base has one or is var-sized (CPython: type_new_descriptors).
func cpythonLayout(_ t: TypePtr) -> CPythonLayout {
    if !t.pointee.isHeapType {
        if let (b, i, w, d, g) = cpythonBuiltinLayouts[t.pointee.name] {
            return CPythonLayout(basicSize: b, itemSize: i, hasWeaklist: w, hasDict: d, managedDict: false, gc: g)
        }
        return CPythonLayout(basicSize: t.pointee.basicSize, itemSize: 0, hasWeaklist: false,
                             hasDict: t.pointee.dictOffset != 0, managedDict: false,
                             gc: t.pointee.flags & TypeFlag.gcTracked != 0)
    }
    var l = cpythonLayout(t.pointee.base ?? objectType)
    let info = heapTypeInfo[UInt(bitPattern: t)] ?? HeapTypeInfo()
    l.basicSize += 8 * info.slotOffsets.count
    if info.wantsDict && !l.hasDict {
        l.hasDict = true
        if l.itemSize != 0 { l.basicSize += 8 } else { l.managedDict = true }
    }
    if info.wantsWeak && !l.hasWeaklist && l.itemSize == 0 {
        l.hasWeaklist = true
        l.basicSize += 8
    }
    l.gc = true
    return l
}

/// What getsizeof adds to `__sizeof__`: the GC header and the managed-dict pointers (CPython: _PyType_PreHeaderSize).
func cpythonPreHeaderSize(_ t: TypePtr) -> Int {
    let l = cpythonLayout(t)
    return (l.gc ? 16 : 0) + (l.managedDict ? 16 : 0)
}

/// int: the 30-bit digits of the magnitude, at least one (CPython 3.11: int___sizeof___impl).
private func intDigits(_ v: PyValue) -> Int {
    let bits: Int
    if let i = smallOperand(v) { bits = Int.bitWidth - i.magnitude.leadingZeroBitCount }
    else { bits = bigOperand(v)?.magnitude.bitWidth ?? 0 }
    return max(1, (bits + 29) / 30)
}

/// The dict's key table as CPython 3.11 sizes it (CPython: _PyDict_SizeOf, _PyDict_KeysSize): a never-used (or
/// cleared) dict shares the static empty keys and counts nothing; otherwise the keys object header (32 bytes), the
/// index array (1, 2, 4 or 8 bytes an index by table size) and USABLE_FRACTION(size) entries of 16 bytes (str
/// keys only) or 24.
func dictKeysSize(_ v: PyValue) -> Int {
    let d = dictPtr(v)
    if d.pointee.nentries == 0 && d.pointee.used == 0 && d.pointee.mask == 7 { return 0 }
    let size = d.pointee.mask + 1
    let indexBytes = size <= 0x80 ? 1 : size <= 0x8000 ? 2 : size <= 0x8000_0000 ? 4 : 8
    return 32 + size * indexBytes + (size * 2 / 3) * (d.pointee.generalKeys ? 24 : 16)
}

/// The value of `obj.__sizeof__()` for the built-in types.
func builtinSizeOf(_ v: PyValue) -> Int {
    let t = v.type
    let l = cpythonLayout(t)
    switch builtinBase(t) {
    case intType, boolType:
        return 24 + 4 * intDigits(v)
    case strType:
        // Exact str objects are compact (the data follows a 48-byte ASCII or 72-byte header); instances of str
        // subclasses are not (an 80-byte header and a separate buffer). CPython: unicode___sizeof___impl.
        let m = v.payload(StrObject.self).pointee.maxChar
        let kind = m < 256 ? 1 : m < 65536 ? 2 : 4
        let n = strCount(v) + 1
        if t != strType { return 80 + n * kind }
        return m < 128 ? 48 + n : 72 + n * kind
    case bytesType:
        return l.basicSize + (bytesLikeBytes(v)?.count ?? 0)
    case byteArrayType:
        // CPython allocates n + 1 bytes for a bytearray made from n > 0 bytes (its growth on append differs).
        let n = v.payload(ByteArrayObject.self).pointee.bytes.count
        return l.basicSize + (n > 0 ? n + 1 : 0)
    case listType:
        return l.basicSize + 8 * listPtr(v).pointee.capacity
    case tupleType:
        return l.basicSize + 8 * tupleCount(v)
    case dictType:
        return l.basicSize + dictKeysSize(v)
    case setType, frozenSetType:
        // The first 8 entries are inside the object (smalltable); a larger table is allocated (CPython: set_sizeof).
        let size = setPtr(v).pointee.mask + 1
        return l.basicSize + (size > 8 ? size * 16 : 0)
    default:
        return l.basicSize
    }
}

/// `__length_hint__` of the list and tuple iterators (CPython: listiter_len, listreviter_len, tupleiter_len), which
/// list() and list.extend() read to size the new list as CPython does.
private func installLengthHints() {
    for t in [listIterType!, listRevIterType!, tupleIterType!] {
        addMethod(t, "__length_hint__") { s, _, _, _ in
            let it = PyValue(raw: s)
            let p = it.payload(IterObject.self)
            let seq = p.pointee.seq
            if seq.isNull { return makeInt(0).raw }
            let left: Int
            if it.type == listRevIterType { left = p.pointee.index < listCount(seq) ? p.pointee.index + 1 : 0 }
            else if it.type == listIterType { left = listCount(seq) - p.pointee.index }
            else { left = tupleCount(seq) - p.pointee.index }
            return makeInt(max(0, left)).raw
        }
    }
}

/// `__sizeof__` for the built-in types that define their own in CPython, and object.__sizeof__.
func installSizeofMethods() {
    installLengthHints()
    for t in [objectType!, intType!, strType!, bytesType!, byteArrayType!, listType!, dictType!, setType!,
              frozenSetType!] {
        addMethod(t, "__sizeof__") { s, _, n, kw in
            if n != 0 || (kw != 0 && tupleCount(PyValue(raw: kw)) > 0) {
                let given = n + (kw != 0 ? tupleCount(PyValue(raw: kw)) : 0)
                return raise(typeErrorType, "\(typeName(PyValue(raw: s))).__sizeof__() takes no arguments (\(given) given)").raw
            }
            return makeInt(builtinSizeOf(PyValue(raw: s))).raw
        }
    }
}

/// sys.getsizeof(object[, default]): `__sizeof__()` plus the GC header (CPython: _PySys_GetSizeOf). A TypeError
/// (no `__sizeof__`, a result that is not an int) gives `default` when there is one.
func sysGetSizeOf(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    guard let a = Args(p, n, kw).bind("getsizeof", ["object", "default"], required: 1) else { return 0 }
    let o = a[0], dflt = a[1]
    func fail() -> Word {
        if !dflt.isNull && isInstance(curExc, typeErrorType) {
            decref(fetchException())
            return newRef(dflt).raw
        }
        return 0
    }
    let m = lookupSpecial(o, "__sizeof__")
    if m.isNull {
        if curExc.isNull { raise(typeErrorType, "Type \(typeName(o)) doesn't define __sizeof__") }
        return fail()
    }
    let r = callObject(m, [])
    decref(m)
    if r.isNull { return fail() }
    defer { decref(r) }
    guard isInstance(r, intType), let big = bigOperand(r) else {
        raise(typeErrorType, "an integer is required")
        return fail()
    }
    guard let size = Int(exactly: big) else {
        return raise(overflowErrorType, "Python int too large to convert to C ssize_t").raw
    }
    if size < 0 { return raise(valueErrorType, "__sizeof__() should return >= 0").raw }
    return makeInt(size + cpythonPreHeaderSize(o.type)).raw
}

/// The reference count sys.getrefcount reports for immortal objects and tagged ints, which have none of their own
/// (CPython 3.12's value for its immortal objects; 3.11 shows some large, changing count).
let immortalReportedRefcount = 4_294_967_295

/// sys.getrefcount(object): the object's reference count, including the one its argument slot holds.
func sysGetRefcount(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("getrefcount") else { return 0 }
    if n != 1 { return raise(typeErrorType, "sys.getrefcount() takes exactly one argument (\(n) given)").raw }
    let v = a[0]
    if v.isSmallInt { return makeInt(immortalReportedRefcount).raw }
    let rc = v.obj.pointee.refcount
    return makeInt(rc >= immortalRefcount / 2 ? immortalReportedRefcount : rc).raw
}

/// Adds getsizeof and getrefcount to a new sys module.
func addSysMemoryFunctions(to m: PyValue) {
    moduleAdd(m, "getsizeof", newBuiltin("getsizeof", sysGetSizeOf))
    moduleAdd(m, "getrefcount", newBuiltin("getrefcount", sysGetRefcount))
}
