#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python-visible frame objects (CPython 3.11: Objects/frameobject.c). The VM runs on `Frame` records in its data
/// stack and makes a frame object only when one is asked for — sys._getframe(), a traceback entry, gi_frame — as
/// CPython's _PyFrame_GetFrameObject does. While its frame runs, the object reads it in place; when the frame
/// finishes and the object is still referenced, the object takes the frame's values into memory of its own
/// (CPython: take_ownership) and links its f_back to the caller's frame object.
struct FrameObject {
    var header: PyObject
    /// The frame shown: live (data stack or generator) or, when `owned`, a copy this object owns.
    var frame: FramePtr
    var owned: Bool
    /// f_back once the frame finished (owned; NULL: None).
    var back: PyValue
    /// f_trace (owned; NULL: None), f_trace_lines, f_trace_opcodes: stored, not used (no tracing).
    var trace: PyValue
    var traceLines: Bool
    var traceOpcodes: Bool
    /// The dict f_locals hands out for a function frame (CPython: frame->f_locals after PyFrame_FastToLocals).
    var localsDict: PyValue
}

nonisolated(unsafe) var frameType: TypePtr! = nil

/// The frame object of `f` (a new reference), made on first use (CPython: _PyFrame_GetFrameObject).
func frameObjectOf(_ f: FramePtr) -> PyValue {
    if !f.pointee.frameObj.isNull { return newRef(f.pointee.frameObj) }
    let o = allocObject(FrameObject.self, frameType)
    o.pointee.frame = f
    o.pointee.owned = false
    o.pointee.back = .null
    o.pointee.trace = .null
    o.pointee.traceLines = true
    o.pointee.traceOpcodes = false
    o.pointee.localsDict = .null
    let v = PyValue(raw: UInt(bitPattern: o))
    f.pointee.frameObj = newRef(v)  // the frame's own reference, dropped when it finishes
    return v
}

/// Called when `f` finishes and has a frame object. If the object is referenced elsewhere it takes the frame's
/// values (they are moved into its own copy: the caller must not release them) and gets its f_back; returns
/// true then. Otherwise the object goes and the caller releases the values (false).
/// (CPython: _PyFrame_Clear, take_ownership)
@inline(never)
func frameObjectTakesFrame(_ f: FramePtr) -> Bool {
    let v = f.pointee.frameObj
    f.pointee.frameObj = .null
    if v.obj.pointee.refcount == 1 {
        decref(v)
        return false
    }
    let o = v.payload(FrameObject.self)
    let code = f.pointee.code
    let n = code.pointee.nlocalsplus
    let mem = malloc(MemoryLayout<Frame>.stride + max(n, 1) * 8).unsafelyUnwrapped
    let copy = mem.assumingMemoryBound(to: Frame.self)
    let lp = (mem + MemoryLayout<Frame>.stride).assumingMemoryBound(to: PyValue.self)
    lp.moveInitialize(from: f.pointee.localsplus, count: n)
    // Values left on the value stack (a frame unwound by an exception has none) are released here.
    for i in 0..<f.pointee.stackDepth { xdecref(f.pointee.localsplus[n + i]) }
    copy.initialize(to: f.pointee)
    copy.pointee.localsplus = lp
    copy.pointee.stackDepth = 0
    copy.pointee.previous = nil
    copy.pointee.isHeap = true
    copy.pointee.yielded = false
    // The code, globals and builtins were borrowed from the function or the module's runner; the copy keeps them.
    incref(PyValue(raw: UInt(bitPattern: code)))
    xincref(copy.pointee.globals)
    xincref(copy.pointee.builtins)
    o.pointee.frame = copy
    o.pointee.owned = true
    // f_back: the caller's frame object, made now (the caller is still running). A generator's frame forgets its
    // caller when it finishes (CPython: clear_gen_frame sets previous to NULL first).
    if o.pointee.back.isNull, let prev = f.pointee.previous, !f.pointee.isHeap {
        o.pointee.back = frameObjectOf(prev)
    }
    decref(v)
    return true
}

/// A finished frame of its own for `code` with no values (the `<frozen runpy>` entries of a traceback).
func newDetachedFrameObject(_ codeValue: PyValue, globals: PyValue, builtins: PyValue) -> PyValue {
    let code = codeValue.payload(CodeObj.self)
    let mem = malloc(MemoryLayout<Frame>.stride + max(code.pointee.nlocalsplus, 1) * 8).unsafelyUnwrapped
    let f = mem.assumingMemoryBound(to: Frame.self)
    let lp = (mem + MemoryLayout<Frame>.stride).assumingMemoryBound(to: PyValue.self)
    lp.initialize(repeating: .null, count: code.pointee.nlocalsplus)
    incref(codeValue)
    f.initialize(to: Frame(code: code, function: .null, globals: newRef(globals), builtins: newRef(builtins),
                           locals: .null, previous: nil, instr: 0, stackDepth: 0, localsplus: lp, isHeap: true,
                           yielded: false))
    let o = allocObject(FrameObject.self, frameType)
    o.pointee.frame = f
    o.pointee.owned = true
    o.pointee.back = .null
    o.pointee.trace = .null
    o.pointee.traceLines = true
    o.pointee.traceOpcodes = false
    o.pointee.localsDict = .null
    return PyValue(raw: UInt(bitPattern: o))
}

/// Releases what an owned frame copy holds (CPython: frame_tp_clear for FRAME_OWNED_BY_FRAME_OBJECT).
private func clearOwnedFrame(_ f: FramePtr) {
    let n = f.pointee.code.pointee.nlocalsplus
    for i in 0..<n {
        let v = f.pointee.localsplus[i]
        f.pointee.localsplus[i] = .null
        xdecref(v)
    }
}

func frameDealloc(_ w: Word) {
    let o = PyValue(raw: w).payload(FrameObject.self)
    if o.pointee.owned {
        let f = o.pointee.frame
        clearOwnedFrame(f)
        xdecref(f.pointee.locals)
        xdecref(f.pointee.function)
        xdecref(f.pointee.globals)
        xdecref(f.pointee.builtins)
        decref(PyValue(raw: UInt(bitPattern: f.pointee.code)))
        free(f)
    }
    xdecref(o.pointee.back)
    xdecref(o.pointee.trace)
    xdecref(o.pointee.localsDict)
    freeObject(w)
}

/// Whether the frame shown by `o` is running (on the VM's frame chain, not a suspended generator).
private func frameIsLive(_ o: UnsafeMutablePointer<FrameObject>) -> Bool {
    !o.pointee.owned && !(o.pointee.frame.pointee.isHeap && o.pointee.frame.pointee.yielded)
}

/// The code-unit index f_lasti/f_lineno report: a suspended generator's points after its YIELD_VALUE.
private func frameInstr(_ o: UnsafeMutablePointer<FrameObject>) -> Int {
    let f = o.pointee.frame
    if !o.pointee.owned && f.pointee.isHeap && f.pointee.yielded { return max(f.pointee.instr - 1, 0) }
    return f.pointee.instr
}

/// f_lineno (CPython: PyFrame_GetLineNumber).
func frameLineNumber(_ v: PyValue) -> Int {
    let o = v.payload(FrameObject.self)
    let code = o.pointee.frame.pointee.code
    return codeLine(code, instr: frameInstr(o)) ?? code.pointee.firstLine
}

/// The code object of a frame object (borrowed).
func frameCode(_ v: PyValue) -> UnsafeMutablePointer<CodeObj> { v.payload(FrameObject.self).pointee.frame.pointee.code }

/// f_back (new reference; None at the bottom or for a finished/suspended frame without one).
private func frameBack(_ o: UnsafeMutablePointer<FrameObject>) -> PyValue {
    if !o.pointee.back.isNull { return newRef(o.pointee.back) }
    if frameIsLive(o), let prev = o.pointee.frame.pointee.previous { return frameObjectOf(prev) }
    return newRef(pyNone)
}

/// f_locals: the locals mapping of module and class frames, else a dict refreshed from the fast locals
/// (CPython: frame_getlocals → PyFrame_FastToLocalsWithError).
private func frameLocals(_ o: UnsafeMutablePointer<FrameObject>) -> PyValue {
    let f = o.pointee.frame
    if !f.pointee.locals.isNull { return newRef(f.pointee.locals) }
    let fresh = frameLocalsSnapshot(f)
    if o.pointee.localsDict.isNull {
        o.pointee.localsDict = fresh
    } else {
        let d = o.pointee.localsDict
        dictClear(d)
        _ = dictUpdate(d, fresh)
        decref(fresh)
    }
    return newRef(o.pointee.localsDict)
}

private func frameGetAttr(_ w: Word, _ n: Word) -> Word {
    let v = PyValue(raw: w)
    let o = v.payload(FrameObject.self)
    let f = o.pointee.frame
    switch strSwift(PyValue(raw: n)) {
    case "f_code": return newRef(PyValue(raw: UInt(bitPattern: f.pointee.code))).raw
    case "f_back": return frameBack(o).raw
    case "f_globals": return newRef(f.pointee.globals.isNull ? pyNone : f.pointee.globals).raw
    case "f_builtins": return newRef(f.pointee.builtins.isNull ? pyNone : f.pointee.builtins).raw
    case "f_locals": return frameLocals(o).raw
    case "f_lineno": return makeInt(frameLineNumber(v)).raw
    case "f_lasti": return makeInt(frameInstr(o) * 2).raw
    case "f_trace": return newRef(o.pointee.trace.isNull ? pyNone : o.pointee.trace).raw
    case "f_trace_lines": return newRef(makeBool(o.pointee.traceLines)).raw
    case "f_trace_opcodes": return newRef(makeBool(o.pointee.traceOpcodes)).raw
    default: return genericGetAttr(v, PyValue(raw: n)).raw
    }
}

private func frameSetAttr(_ w: Word, _ n: Word, _ x: Word) -> Int {
    let v = PyValue(raw: w)
    let o = v.payload(FrameObject.self)
    let value = PyValue(raw: x)
    let key = strSwift(PyValue(raw: n))
    switch key {
    case "f_trace":
        xdecref(o.pointee.trace)
        o.pointee.trace = value.isNull || value == pyNone ? .null : newRef(value)
        return 0
    case "f_trace_lines", "f_trace_opcodes":
        if value.isNull { return raiseInt(attributeErrorType, "cannot delete attribute") }
        if value.type != boolType { return raiseInt(typeErrorType, "attribute value type must be bool") }
        if key == "f_trace_lines" { o.pointee.traceLines = value == pyTrue } else { o.pointee.traceOpcodes = value == pyTrue }
        return 0
    case "f_lineno":
        if value.isNull { return raiseInt(attributeErrorType, "cannot delete attribute") }
        if value.type != intType && !value.isSmallInt {
            return raiseInt(valueErrorType, "lineno must be an integer")
        }
        return raiseInt(valueErrorType, "f_lineno can only be set by a trace function")
    case "f_code", "f_back", "f_globals", "f_builtins", "f_locals", "f_lasti":
        return raiseInt(attributeErrorType, "attribute '\(key)' of 'frame' objects is not writable")
    default:
        return genericSetAttr(v, PyValue(raw: n), value)
    }
}

func installFrameType() {
    frameType = newType("frame", base: objectType, basicSize: MemoryLayout<FrameObject>.stride, dealloc: frameDealloc)
    frameType.pointee.dict = newDict()
    frameType.pointee.getattro = frameGetAttr
    frameType.pointee.setattro = frameSetAttr
    installTracebackType()
    frameType.pointee.repr = { w in
        let v = PyValue(raw: w)
        let code = frameCode(v)
        let file = objectRepr(code.pointee.filename)
        defer { xdecref(file) }
        return newStr("<frame at \(addressString(v)), file \(file.isNull ? "?" : strSwift(file)), line \(frameLineNumber(v)), code \(strSwift(code.pointee.name))>").raw
    }
    // CPython: frame_clear — a running frame cannot be cleared; a finished one drops its locals.
    addMethod(frameType, "clear") { s, _, n, _ in
        if n != 0 { return raise(typeErrorType, "frame.clear() takes no arguments (\(n) given)").raw }
        let o = PyValue(raw: s).payload(FrameObject.self)
        if frameIsLive(o) { return raise(runtimeErrorType, "cannot clear an executing frame").raw }
        if o.pointee.owned {
            xdecref(o.pointee.trace)
            o.pointee.trace = .null
            clearOwnedFrame(o.pointee.frame)
        }
        return newRef(pyNone).raw
    }
    addMethod(frameType, "__sizeof__") { s, _, _, _ in
        let o = PyValue(raw: s).payload(FrameObject.self)
        let c = o.pointee.frame.pointee.code.pointee
        return makeInt(120 + (c.nlocalsplus + c.stackSize) * 8).raw
    }
}

/// sys._getframe([depth]) (CPython: sys__getframe_impl).
func sysGetFrame(_ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("_getframe"), a.count("_getframe", 0, 1) else { return 0 }
    var depth = 0
    if n == 1 {
        if a[0].type == floatType { return raise(typeErrorType, "'float' object cannot be interpreted as an integer").raw }
        guard let d = indexValueOrRaise(a[0]) else { return 0 }
        depth = d
    }
    var f = currentFrame
    while depth > 0, let cur = f {
        f = cur.pointee.previous
        depth -= 1
    }
    guard let frame = f else { return raise(valueErrorType, "call stack is not deep enough").raw }
    return frameObjectOf(frame).raw
}
