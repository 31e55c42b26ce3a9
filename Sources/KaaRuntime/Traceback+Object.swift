/// Traceback objects (CPython 3.11: Python/traceback.c). An exception's `__traceback__` is a chain of them, the
/// outermost frame first: while an exception unwinds, each frame it leaves puts a new entry in front
/// (CPython: PyTraceBack_Here). Entries are made only then, never on the VM's normal path.
struct TracebackObject {
    var header: PyObject
    /// tb_next (owned; NULL: None).
    var next: PyValue
    /// tb_frame (owned frame object).
    var frame: PyValue
    /// tb_lasti: the byte offset of the instruction that raised or called.
    var lasti: Int
    /// tb_lineno, computed on first use when `Int.min`.
    var lineno: Int
}

nonisolated(unsafe) var tracebackType: TypePtr! = nil

func newTraceback(next: PyValue, frame: PyValue, lasti: Int, lineno: Int) -> PyValue {
    let t = allocObject(TracebackObject.self, tracebackType)
    t.pointee.next = next
    t.pointee.frame = frame
    t.pointee.lasti = lasti
    t.pointee.lineno = lineno
    return PyValue(raw: UInt(bitPattern: t))
}

/// Puts an entry for frame `f` (at its current instruction) in front of `exc`'s traceback (CPython:
/// PyTraceBack_Here). Called by the eval loop as the exception leaves or is caught in `f`.
@inline(never)
func addTraceback(_ exc: PyValue, _ f: FramePtr) {
    if exc.isNull || !isInstance(exc, baseExceptionType) { return }
    let e = exc.payload(ExceptionObject.self)
    let old = e.pointee.traceback
    e.pointee.traceback = newTraceback(next: old, frame: frameObjectOf(f), lasti: f.pointee.instr * 2, lineno: Int.min)
}

/// tb_lineno (CPython 3.11 computes it when the entry is made; Kaa when first read, from the same tb_lasti).
func tracebackLineno(_ v: PyValue) -> Int {
    let t = v.payload(TracebackObject.self)
    if t.pointee.lineno == Int.min {
        let code = frameCode(t.pointee.frame)
        t.pointee.lineno = t.pointee.lasti < 0 ? -1 : (codeLine(code, instr: t.pointee.lasti / 2) ?? -1)
    }
    return t.pointee.lineno
}

/// `exc.__traceback__` (new reference; None when it has none).
func exceptionTraceback(_ exc: PyValue) -> PyValue {
    let tb = exc.payload(ExceptionObject.self).pointee.traceback
    return newRef(tb.isNull ? pyNone : tb)
}

/// Sets `exc.__traceback__` to `tb` (a traceback or None; borrowed); -1 with TypeError otherwise.
/// (CPython: PyException_SetTraceback / BaseException_set_tb)
func setExceptionTraceback(_ exc: PyValue, _ tb: PyValue) -> Int {
    if tb.isNull { return raiseInt(typeErrorType, "__traceback__ may not be deleted") }
    if tb != pyNone && tb.type != tracebackType {
        return raiseInt(typeErrorType, "__traceback__ must be a traceback or None")
    }
    let e = exc.payload(ExceptionObject.self)
    let old = e.pointee.traceback
    e.pointee.traceback = tb == pyNone ? .null : newRef(tb)
    xdecref(old)
    return 0
}

private func tracebackDealloc(_ w: Word) {
    let t = PyValue(raw: w).payload(TracebackObject.self)
    // A long chain is released iteratively, not by recursion through each entry's dealloc.
    var next = t.pointee.next
    xdecref(t.pointee.frame)
    freeObject(w)
    while !next.isNull && next.obj.pointee.refcount == 1 {
        let n = next.payload(TracebackObject.self)
        let after = n.pointee.next
        xdecref(n.pointee.frame)
        freeObject(next.raw)
        next = after
    }
    xdecref(next)
}

/// tb_next's setter: a traceback or None, without making a loop (CPython: tb_next_set).
private func setTracebackNext(_ v: PyValue, _ value: PyValue) -> Int {
    if value.isNull { return raiseInt(typeErrorType, "can't delete tb_next attribute") }
    if value != pyNone && value.type != tracebackType {
        return raiseInt(typeErrorType, "expected traceback object, got '\(typeName(value))'")
    }
    var cursor = value
    while cursor != pyNone && !cursor.isNull {
        if cursor == v { return raiseInt(valueErrorType, "traceback loop detected") }
        cursor = cursor.payload(TracebackObject.self).pointee.next
    }
    let t = v.payload(TracebackObject.self)
    let old = t.pointee.next
    t.pointee.next = value == pyNone ? .null : newRef(value)
    xdecref(old)
    return 0
}

func installTracebackType() {
    tracebackType = newType("traceback", base: objectType, basicSize: MemoryLayout<TracebackObject>.stride,
                            dealloc: tracebackDealloc)
    tracebackType.pointee.dict = newDict()
    tracebackType.pointee.getattro = { w, n in
        let v = PyValue(raw: w)
        let t = v.payload(TracebackObject.self)
        switch strSwift(PyValue(raw: n)) {
        case "tb_next": return newRef(t.pointee.next.isNull ? pyNone : t.pointee.next).raw
        case "tb_frame": return newRef(t.pointee.frame).raw
        case "tb_lasti": return makeInt(t.pointee.lasti).raw
        case "tb_lineno": return makeInt(tracebackLineno(v)).raw
        default: return genericGetAttr(v, PyValue(raw: n)).raw
        }
    }
    tracebackType.pointee.setattro = { w, n, x in
        let v = PyValue(raw: w)
        switch strSwift(PyValue(raw: n)) {
        case "tb_next": return setTracebackNext(v, PyValue(raw: x))
        case let k where ["tb_frame", "tb_lasti", "tb_lineno"].contains(k):
            return raiseInt(attributeErrorType, "attribute '\(k)' of 'traceback' objects is not writable")
        default: return genericSetAttr(v, PyValue(raw: n), PyValue(raw: x))
        }
    }
    // types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) (CPython: tb_new_impl).
    tracebackType.pointee.new = { _, p, n, kw in
        let a = Args(p, n, kw)
        guard let args = a.bind("TracebackType", ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], required: 4)
        else { return 0 }
        let next = args[0], frame = args[1]
        if next != pyNone && next.type != tracebackType {
            return raise(typeErrorType, "expected traceback object or None, got '\(typeName(next))'").raw
        }
        if frame.type != frameType {
            return raise(typeErrorType, "TracebackType() argument 'tb_frame' must be frame, not \(typeName(frame))").raw
        }
        for (i, name) in [(2, "tb_lasti"), (3, "tb_lineno")] where !args[i].isSmallInt && !isInstance(args[i], intType) {
            _ = name
            return raise(typeErrorType, "'\(typeName(args[i]))' object cannot be interpreted as an integer").raw
        }
        guard let lasti = indexValueOrRaise(args[2]), let lineno = indexValueOrRaise(args[3]) else { return 0 }
        return newTraceback(next: next == pyNone ? .null : newRef(next), frame: newRef(frame), lasti: lasti,
                            lineno: lineno).raw
    }
    addMethod(tracebackType, "__dir__") { _, _, _, _ in
        newList(["tb_frame", "tb_next", "tb_lasti", "tb_lineno"].map { newStr($0) }).raw
    }
}
