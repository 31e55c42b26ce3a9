/// Coroutines and async generators (CPython 3.11: Objects/genobject.c): the `coroutine` and `async_generator`
/// types (GeneratorObject layout, Generator.swift), the awaitables an async generator hands out for
/// `__anext__`/`asend`/`athrow`/`aclose`, the value wrapper ASYNC_GEN_WRAP makes, `coroutine.__await__()`'s
/// wrapper, `anext(it, default)`'s awaitable, and the helpers of the async opcodes (GET_AWAITABLE, GET_AITER,
/// GET_ANEXT, SEND) and of the builtins aiter()/anext().

/// One layout for the small awaitable objects: `a` is the generator/coroutine/wrapped object, `b` the extra value
/// (asend's value, athrow's argument tuple — NULL for aclose —, anext's default), `state` the awaitable state.
struct AwaitableObject {
    var header: PyObject
    var a: PyValue
    var b: PyValue
    var state: Int
}

/// CPython: AwaitableState.
let awaitableInit = 0, awaitableIter = 1, awaitableClosed = 2

nonisolated(unsafe) var asyncGenASendType: TypePtr! = nil
nonisolated(unsafe) var asyncGenAThrowType: TypePtr! = nil
nonisolated(unsafe) var asyncGenWrappedValueType: TypePtr! = nil
nonisolated(unsafe) var coroWrapperType: TypePtr! = nil
nonisolated(unsafe) var anextAwaitableType: TypePtr! = nil

func awaitableDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(AwaitableObject.self)
    xdecref(p.pointee.a)
    xdecref(p.pointee.b)
    freeObject(w)
}

func newAwaitable(_ t: TypePtr, _ a: PyValue, _ b: PyValue) -> PyValue {
    let p = allocObject(AwaitableObject.self, t)
    xincref(a); xincref(b)
    p.pointee.a = a
    p.pointee.b = b
    p.pointee.state = awaitableInit
    return PyValue(raw: UInt(bitPattern: p))
}

@inline(__always) func awaitablePart(_ w: Word) -> UnsafeMutablePointer<AwaitableObject> {
    PyValue(raw: w).payload(AwaitableObject.self)
}

// MARK: await

/// CPython: _PyCoro_GetAwaitableIter — the iterator `await o` drives, or NULL with TypeError.
func getAwaitableIter(_ o: PyValue) -> PyValue {
    let t = o.type
    if t == coroutineType { return newRef(o) }
    if t == asyncGenASendType || t == asyncGenAThrowType || t == anextAwaitableType { return newRef(o) }
    if !typeLookup(t, internStr("__await__")).isNull {
        let m = lookupSpecial(o, "__await__")
        if m.isNull { return .null }
        let res = callObject(m, [])
        decref(m)
        if res.isNull { return .null }
        if res.type == coroutineType {
            decref(res)
            return raise(typeErrorType, "__await__() returned a coroutine")
        }
        if res.type.pointee.iternext == nil {
            raise(typeErrorType, "__await__() returned non-iterator of type '\(typeName(res))'")
            decref(res)
            return .null
        }
        return res
    }
    return raise(typeErrorType, "object \(t.pointee.name) can't be used in 'await' expression")
}

/// GET_AWAITABLE: consumes `o`; the iterator or NULL (CPython: the opcode plus format_awaitable_error).
func getAwaitable(_ o: PyValue, _ where_: Int) -> PyValue {
    var it = getAwaitableIter(o)
    if it.isNull, where_ == 1 || where_ == 2, typeLookup(o.type, internStr("__await__")).isNull,
       o.type != coroutineType {
        decref(fetchException())
        raise(typeErrorType, "'async with' received an object from __a\(where_ == 1 ? "enter" : "exit")__ that does not implement __await__: \(typeName(o))")
    }
    decref(o)
    if !it.isNull && it.type == coroutineType {
        let yf = genYieldFrom(it)
        if !yf.isNull {
            decref(yf)
            decref(it)
            it = .null
            raise(runtimeErrorType, "coroutine is being awaited already")
        }
    }
    return it
}

/// SEND's receiver protocol (CPython: PyIter_Send).
func iterSend(_ r: PyValue, _ v: PyValue) -> (PyValue, GenStatus) {
    let t = r.type
    if t == generatorType || t == coroutineType { return genSendEx2(r, v, exc: false, closing: false) }
    var res: PyValue
    if v == pyNone, let next = t.pointee.iternext {
        res = PyValue(raw: next(r.raw))
    } else {
        res = callMethod(r, "send", [v])
    }
    if !res.isNull { return (res, .next) }
    if let value = fetchStopIterationValue() { return (value, .ret) }
    return (.null, .error)
}

/// GET_YIELD_FROM_ITER: consumes `v`.
func getYieldFromIter(_ v: PyValue, _ flags: Int) -> PyValue {
    if v.type == coroutineType {
        if flags & (0x80 | 0x100) == 0 {
            decref(v)
            return raise(typeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator")
        }
        return v
    }
    if v.type == generatorType { return v }
    let it = getIter(v)
    decref(v)
    return it
}

// MARK: async for

/// GET_AITER: consumes `o`.
func getAIter(_ o: PyValue) -> PyValue {
    if o.type != asyncGeneratorType && typeLookup(o.type, internStr("__aiter__")).isNull {
        raise(typeErrorType, "'async for' requires an object with __aiter__ method, got \(typeName(o))")
        decref(o)
        return .null
    }
    let it = callDunder(o, "__aiter__", [])
    decref(o)
    if it.isNull { return .null }
    if it.type != asyncGeneratorType && typeLookup(it.type, internStr("__anext__")).isNull {
        raise(typeErrorType, "'async for' received an object from __aiter__ that does not implement __anext__: \(typeName(it))")
        decref(it)
        return .null
    }
    return it
}

/// GET_ANEXT: the awaitable for the next item of the async iterator `aiter` (borrowed).
func getANext(_ aiter: PyValue) -> PyValue {
    if aiter.type == asyncGeneratorType { return newAwaitable(asyncGenASendType, aiter, .null) }
    if typeLookup(aiter.type, internStr("__anext__")).isNull {
        return raise(typeErrorType, "'async for' requires an iterator with __anext__ method, got \(typeName(aiter))")
    }
    let next = callDunder(aiter, "__anext__", [])
    if next.isNull { return .null }
    let aw = getAwaitableIter(next)
    if aw.isNull {
        raiseFromCause(typeErrorType, "'async for' received an invalid object from __anext__: \(typeName(next))")
    }
    decref(next)
    return aw
}

// MARK: async generators

/// CPython: async_gen_unwrap_value — an async `yield` (a wrapped value) becomes StopIteration(value) for the
/// awaiting code; anything else came from an `await` inside and passes through.
func asyncGenUnwrap(_ gv: PyValue, _ result: PyValue) -> PyValue {
    let g = gv.payload(GeneratorObject.self)
    if result.isNull {
        if curExc.isNull { setExceptionNoContext(newException(stopAsyncIterationType, args: allocTuple(0))) }
        if isInstance(curExc, stopAsyncIterationType) || isInstance(curExc, generatorExitType) { g.pointee.closed = true }
        g.pointee.runningAsync = false
        return .null
    }
    if result.type == asyncGenWrappedValueType {
        setStopIterationValue(awaitablePart(result.raw).pointee.a)
        decref(result)
        g.pointee.runningAsync = false
        return .null
    }
    return result
}

/// CPython: async_gen_asend_send.
func asendSend(_ w: Word, _ arg: PyValue) -> PyValue {
    let o = awaitablePart(w)
    if o.pointee.state == awaitableClosed {
        return raise(runtimeErrorType, "cannot reuse already awaited __anext__()/asend()")
    }
    let gv = o.pointee.a
    var a = arg
    if o.pointee.state == awaitableInit {
        if gv.payload(GeneratorObject.self).pointee.runningAsync {
            return raise(runtimeErrorType, "anext(): asynchronous generator is already running")
        }
        if a.isNull || a == pyNone { a = o.pointee.b.isNull ? pyNone : o.pointee.b }
        o.pointee.state = awaitableIter
    }
    gv.payload(GeneratorObject.self).pointee.runningAsync = true
    let r = asyncGenUnwrap(gv, genSendEx(gv, a.isNull ? pyNone : a, exc: false, closing: false))
    if r.isNull { o.pointee.state = awaitableClosed }
    return r
}

/// CPython: async_gen_athrow_send (aclose() when the argument tuple is NULL).
func athrowSend(_ w: Word, _ arg: PyValue) -> PyValue {
    let o = awaitablePart(w)
    let gv = o.pointee.a
    let g = gv.payload(GeneratorObject.self)
    let isClose = o.pointee.b.isNull
    if o.pointee.state == awaitableClosed {
        return raise(runtimeErrorType, "cannot reuse already awaited aclose()/athrow()")
    }
    if g.pointee.frame == nil {
        o.pointee.state = awaitableClosed
        setExceptionNoContext(newException(stopIterationType, args: allocTuple(0)))
        return .null
    }
    var retval: PyValue
    if o.pointee.state == awaitableInit {
        if g.pointee.runningAsync {
            o.pointee.state = awaitableClosed
            return raise(runtimeErrorType, isClose ? "aclose(): asynchronous generator is already running"
                                                   : "athrow(): asynchronous generator is already running")
        }
        if g.pointee.closed {
            o.pointee.state = awaitableClosed
            setExceptionNoContext(newException(stopAsyncIterationType, args: allocTuple(0)))
            return .null
        }
        if !arg.isNull && arg != pyNone {
            return raise(runtimeErrorType, "can't send non-None value to a just-started coroutine")
        }
        o.pointee.state = awaitableIter
        g.pointee.runningAsync = true
        if isClose {
            g.pointee.closed = true
            retval = genThrow(gv, closeOnGenExit: false, generatorExitType.asValue, .null, .null)
            if !retval.isNull && retval.type == asyncGenWrappedValueType { decref(retval); return athrowYieldClose(o) }
        } else {
            let args = o.pointee.b
            let n = tupleCount(args)
            if n < 1 || n > 3 {
                return raise(typeErrorType, n < 1 ? "athrow expected at least 1 argument, got \(n)"
                                                  : "athrow expected at most 3 arguments, got \(n)")
            }
            retval = genThrow(gv, closeOnGenExit: false, tupleItem(args, 0), n > 1 ? tupleItem(args, 1) : .null,
                              n > 2 ? tupleItem(args, 2) : .null)
            retval = asyncGenUnwrap(gv, retval)
        }
        if retval.isNull { return athrowCheckError(o) }
        return retval
    }
    retval = genSendEx(gv, arg.isNull ? pyNone : arg, exc: false, closing: false)
    if !isClose { return asyncGenUnwrap(gv, retval) }
    if !retval.isNull {
        if retval.type == asyncGenWrappedValueType { decref(retval); return athrowYieldClose(o) }
        return retval
    }
    return athrowCheckError(o)
}

func athrowYieldClose(_ o: UnsafeMutablePointer<AwaitableObject>) -> PyValue {
    o.pointee.a.payload(GeneratorObject.self).pointee.runningAsync = false
    o.pointee.state = awaitableClosed
    return raise(runtimeErrorType, "async generator ignored GeneratorExit")
}

func athrowCheckError(_ o: UnsafeMutablePointer<AwaitableObject>) -> PyValue {
    o.pointee.a.payload(GeneratorObject.self).pointee.runningAsync = false
    o.pointee.state = awaitableClosed
    if isInstance(curExc, stopAsyncIterationType) || isInstance(curExc, generatorExitType) {
        if o.pointee.b.isNull {
            decref(fetchException())
            setExceptionNoContext(newException(stopIterationType, args: allocTuple(0)))
        }
    }
    return .null
}

/// CPython: async_gen_athrow_throw / async_gen_asend_throw.
func awaitableThrow(_ w: Word, _ p: UnsafePointer<UInt>?, _ n: Int) -> PyValue {
    let o = awaitablePart(w)
    let isASend = PyValue(raw: w).type == asyncGenASendType
    if o.pointee.state == awaitableClosed {
        return raise(runtimeErrorType, isASend ? "cannot reuse already awaited __anext__()/asend()"
                                               : "cannot reuse already awaited aclose()/athrow()")
    }
    guard let (a, b, c) = throwArgs(p, n, "throw") else { return .null }
    let gv = o.pointee.a
    var r = genThrow(gv, closeOnGenExit: isASend, a, b, c)
    if isASend || !o.pointee.b.isNull {
        r = asyncGenUnwrap(gv, r)
        if r.isNull { o.pointee.state = awaitableClosed }
        return r
    }
    // aclose()
    if !r.isNull && r.type == asyncGenWrappedValueType { decref(r); return athrowYieldClose(o) }
    if r.isNull { return athrowCheckError(o) }
    return r
}

// MARK: anext(it, default) and coroutine.__await__()

/// CPython: anextawaitable_proxy — drive the awaitable of `__anext__()`, turning StopAsyncIteration into
/// StopIteration(default).
func anextProxy(_ w: Word, _ method: String, _ args: [PyValue]) -> PyValue {
    let o = awaitablePart(w)
    let aw = getAwaitableIter(o.pointee.a)
    if aw.isNull { return .null }
    defer { decref(aw) }
    var r: PyValue
    if method == "__next__" && aw.type == coroutineType {
        r = genSendEx(aw, pyNone, exc: false, closing: false)
    } else if method == "__next__" {
        guard let next = aw.type.pointee.iternext else {
            return raise(typeErrorType, "'\(typeName(aw))' object is not an iterator")
        }
        r = PyValue(raw: next(aw.raw))
        if r.isNull && curExc.isNull { setExceptionNoContext(newException(stopIterationType, args: allocTuple(0))) }
    } else {
        r = callMethod(aw, method, args)
    }
    if r.isNull && isInstance(curExc, stopAsyncIterationType) {
        decref(fetchException())
        setStopIterationValue(o.pointee.b)
    }
    return r
}

/// next()/send() on an awaitable's iterator (coroutine_wrapper, asend, athrow).
func awaitableIterNext(_ w: Word) -> Word {
    let v = PyValue(raw: w)
    let t = v.type
    if t == asyncGenASendType { return asendSend(w, .null).raw }
    if t == asyncGenAThrowType { return athrowSend(w, .null).raw }
    if t == coroWrapperType {
        let r = genSendEx(awaitablePart(w).pointee.a, pyNone, exc: false, closing: false)
        return r.raw
    }
    return anextProxy(w, "__next__", []).raw
}

func installCoroutineTypes() {
    coroutineType = newType("coroutine", base: objectType, basicSize: MemoryLayout<GeneratorObject>.stride,
                            dealloc: generatorDealloc)
    asyncGeneratorType = newType("async_generator", base: objectType,
                                 basicSize: MemoryLayout<GeneratorObject>.stride, dealloc: generatorDealloc)
    for t in [coroutineType!, asyncGeneratorType!] {
        t.pointee.dict = newDict()
        t.pointee.repr = generatorType.pointee.repr
        t.pointee.getattro = genGetAttr
        t.pointee.setattro = genSetAttr
    }
    addGenMethods(coroutineType)
    addMethod(coroutineType, "__await__") { s, _, _, _ in newAwaitable(coroWrapperType, PyValue(raw: s), .null).raw }

    let ag = asyncGeneratorType!
    addMethod(ag, "__aiter__") { s, _, _, _ in newRef(PyValue(raw: s)).raw }
    addMethod(ag, "__anext__") { s, _, _, _ in newAwaitable(asyncGenASendType, PyValue(raw: s), .null).raw }
    addMethod(ag, "asend") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "async_generator.asend() takes exactly one argument (\(n) given)").raw }
        return newAwaitable(asyncGenASendType, PyValue(raw: s), PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    addMethod(ag, "athrow") { s, p, n, _ in
        // CPython 3.11 unpacks the arguments only when the awaitable first runs (async_gen_athrow_send).
        let args = newTuple((0..<n).map { newRef(PyValue(raw: p.unsafelyUnwrapped[$0])) })
        let r = newAwaitable(asyncGenAThrowType, PyValue(raw: s), args)
        decref(args)
        return r.raw
    }
    addMethod(ag, "aclose") { s, _, _, _ in newAwaitable(asyncGenAThrowType, PyValue(raw: s), .null).raw }

    func mk(_ name: String) -> TypePtr {
        let t = newType(name, base: objectType, basicSize: MemoryLayout<AwaitableObject>.stride,
                        dealloc: awaitableDealloc)
        t.pointee.dict = newDict()
        t.pointee.iter = selfIter
        t.pointee.iternext = awaitableIterNext
        addMethod(t, "__await__") { s, _, _, _ in newRef(PyValue(raw: s)).raw }
        return t
    }
    asyncGenASendType = mk("async_generator_asend")
    addMethod(asyncGenASendType, "send") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "send() takes exactly one argument (\(n) given)").raw }
        return asendSend(s, PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    addMethod(asyncGenASendType, "throw") { s, p, n, _ in awaitableThrow(s, p, n).raw }
    addMethod(asyncGenASendType, "close") { s, _, _, _ in
        awaitablePart(s).pointee.state = awaitableClosed
        return newRef(pyNone).raw
    }
    asyncGenAThrowType = mk("async_generator_athrow")
    addMethod(asyncGenAThrowType, "send") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "send() takes exactly one argument (\(n) given)").raw }
        return athrowSend(s, PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    addMethod(asyncGenAThrowType, "throw") { s, p, n, _ in awaitableThrow(s, p, n).raw }
    addMethod(asyncGenAThrowType, "close") { s, _, _, _ in
        awaitablePart(s).pointee.state = awaitableClosed
        return newRef(pyNone).raw
    }
    coroWrapperType = mk("coroutine_wrapper")
    addMethod(coroWrapperType, "send") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "send() takes exactly one argument (\(n) given)").raw }
        return genSendEx(awaitablePart(s).pointee.a, PyValue(raw: p.unsafelyUnwrapped[0]), exc: false, closing: false).raw
    }
    addMethod(coroWrapperType, "throw") { s, p, n, _ in
        guard let (a, b, c) = throwArgs(p, n, "throw") else { return 0 }
        return genThrow(awaitablePart(s).pointee.a, closeOnGenExit: true, a, b, c).raw
    }
    addMethod(coroWrapperType, "close") { s, _, _, _ in genClose(awaitablePart(s).pointee.a).raw }
    anextAwaitableType = mk("anext_awaitable")
    addMethod(anextAwaitableType, "send") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "send() takes exactly one argument (\(n) given)").raw }
        return anextProxy(s, "send", [PyValue(raw: p.unsafelyUnwrapped[0])]).raw
    }
    addMethod(anextAwaitableType, "throw") { s, p, n, _ in
        anextProxy(s, "throw", (0..<n).map { PyValue(raw: p.unsafelyUnwrapped[$0]) }).raw
    }
    addMethod(anextAwaitableType, "close") { s, _, _, _ in anextProxy(s, "close", []).raw }
    asyncGenWrappedValueType = newType("async_generator_wrapped_value", base: objectType,
                                       basicSize: MemoryLayout<AwaitableObject>.stride, dealloc: awaitableDealloc)
}

/// The builtins aiter() and anext() (CPython: builtin_aiter, builtin_anext).
func installAsyncBuiltins() {
    installIterationBuiltins()
    addBuiltin("aiter") { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "aiter() takes exactly one argument (\(n) given)").raw }
        let o = PyValue(raw: p.unsafelyUnwrapped[0])
        if o.type != asyncGeneratorType && typeLookup(o.type, internStr("__aiter__")).isNull {
            return raise(typeErrorType, "'\(typeName(o))' object is not an async iterable").raw
        }
        let it = callDunder(o, "__aiter__", [])
        if it.isNull { return 0 }
        if it.type != asyncGeneratorType && typeLookup(it.type, internStr("__anext__")).isNull {
            raise(typeErrorType, "aiter() returned not an async iterator of type '\(typeName(it))'")
            decref(it)
            return 0
        }
        return it.raw
    }
    addBuiltin("anext") { _, p, n, _ in
        if n < 1 || n > 2 {
            return raise(typeErrorType, n < 1 ? "anext expected at least 1 argument, got \(n)"
                                              : "anext expected at most 2 arguments, got \(n)").raw
        }
        let o = PyValue(raw: p.unsafelyUnwrapped[0])
        if o.type != asyncGeneratorType && typeLookup(o.type, internStr("__anext__")).isNull {
            return raise(typeErrorType, "'\(typeName(o))' object is not an async iterator").raw
        }
        let aw = o.type == asyncGeneratorType ? newAwaitable(asyncGenASendType, o, .null) : callDunder(o, "__anext__", [])
        if n == 1 || aw.isNull { return aw.raw }
        let r = newAwaitable(anextAwaitableType, aw, PyValue(raw: p.unsafelyUnwrapped[1]))
        decref(aw)
        return r.raw
    }
}

/// ASYNC_GEN_WRAP: consumes `v`.
func asyncGenWrap(_ v: PyValue) -> PyValue {
    let r = newAwaitable(asyncGenWrappedValueType, v, .null)
    decref(v)
    return r
}
