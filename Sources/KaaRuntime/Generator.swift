#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generators, coroutines and async generators (CPython 3.11: Objects/genobject.c). Calling a generator function
/// makes a frame in malloc'd memory owned by the generator, runs its prologue up to RETURN_GENERATOR, and returns
/// the generator. `genSendEx` pushes the sent value and re-enters the eval loop with that frame as the entry frame
/// (with the throw flag for `throw()`); YIELD_VALUE suspends it. The three kinds share one layout and differ by
/// type (CPython: _PyGenObject_HEAD); the async machinery (asend/athrow objects, await) is in Coroutine.swift.
struct GeneratorObject {
    var header: PyObject
    /// NULL once the frame completed (CPython: FRAME_COMPLETED/CLEARED).
    var frame: FramePtr?
    /// FRAME_EXECUTING.
    var running: Bool
    /// False while the frame is FRAME_CREATED (never resumed).
    var started: Bool
    /// Async generators: ag_running_async (an asend/athrow awaitable is in progress), ag_closed.
    var runningAsync: Bool
    var closed: Bool
    var name: PyValue
    var qualname: PyValue
    /// The code object (owned), still readable after the frame is gone (gi_code).
    var code: PyValue
    /// The exception the generator is handling while suspended (CPython: gi_exc_state), NULL when none.
    var excState: PyValue
}

nonisolated(unsafe) var generatorType: TypePtr! = nil
nonisolated(unsafe) var coroutineType: TypePtr! = nil
nonisolated(unsafe) var asyncGeneratorType: TypePtr! = nil
nonisolated(unsafe) var generatorExitType: TypePtr! = nil
nonisolated(unsafe) var stopAsyncIterationType: TypePtr! = nil

/// The handled exceptions of the frames below a running generator (CPython: the exc_info chain through
/// `previous_item`): `handledExc` is the innermost one; a generator's own state replaces it while it runs.
nonisolated(unsafe) var outerHandledExc: [PyValue] = []

/// CPython: _PyErr_GetTopmostException — the innermost exception being handled, skipping empty entries.
func topmostHandledExc() -> PyValue {
    if !handledExc.isNull && handledExc != pyNone { return handledExc }
    var i = outerHandledExc.count - 1
    while i >= 0 {
        let e = outerHandledExc[i]
        if !e.isNull && e != pyNone { return e }
        i -= 1
    }
    return .null
}

@inline(__always) func isGenLike(_ v: PyValue) -> Bool {
    if v.isSmallInt || v.isNull { return false }
    let t = v.obj.pointee.type
    return t == generatorType || t == coroutineType || t == asyncGeneratorType
}

/// "generator" / "coroutine" / "async generator" for messages.
func genKindName(_ v: PyValue) -> String {
    let t = v.type
    return t == coroutineType ? "coroutine" : (t == asyncGeneratorType ? "async generator" : "generator")
}

func freeGeneratorFrame(_ f: FramePtr) {
    if !f.pointee.frameObj.isNull && frameObjectTakesFrame(f) { free(f); return }
    let n = f.pointee.code.pointee.nlocalsplus + f.pointee.stackDepth
    for i in 0..<n { xdecref(f.pointee.localsplus[i]) }
    xdecref(f.pointee.locals)
    xdecref(f.pointee.function)
    free(f)
}

/// Warnings already shown (the `default` action shows one per location and text).
nonisolated(unsafe) var shownWarnings: Set<String> = []

/// CPython: _PyErr_WarnUnawaitedCoroutine through warnings.warn(stacklevel=2): the location is the running frame.
func warnUnawaitedCoroutine(_ qualname: PyValue) {
    var file = "sys", line = 1
    if let f = currentFrame {
        file = strSwift(f.pointee.code.pointee.filename)
        line = codeLine(f.pointee.code, instr: f.pointee.instr) ?? f.pointee.code.pointee.firstLine
    }
    let text = "coroutine '\(strSwift(qualname))' was never awaited"
    let key = "\(file):\(line):\(text)"
    if shownWarnings.contains(key) { return }
    shownWarnings.insert(key)
    var s = "\(file):\(line): RuntimeWarning: \(text)\n"
    if file != "sys", let src = sourceLine(file, line) { s += "  \(src)\n" }
    // At shutdown (no frame) warnings can no longer import tracemalloc, so CPython prints no hint.
    if file != "sys" { s += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n" }
    writeStderr(s)
}

func generatorDealloc(_ w: Word) {
    let gv = PyValue(raw: w)
    let g = gv.payload(GeneratorObject.self)
    // CPython: _PyGen_Finalize — close a suspended generator (running its finally blocks), warn about a coroutine
    // that never ran. The object lives again while that Python code runs.
    if let f = g.pointee.frame {
        if g.pointee.started {
            gv.obj.pointee.refcount = 1
            let saved = fetchException()
            let r = genClose(gv)
            if r.isNull { writeUnraisable(gv) } else { decref(r) }
            if !saved.isNull { xdecref(curExc); curExc = saved }
            gv.obj.pointee.refcount -= 1
            if gv.obj.pointee.refcount > 0 { return }
            if let f2 = g.pointee.frame { freeGeneratorFrame(f2); g.pointee.frame = nil }
        } else {
            if gv.type == coroutineType { warnUnawaitedCoroutine(g.pointee.qualname) }
            freeGeneratorFrame(f)
            g.pointee.frame = nil
        }
    }
    xdecref(g.pointee.excState)
    decref(g.pointee.name); decref(g.pointee.qualname); decref(g.pointee.code)
    freeObject(w)
}

func makeGenerator(_ fv: PyValue, _ args: UnsafePointer<UInt>?, _ nargs: Int, _ kwnames: PyValue) -> PyValue {
    let fn = fv.payload(FunctionObject.self)
    let code = fn.pointee.code.payload(CodeObj.self)
    let words = code.pointee.nlocalsplus + code.pointee.stackSize
    let mem = malloc(MemoryLayout<Frame>.stride + words * 8)!
    let f = mem.assumingMemoryBound(to: Frame.self)
    let lp = (mem + MemoryLayout<Frame>.stride).assumingMemoryBound(to: PyValue.self)
    lp.initialize(repeating: .null, count: code.pointee.nlocalsplus)
    incref(fv)
    f.initialize(to: Frame(code: code, function: fv, globals: fn.pointee.globals, builtins: fn.pointee.builtins,
                           locals: .null, previous: nil, instr: 0, stackDepth: 0, localsplus: lp, isHeap: true,
                           yielded: false))
    if !bindArguments(fn, code, lp, args, nargs, kwnames) { freeGeneratorFrame(f); return .null }
    // Run the prologue (COPY_FREE_VARS, MAKE_CELL) up to RETURN_GENERATOR.
    if recursionDepth >= recursionLimit { freeGeneratorFrame(f); return raise(recursionErrorType, "maximum recursion depth exceeded") }
    f.pointee.previous = currentFrame
    currentFrame = f
    recursionDepth += 1
    let r = evalFrame(f)
    if r.isNull { free(f); return .null }
    decref(r)
    let flags = code.pointee.flags
    let type: TypePtr = flags & 0x80 != 0 ? coroutineType : (flags & 0x200 != 0 ? asyncGeneratorType : generatorType)
    let g = allocObject(GeneratorObject.self, type)
    g.pointee.frame = f
    g.pointee.running = false
    g.pointee.started = false
    g.pointee.runningAsync = false
    g.pointee.closed = false
    g.pointee.name = newRef(fn.pointee.name)
    g.pointee.qualname = newRef(fn.pointee.qualname)
    g.pointee.code = newRef(fn.pointee.code)
    g.pointee.excState = .null
    return PyValue(raw: UInt(bitPattern: g))
}

/// CPython's PySendResult.
enum GenStatus { case next, ret, error }

/// Resumes the generator (CPython: gen_send_ex2). `arg` NULL is next() (a None is pushed); `exc` resumes by raising
/// the current exception at the suspension point (throw); `closing` is close()'s silent mode for used coroutines.
/// (yielded value, .next), (return value, .ret), (NULL, .error) with an exception — or without one when a
/// generator driven by next() returned None (exhausted).
func genSendEx2(_ gv: PyValue, _ arg: PyValue, exc: Bool, closing: Bool) -> (PyValue, GenStatus) {
    let g = gv.payload(GeneratorObject.self)
    let t = gv.type
    if g.pointee.frame != nil && !g.pointee.started && !arg.isNull && arg != pyNone {
        if exc { decref(fetchException()) }
        raise(typeErrorType, "can't send non-None value to a just-started \(genKindName(gv))")
        return (.null, .error)
    }
    if g.pointee.running {
        if exc { decref(fetchException()) }
        raise(valueErrorType, "\(genKindName(gv)) already executing")
        return (.null, .error)
    }
    guard let f = g.pointee.frame else {
        if t == coroutineType && !closing {
            if exc { decref(fetchException()) }
            raise(runtimeErrorType, "cannot reuse already awaited coroutine")
            return (.null, .error)
        }
        if !arg.isNull && !exc { return (newRef(pyNone), .ret) }
        return (.null, .error)
    }
    if recursionDepth >= recursionLimit {
        if exc { decref(fetchException()) }
        raise(recursionErrorType, "maximum recursion depth exceeded")
        return (.null, .error)
    }
    let sp = f.pointee.localsplus + f.pointee.code.pointee.nlocalsplus + f.pointee.stackDepth
    sp.pointee = arg.isNull ? newRef(pyNone) : newRef(arg)
    f.pointee.stackDepth += 1
    // Switch to the generator's exception state (CPython: gi_exc_state becomes tstate->exc_info).
    outerHandledExc.append(handledExc)
    handledExc = g.pointee.excState
    g.pointee.excState = .null
    if exc && !handledExc.isNull && handledExc != pyNone && !curExc.isNull && curExc != handledExc {
        // CPython: _PyErr_ChainStackItem — the thrown exception's context is what the generator was handling.
        let e = curExc.payload(ExceptionObject.self)
        xdecref(e.pointee.context)
        e.pointee.context = newRef(handledExc)
    }
    f.pointee.previous = currentFrame
    currentFrame = f
    recursionDepth += 1
    f.pointee.yielded = false
    g.pointee.running = true
    g.pointee.started = true
    let r = evalFrame(f, throwing: exc)
    g.pointee.running = false
    g.pointee.excState = handledExc
    handledExc = outerHandledExc.removeLast()
    if f.pointee.yielded && !r.isNull { return (r, .next) }
    // Finished: the eval loop released the frame's values; its memory is ours.
    free(f)
    g.pointee.frame = nil
    xdecref(g.pointee.excState)
    g.pointee.excState = .null
    if r.isNull {
        if isInstance(curExc, stopIterationType) {
            raiseFromCause(runtimeErrorType, "\(genKindName(gv)) raised StopIteration")
        } else if t == asyncGeneratorType && isInstance(curExc, stopAsyncIterationType) {
            raiseFromCause(runtimeErrorType, "async generator raised StopAsyncIteration")
        }
        return (.null, .error)
    }
    if r == pyNone && t != asyncGeneratorType && arg.isNull {
        decref(r)
        return (.null, .error)
    }
    return (r, .ret)
}

/// CPython: _PyErr_FormatFromCause — a new exception whose __cause__ and __context__ are the current one.
func raiseFromCause(_ type: TypePtr, _ message: String) {
    let cause = fetchException()
    let e = newException(type, args: newTuple([newStr(message)]))
    let ep = e.payload(ExceptionObject.self)
    ep.pointee.cause = cause
    ep.pointee.context = newRef(cause)
    ep.pointee.suppressContext = true
    xdecref(curExc)
    curExc = e
}

/// CPython: _PyGen_SetStopIterationValue.
func setStopIterationValue(_ v: PyValue) {
    setExceptionNoContext(newException(stopIterationType, args: newTuple([newRef(v)])))
}

/// The value a StopIteration carries, taking the current exception (CPython: _PyGen_FetchStopIterationValue):
/// nil when the current exception is another one (left set).
func fetchStopIterationValue() -> PyValue? {
    if curExc.isNull { return newRef(pyNone) }
    if !isInstance(curExc, stopIterationType) { return nil }
    let e = fetchException()
    let a = e.payload(ExceptionObject.self).pointee.args
    let v = newRef(tupleCount(a) > 0 ? tupleItem(a, 0) : pyNone)
    decref(e)
    return v
}

/// CPython: gen_send_ex — a return becomes StopIteration(value) (StopAsyncIteration for async generators).
func genSendEx(_ gv: PyValue, _ arg: PyValue, exc: Bool, closing: Bool) -> PyValue {
    let (r, st) = genSendEx2(gv, arg, exc: exc, closing: closing)
    if st == .ret {
        if gv.type == asyncGeneratorType {
            setExceptionNoContext(newException(stopAsyncIterationType, args: allocTuple(0)))
        } else if r == pyNone {
            setExceptionNoContext(newException(stopIterationType, args: allocTuple(0)))
        } else {
            setStopIterationValue(r)
        }
        decref(r)
        return .null
    }
    return r
}

/// Resumes with `value`: (yielded value, false), (return value, true) when it finished, or (NULL, _) with an
/// exception. (SEND's and the iterator protocol's entry.)
func genSend(_ gv: PyValue, _ value: PyValue) -> (PyValue, Bool) {
    let (r, st) = genSendEx2(gv, value, exc: false, closing: false)
    return (r, st == .ret)
}

/// The iterator a suspended generator delegates to with `yield from`/`await` (CPython: _PyGen_yf), owned, or NULL.
func genYieldFrom(_ gv: PyValue) -> PyValue {
    let g = gv.payload(GeneratorObject.self)
    guard let f = g.pointee.frame, g.pointee.started else { return .null }
    let code = f.pointee.code
    let i = f.pointee.instr
    if i < 0 || i >= code.pointee.unitCount { return .null }
    let next = code.pointee.units[i]
    // The instruction after the YIELD_VALUE of a `yield from`/`await` loop is RESUME 2 or 3.
    if next & 0xff != 151 || next >> 8 < 2 || f.pointee.stackDepth < 1 { return .null }
    let sp = f.pointee.localsplus + code.pointee.nlocalsplus + f.pointee.stackDepth
    return newRef((sp - 1).pointee)
}

/// CPython: gen_close_iter — 0, or -1 with an exception.
func genCloseIter(_ yf: PyValue) -> Int {
    if yf.type == generatorType || yf.type == coroutineType {
        let r = genClose(yf)
        if r.isNull { return -1 }
        decref(r)
        return 0
    }
    let m = lookupAttrOptional(yf, internStr("close"))
    if m.isNull {
        if !curExc.isNull { writeUnraisable(yf) }
        return 0
    }
    let r = callObject(m, [])
    decref(m)
    if r.isNull { return -1 }
    decref(r)
    return 0
}

/// CPython: gen_close.
func genClose(_ gv: PyValue) -> PyValue {
    let g = gv.payload(GeneratorObject.self)
    var err = 0
    let yf = genYieldFrom(gv)
    if !yf.isNull {
        let was = g.pointee.running
        g.pointee.running = true
        err = genCloseIter(yf)
        g.pointee.running = was
        decref(yf)
    }
    if err == 0 { setExceptionNoContext(newException(generatorExitType, args: allocTuple(0))) }
    let r = genSendEx(gv, pyNone, exc: true, closing: true)
    if !r.isNull {
        decref(r)
        let kind = gv.type == coroutineType ? "coroutine" : (gv.type == asyncGeneratorType ? "async generator" : "generator")
        return raise(runtimeErrorType, "\(kind) ignored GeneratorExit")
    }
    if isInstance(curExc, stopIterationType) || isInstance(curExc, generatorExitType) {
        decref(fetchException())
        return newRef(pyNone)
    }
    return .null
}

/// throw()'s argument forms made into one exception instance (CPython: the `throw_here` part of _gen_throw),
/// set as the current exception; false with a TypeError.
private func normalizeThrowValue(_ typ: PyValue, _ val: PyValue, _ tb: PyValue) -> Bool {
    if !tb.isNull && tb != pyNone && tb.type != tracebackType {
        raise(typeErrorType, "throw() third argument must be a traceback object")
        return false
    }
    if isExceptionClass(typ) {
        var inst: PyValue
        if !val.isNull && val != pyNone && isInstance(val, asType(typ)) {
            inst = newRef(val)
        } else if val.isNull || val == pyNone {
            inst = callObject(typ, [])
        } else if val.type == tupleType {
            inst = callWithTupleAndDict(typ, val, .null)
        } else {
            inst = callObject(typ, [val])
        }
        if inst.isNull { return false }
        if !isInstance(inst, baseExceptionType) {
            raise(typeErrorType, "calling \(asType(typ).pointee.name) should have returned an instance of BaseException, not \(typeName(inst))")
            decref(inst)
            return false
        }
        setExceptionNoContext(inst)
        return true
    }
    if isInstance(typ, baseExceptionType) {
        if !val.isNull && val != pyNone {
            raise(typeErrorType, "instance exception may not have a separate value")
            return false
        }
        setExceptionNoContext(newRef(typ))
        return true
    }
    raise(typeErrorType, "exceptions must be classes or instances deriving from BaseException, not \(typeName(typ))")
    return false
}

/// As normalizeThrowValue, then a given traceback becomes the exception's `__traceback__` (CPython: PyErr_Restore
/// with the traceback, then normalization).
func normalizeThrow(_ typ: PyValue, _ val: PyValue, _ tb: PyValue) -> Bool {
    if !normalizeThrowValue(typ, val, tb) { return false }
    if !tb.isNull && tb != pyNone && isInstance(curExc, baseExceptionType) { _ = setExceptionTraceback(curExc, tb) }
    return true
}

/// CPython: _gen_throw. `val`/`tb` may be NULL.
func genThrow(_ gv: PyValue, closeOnGenExit: Bool, _ typ: PyValue, _ val: PyValue, _ tb: PyValue) -> PyValue {
    let g = gv.payload(GeneratorObject.self)
    let yf = genYieldFrom(gv)
    if !yf.isNull {
        let isGenExit = isExceptionClass(typ) ? isSubtype(asType(typ), generatorExitType) : isInstance(typ, generatorExitType)
        if isGenExit && closeOnGenExit {
            // Close the delegate, then raise GeneratorExit (or its close() error) here.
            g.pointee.running = true
            let err = genCloseIter(yf)
            g.pointee.running = false
            decref(yf)
            if err < 0 { return genSendEx(gv, pyNone, exc: true, closing: false) }
            return throwHere(gv, typ, val, tb)
        }
        var ret: PyValue
        if yf.type == generatorType || yf.type == coroutineType {
            g.pointee.running = true
            ret = genThrow(yf, closeOnGenExit: closeOnGenExit, typ, val, tb)
            g.pointee.running = false
        } else {
            let m = lookupAttrOptional(yf, internStr("throw"))
            if m.isNull {
                decref(yf)
                if !curExc.isNull { return .null }
                return throwHere(gv, typ, val, tb)
            }
            var args = [typ]
            if !val.isNull { args.append(val); if !tb.isNull { args.append(tb) } }
            g.pointee.running = true
            ret = callObject(m, args)
            g.pointee.running = false
            decref(m)
        }
        decref(yf)
        if ret.isNull, let f = g.pointee.frame {
            // The delegate finished: pop it and continue after the SEND loop with its return value.
            f.pointee.stackDepth -= 1
            let sp = f.pointee.localsplus + f.pointee.code.pointee.nlocalsplus + f.pointee.stackDepth
            decref(sp.pointee)
            sp.pointee = .null
            let sendAt = f.pointee.instr - 2
            let send = f.pointee.code.pointee.units[sendAt]
            f.pointee.instr = sendAt + 1 + Int(send >> 8)
            if let v = fetchStopIterationValue() {
                ret = genSendEx(gv, v, exc: false, closing: false)
                decref(v)
            } else {
                ret = genSendEx(gv, pyNone, exc: true, closing: false)
            }
        }
        return ret
    }
    return throwHere(gv, typ, val, tb)
}

func throwHere(_ gv: PyValue, _ typ: PyValue, _ val: PyValue, _ tb: PyValue) -> PyValue {
    if !normalizeThrow(typ, val, tb) { return .null }
    return genSendEx(gv, pyNone, exc: true, closing: false)
}

/// throw(typ[, val[, tb]])'s argument parsing.
func throwArgs(_ p: UnsafePointer<UInt>?, _ n: Int, _ name: String) -> (PyValue, PyValue, PyValue)? {
    if n < 1 { raise(typeErrorType, "\(name) expected at least 1 argument, got \(n)"); return nil }
    if n > 3 { raise(typeErrorType, "\(name) expected at most 3 arguments, got \(n)"); return nil }
    let a = p.unsafelyUnwrapped
    return (PyValue(raw: a[0]), n > 1 ? PyValue(raw: a[1]) : .null, n > 2 ? PyValue(raw: a[2]) : .null)
}

/// The generator/coroutine attributes (gi_*/cr_*/ag_* and the names).
func genGetAttr(_ o: Word, _ n: Word) -> Word {
    let gv = PyValue(raw: o)
    let g = gv.payload(GeneratorObject.self)
    let key = strSwift(PyValue(raw: n))
    switch key {
    case "__name__": return newRef(g.pointee.name).raw
    case "__qualname__": return newRef(g.pointee.qualname).raw
    default: break
    }
    let prefix = gv.type == coroutineType ? "cr_" : (gv.type == asyncGeneratorType ? "ag_" : "gi_")
    if key.hasPrefix(prefix) {
        switch key.dropFirst(3) {
        case "code": return newRef(g.pointee.code).raw
        case "running":
            return newRef(makeBool(gv.type == asyncGeneratorType ? g.pointee.runningAsync : g.pointee.running)).raw
        case "frame":
            guard let f = g.pointee.frame else { return newRef(pyNone).raw }
            return frameObjectOf(f).raw
        case "suspended" where gv.type != asyncGeneratorType:
            return newRef(makeBool(g.pointee.frame != nil && g.pointee.started && !g.pointee.running)).raw
        case "yieldfrom" where gv.type == generatorType, "await" where gv.type != generatorType:
            let yf = genYieldFrom(gv)
            return (yf.isNull ? newRef(pyNone) : yf).raw
        case "origin" where gv.type == coroutineType:
            return newRef(pyNone).raw
        default: break
        }
    }
    return genericGetAttr(gv, PyValue(raw: n)).raw
}

func genSetAttr(_ o: Word, _ n: Word, _ x: Word) -> Int {
    let gv = PyValue(raw: o)
    let g = gv.payload(GeneratorObject.self)
    let v = PyValue(raw: x)
    switch attrKey(PyValue(raw: n)) {
    case "__name__", "__qualname__":
        let which = attrKey(PyValue(raw: n))
        if v.isNull || v.type != strType && !isInstance(v, strType) {
            return raiseInt(typeErrorType, "\(which) must be set to a string object")
        }
        if which == "__name__" { decref(g.pointee.name); g.pointee.name = newRef(v) } else {
            decref(g.pointee.qualname); g.pointee.qualname = newRef(v)
        }
        return 0
    default:
        return genericSetAttr(gv, PyValue(raw: n), v)
    }
}

func installGeneratorType() {
    generatorType = newType("generator", base: objectType, basicSize: MemoryLayout<GeneratorObject>.stride,
                            dealloc: generatorDealloc)
    let t = generatorType!
    t.pointee.dict = newDict()
    t.pointee.iter = selfIter
    t.pointee.iternext = { w in
        // CPython: gen_iternext — a non-None return value becomes StopIteration(value).
        let (v, st) = genSendEx2(PyValue(raw: w), .null, exc: false, closing: false)
        if st == .ret {
            if v != pyNone { setStopIterationValue(v) }
            decref(v)
            return 0
        }
        return v.raw
    }
    t.pointee.repr = { w in
        let g = PyValue(raw: w).payload(GeneratorObject.self)
        return newStr("<\(typeName(PyValue(raw: w))) object \(strSwift(g.pointee.qualname)) at \(addressString(PyValue(raw: w)))>").raw
    }
    t.pointee.getattro = genGetAttr
    t.pointee.setattro = genSetAttr
    addGenMethods(t)
    addMethod(t, "__iter__") { s, _, _, _ in newRef(PyValue(raw: s)).raw }
    addMethod(t, "__next__") { s, _, _, _ in
        let r = generatorType.pointee.iternext.unsafelyUnwrapped(s)
        if r == 0 && curExc.isNull { setExceptionNoContext(newException(stopIterationType, args: allocTuple(0))) }
        return r
    }
    installCoroutineTypes()
    installFrameType()
}

/// send/throw/close, shared by generators and coroutines.
func addGenMethods(_ t: TypePtr) {
    addMethod(t, "send") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "\(typeName(PyValue(raw: s))).send() takes exactly one argument (\(n) given)").raw }
        return genSendEx(PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0]), exc: false, closing: false).raw
    }
    addMethod(t, "throw") { s, p, n, _ in
        guard let (a, b, c) = throwArgs(p, n, "throw") else { return 0 }
        return genThrow(PyValue(raw: s), closeOnGenExit: true, a, b, c).raw
    }
    addMethod(t, "close") { s, _, n, _ in
        if n != 0 { return raise(typeErrorType, "close() takes no arguments (\(n) given)").raw }
        return genClose(PyValue(raw: s)).raw
    }
}

// MARK: gi_frame / cr_frame / ag_frame

/// gi_frame is the generator frame's frame object (Frame+Object.swift).

/// The fast locals of `f` as a new dict (cells read through; CPython: _PyFrame_FastToLocalsWithError).
func frameLocalsSnapshot(_ f: FramePtr) -> PyValue {
    let c = f.pointee.code
    let d = newDict()
    for i in 0..<c.pointee.nlocalsplus {
        var v = f.pointee.localsplus[i]
        if c.pointee.localsKinds[i] & 0xC0 != 0 && !v.isNull && v.type == cellType {
            v = v.payload(CellObject.self).pointee.ref
        }
        if !v.isNull { _ = dictSetItem(d, c.pointee.localsNames[i], v) }
    }
    return d
}
