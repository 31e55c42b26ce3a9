/// The rest of CPython 3.11's exception hierarchy (Objects/exceptions.c) and the attributes of the exceptions
/// that have them: OSError (errno/strerror/filename/filename2, the subclass chosen by errno), ImportError
/// (name/path/msg), NameError/AttributeError (name, obj), the Unicode errors, SyntaxError; add_note/__notes__;
/// ExceptionGroup/BaseExceptionGroup (split, subgroup, derive) and the except* helpers (CHECK_EG_MATCH,
/// PREP_RERAISE_STAR). Extra attributes live in the instance `__dict__`.

nonisolated(unsafe) var osErrorType: TypePtr! = nil
nonisolated(unsafe) var baseExceptionGroupType: TypePtr! = nil
nonisolated(unsafe) var exceptionGroupType: TypePtr! = nil
nonisolated(unsafe) var excUnicodeDecodeErrorType: TypePtr! = nil
nonisolated(unsafe) var excUnicodeEncodeErrorType: TypePtr! = nil
nonisolated(unsafe) var unicodeTranslateErrorType: TypePtr! = nil
/// errno → OSError subclass (CPython: errnomap).
nonisolated(unsafe) var osErrorByErrno: [Int: TypePtr] = [:]

func excDict(_ e: PyValue) -> PyValue {
    let slot = instanceDictSlot(e).unsafelyUnwrapped
    if slot.pointee.isNull { slot.pointee = newDict() }
    return slot.pointee
}
func excSet(_ e: PyValue, _ name: String, _ v: PyValue) { _ = dictSetItem(excDict(e), internStr(name), v) }
func excGet(_ e: PyValue, _ name: String) -> PyValue {
    guard let slot = instanceDictSlot(e), !slot.pointee.isNull else { return pyNone }
    let v = dictGetItemStr(slot.pointee, internStr(name))
    return v.isNull ? pyNone : v
}

func makeMoreExceptionTypes(_ mkNew: (String, TypePtr?) -> TypePtr, osError: TypePtr) {
    // A type the core made already (StopAsyncIteration, for the async machinery) is kept, never made twice: the
    // builtin name and the VM must raise and catch the same class.
    func mk(_ name: String, _ base: TypePtr?) -> TypePtr {
        for (n, t) in exceptionTypes where n == name { return t }
        return mkNew(name, base)
    }
    baseExceptionGroupType = mk("BaseExceptionGroup", baseExceptionType)
    exceptionGroupType = newType("ExceptionGroup", base: baseExceptionGroupType, basicSize: MemoryLayout<ExceptionObject>.stride,
                                 dealloc: exceptionDealloc, flags: TypeFlag.baseType | TypeFlag.baseExcSubclass)
    exceptionGroupType.pointee.dict = newDict()
    inheritSlots(exceptionGroupType, from: exceptionType)
    setMRO(exceptionGroupType, [exceptionGroupType, baseExceptionGroupType, exceptionType, baseExceptionType, objectType])
    exceptionTypes.append(("ExceptionGroup", exceptionGroupType))
    for (n, errnos) in [("BlockingIOError", [11, 114, 115]), ("ChildProcessError", [10]), ("ConnectionError", []),
                        ("FileExistsError", [17]), ("FileNotFoundError", [2]), ("InterruptedError", [4]),
                        ("IsADirectoryError", [21]), ("NotADirectoryError", [20]), ("PermissionError", [1, 13]),
                        ("ProcessLookupError", [3]), ("TimeoutError", [110])] {
        let t = mk(n, osError)
        for e in errnos { osErrorByErrno[e] = t }
        if n == "ConnectionError" {
            for (cn, ce) in [("BrokenPipeError", [32, 108]), ("ConnectionAbortedError", [103]),
                             ("ConnectionRefusedError", [111]), ("ConnectionResetError", [104])] {
                let c = mk(cn, t)
                for e in ce { osErrorByErrno[e] = c }
            }
        }
    }
    exceptionTypes.append(("EnvironmentError", osError))
    exceptionTypes.append(("IOError", osError))
    // SyntaxError, IndentationError, TabError: installSyntaxErrorTypes (Compile.swift).
    _ = mk("SystemError", exceptionType)
    var unicodeError: TypePtr? = nil
    for (n, t) in exceptionTypes where n == "UnicodeError" { unicodeError = t }
    let ue = unicodeError ?? mk("UnicodeError", valueErrorType)
    if unicodeError == nil {
        excUnicodeDecodeErrorType = mk("UnicodeDecodeError", ue)
        excUnicodeEncodeErrorType = mk("UnicodeEncodeError", ue)
    } else {
        for (n, t) in exceptionTypes {
            if n == "UnicodeDecodeError" { excUnicodeDecodeErrorType = t }
            if n == "UnicodeEncodeError" { excUnicodeEncodeErrorType = t }
        }
    }
    unicodeTranslateErrorType = mk("UnicodeTranslateError", ue)
    var warning: TypePtr! = nil
    for (n, t) in exceptionTypes where n == "Warning" { warning = t }
    if warning == nil { warning = mk("Warning", exceptionType) }
    let have = Set(exceptionTypes.map { $0.0 })
    for n in ["BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
              "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning",
              "UserWarning"] where !have.contains(n) {
        _ = mk(n, warning)
    }
}

/// Installed after the base exception slots and methods (Methods.swift) exist.
func installExceptionAttributes() {
    let be = baseExceptionType!
    addGetSet(be, "__dict__", instanceDictGetter, instanceDictSetter)
    addMethod(be, "add_note") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "BaseException.add_note() takes exactly one argument (\(n) given)").raw }
        let note = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isInstance(note, strType) { return raise(typeErrorType, "note must be a str, not '\(typeName(note))'").raw }
        let e = PyValue(raw: s)
        let d = excDict(e)
        var notes = dictGetItemStr(d, internStr("__notes__"))
        if notes.isNull {
            let l = newList([])
            _ = dictSetItem(d, internStr("__notes__"), l)
            decref(l)
            notes = l
        } else if notes.type != listType {
            return raise(typeErrorType, "Cannot add note: __notes__ is not a list").raw
        }
        let r = callMethod(notes, "append", [note])
        if r.isNull { return 0 }
        return r.raw
    }
    // OSError: errno → subclass in __new__, attributes in __init__ (CPython: OSError_new / oserror_init).
    let os = osErrorType!
    os.pointee.new = { t, p, n, kw in
        var type = asType(PyValue(raw: t))
        if type == osErrorType && n >= 2, let e = smallOperand(PyValue(raw: p.unsafelyUnwrapped[0])), let sub = osErrorByErrno[e] {
            type = sub
        }
        let e = newException(type, args: newTupleFrom(p, n))
        osErrorFill(e, p, n)
        return e.raw
    }
    os.pointee.initFn = { _, _, _, _ in 0 }
    os.pointee.str = { w in
        let e = PyValue(raw: w)
        let errno = excGet(e, "errno"), strerror = excGet(e, "strerror")
        let f1 = excGet(e, "filename"), f2 = excGet(e, "filename2")
        func r(_ v: PyValue) -> String { let x = objectRepr(v); defer { xdecref(x) }; return x.isNull ? "?" : strSwift(x) }
        func st(_ v: PyValue) -> String { let x = objectStr(v); defer { xdecref(x) }; return x.isNull ? "?" : strSwift(x) }
        if f1 != pyNone {
            if f2 != pyNone { return newStr("[Errno \(st(errno))] \(st(strerror)): \(r(f1)) -> \(r(f2))").raw }
            return newStr("[Errno \(st(errno))] \(st(strerror)): \(r(f1))").raw
        }
        if errno != pyNone && strerror != pyNone { return newStr("[Errno \(st(errno))] \(st(strerror))").raw }
        return exceptionStr(e).raw
    }
    for name in ["errno", "strerror", "filename", "filename2"] { _ = name }
    // BlockingIOError.characters_written
    // ImportError(msg, name=, path=)
    var importErr: TypePtr! = nil, nameErr: TypePtr! = nil
    for (n, t) in exceptionTypes {
        if n == "ImportError" { importErr = t }
        if n == "NameError" { nameErr = t }
    }
    importErr.pointee.initFn = { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.checkKeywords("ImportError", ["name", "path"]) else { return -1 }
        let e = PyValue(raw: s)
        setExcArgs(e, p, n)
        excSet(e, "name", a.keyword("name").isNull ? pyNone : a.keyword("name"))
        excSet(e, "path", a.keyword("path").isNull ? pyNone : a.keyword("path"))
        excSet(e, "msg", n == 1 ? a[0] : pyNone)
        return 0
    }
    importErr.pointee.str = { w in
        let m = excGet(PyValue(raw: w), "msg")
        if m != pyNone { return objectStr(m).raw }
        return exceptionStr(PyValue(raw: w)).raw
    }
    nameErr.pointee.initFn = { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.checkKeywords("NameError", ["name"]) else { return -1 }
        setExcArgs(PyValue(raw: s), p, n)
        excSet(PyValue(raw: s), "name", a.keyword("name").isNull ? pyNone : a.keyword("name"))
        return 0
    }
    attributeErrorType.pointee.initFn = { s, p, n, kw in
        let a = Args(p, n, kw)
        guard a.checkKeywords("AttributeError", ["name", "obj"]) else { return -1 }
        setExcArgs(PyValue(raw: s), p, n)
        excSet(PyValue(raw: s), "name", a.keyword("name").isNull ? pyNone : a.keyword("name"))
        excSet(PyValue(raw: s), "obj", a.keyword("obj").isNull ? pyNone : a.keyword("obj"))
        return 0
    }
    // Unicode errors (CPython: UnicodeDecodeError_init, UnicodeEncodeError_str...).
    excUnicodeDecodeErrorType.pointee.initFn = { s, p, n, kw in unicodeErrorInit(s, p, n, true) }
    excUnicodeDecodeErrorType.pointee.str = { w in unicodeErrorStr(PyValue(raw: w), true).raw }
    excUnicodeEncodeErrorType.pointee.initFn = { s, p, n, kw in unicodeErrorInit(s, p, n, false) }
    excUnicodeEncodeErrorType.pointee.str = { w in unicodeErrorStr(PyValue(raw: w), false).raw }
    for t in [os, importErr!, nameErr!, attributeErrorType!, excUnicodeDecodeErrorType!, excUnicodeEncodeErrorType!] {
        addMethod(t, "__init__") { s, p, n, kw in
            let t = PyValue(raw: s).type
            var k: TypePtr? = t
            while let c = k, c.pointee.isHeapType { k = c.pointee.base }
            guard let f = k?.pointee.initFn else { return newRef(pyNone).raw }
            return f(s, p, n, kw) < 0 ? 0 : newRef(pyNone).raw
        }
        addMethod(t, "__str__") { s, _, _, _ in
            var k: TypePtr? = PyValue(raw: s).type
            while let c = k, c.pointee.isHeapType { k = c.pointee.base }
            return k?.pointee.str?(s) ?? exceptionStr(PyValue(raw: s)).raw
        }
    }
    installExceptionGroups()
    // Built-in subclasses created before these slots were set take their parent's (CPython: inherit_slots).
    let plainInit = unsafeBitCast(exceptionInit as InitFn, to: UInt.self)
    let plainNew = unsafeBitCast(exceptionNew as CallFn, to: UInt.self)
    for (_, t) in exceptionTypes {
        guard let b = t.pointee.base, b != objectType, t != exceptionGroupType else { continue }
        if t.pointee.initFn.map({ unsafeBitCast($0, to: UInt.self) }) == plainInit { t.pointee.initFn = b.pointee.initFn }
        if t.pointee.new.map({ unsafeBitCast($0, to: UInt.self) }) == plainNew { t.pointee.new = b.pointee.new }
        if t.pointee.str.map({ unsafeBitCast($0, to: UInt.self) }) == unsafeBitCast(exceptionStrSlot as UnaryFn, to: UInt.self) {
            t.pointee.str = b.pointee.str
        }
    }
}

func setExcArgs(_ e: PyValue, _ p: UnsafePointer<UInt>?, _ n: Int) {
    let ep = e.payload(ExceptionObject.self)
    let old = ep.pointee.args
    ep.pointee.args = newTupleFrom(p, n)
    xdecref(old)
}

func osErrorFill(_ e: PyValue, _ p: UnsafePointer<UInt>?, _ n: Int) {
    for k in ["errno", "strerror", "filename", "filename2"] { excSet(e, k, pyNone) }
    if e.type == osErrorByErrno[11] || isSubtype(e.type, osErrorByErrno[11] ?? osErrorType) {
        if n >= 3, isIntLike(PyValue(raw: p.unsafelyUnwrapped[2])) { excSet(e, "characters_written", PyValue(raw: p.unsafelyUnwrapped[2])) }
    }
    if n < 2 || n > 5 { return }
    let a = p.unsafelyUnwrapped
    excSet(e, "errno", PyValue(raw: a[0]))
    excSet(e, "strerror", PyValue(raw: a[1]))
    if n >= 3 && !(e.type == osErrorByErrno[11]) {
        excSet(e, "filename", PyValue(raw: a[2]))
        if n >= 5 { excSet(e, "filename2", PyValue(raw: a[4])) }
        // args keeps only (errno, strerror) when a filename was given (CPython: oserror_init).
        let ep = e.payload(ExceptionObject.self)
        let old = ep.pointee.args
        ep.pointee.args = newTupleFrom(a, 2)
        decref(old)
    }
}

func unicodeErrorInit(_ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ decode: Bool) -> Int {
    if n != 5 { return raiseInt(typeErrorType, "function takes exactly 5 arguments (\(n) given)") }
    let e = PyValue(raw: s)
    setExcArgs(e, p, n)
    let a = p.unsafelyUnwrapped
    for (i, k) in ["encoding", "object", "start", "end", "reason"].enumerated() { excSet(e, k, PyValue(raw: a[i])) }
    return 0
}

func unicodeErrorStr(_ e: PyValue, _ decode: Bool) -> PyValue {
    let enc = excGet(e, "encoding"), obj = excGet(e, "object"), reason = excGet(e, "reason")
    guard let start = smallOperand(excGet(e, "start")), let end = smallOperand(excGet(e, "end")) else { return newStr("") }
    let encS = isInstance(enc, strType) ? strSwift(enc) : "?"
    let reasonS = isInstance(reason, strType) ? strSwift(reason) : "?"
    if decode {
        if end == start + 1, isInstance(obj, bytesType), start >= 0, start < obj.payload(BytesObject.self).pointee.bytes.count {
            let b = obj.payload(BytesObject.self).pointee.bytes[start]
            let hex = String(b, radix: 16)
            return newStr("'\(encS)' codec can't decode byte 0x\(hex.count < 2 ? "0" + hex : hex) in position \(start): \(reasonS)")
        }
        return newStr("'\(encS)' codec can't decode bytes in position \(start)-\(end - 1): \(reasonS)")
    }
    if end == start + 1, isInstance(obj, strType), start >= 0, start < strCount(obj) {
        let c = strData(obj)[start]
        let h = String(c, radix: 16)
        let esc = c < 0x100 ? "\\x" + String(repeating: "0", count: 2 - h.count) + h
            : c < 0x10000 ? "\\u" + String(repeating: "0", count: 4 - h.count) + h : "\\U" + String(repeating: "0", count: 8 - h.count) + h
        return newStr("'\(encS)' codec can't encode character '\(esc)' in position \(start): \(reasonS)")
    }
    return newStr("'\(encS)' codec can't encode characters in position \(start)-\(end - 1): \(reasonS)")
}
