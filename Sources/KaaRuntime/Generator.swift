#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generators (CPython 3.11: Objects/genobject.c). Calling a generator function makes a frame in malloc'd memory
/// owned by the generator, runs its prologue up to RETURN_GENERATOR, and returns the generator. `genSend` pushes
/// the sent value and re-enters the eval loop with that frame as the entry frame; YIELD_VALUE suspends it.
/// Not yet: throw() into the frame, close() running `finally` blocks, the generator's own exception state.
struct GeneratorObject {
    var header: PyObject
    var frame: FramePtr?
    var running: Bool
    var name: PyValue
    var qualname: PyValue
}

nonisolated(unsafe) var generatorType: TypePtr! = nil

func freeGeneratorFrame(_ f: FramePtr) {
    let n = f.pointee.code.pointee.nlocalsplus + f.pointee.stackDepth
    for i in 0..<n { xdecref(f.pointee.localsplus[i]) }
    xdecref(f.pointee.locals)
    xdecref(f.pointee.function)
    free(f)
}

func generatorDealloc(_ w: Word) {
    let g = PyValue(raw: w).payload(GeneratorObject.self)
    if let f = g.pointee.frame { freeGeneratorFrame(f) }
    decref(g.pointee.name); decref(g.pointee.qualname)
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
    let g = allocObject(GeneratorObject.self, generatorType)
    g.pointee.frame = f
    g.pointee.running = false
    g.pointee.name = newRef(fn.pointee.name)
    g.pointee.qualname = newRef(fn.pointee.qualname)
    return PyValue(raw: UInt(bitPattern: g))
}

/// Resumes the generator with `value`: (yielded value, false), (return value, true) when it finished, or
/// (NULL, _) with an exception.
func genSend(_ gv: PyValue, _ value: PyValue) -> (PyValue, Bool) {
    let g = gv.payload(GeneratorObject.self)
    if g.pointee.running { return (raise(valueErrorType, "generator already executing"), false) }
    guard let f = g.pointee.frame else { return (newRef(pyNone), true) }
    if recursionDepth >= recursionLimit { return (raise(recursionErrorType, "maximum recursion depth exceeded"), false) }
    let sp = f.pointee.localsplus + f.pointee.code.pointee.nlocalsplus + f.pointee.stackDepth
    sp.pointee = newRef(value)
    f.pointee.stackDepth += 1
    f.pointee.previous = currentFrame
    currentFrame = f
    recursionDepth += 1
    f.pointee.yielded = false
    g.pointee.running = true
    let r = evalFrame(f)
    g.pointee.running = false
    if f.pointee.yielded && !r.isNull { return (r, false) }
    // Finished: the eval loop released the frame's values; its memory is ours.
    free(f)
    g.pointee.frame = nil
    if r.isNull {
        if isInstance(curExc, stopIterationType) {
            let cause = fetchException()
            let e = newException(runtimeErrorType, args: newTuple([newStr("generator raised StopIteration")]))
            e.payload(ExceptionObject.self).pointee.cause = cause
            e.payload(ExceptionObject.self).pointee.suppressContext = true
            setException(e)
        }
        return (.null, false)
    }
    return (r, true)
}

func installGeneratorType() {
    generatorType = newType("generator", base: objectType, basicSize: MemoryLayout<GeneratorObject>.stride,
                            dealloc: generatorDealloc)
    let t = generatorType!
    t.pointee.dict = newDict()
    t.pointee.iter = selfIter
    t.pointee.iternext = { w in
        let (v, done) = genSend(PyValue(raw: w), pyNone)
        if v.isNull { return 0 }
        if done {
            // CPython: gen_iternext sets StopIteration(value) for a non-None return value.
            if v != pyNone { setException(newException(stopIterationType, args: newTuple([v]))) } else { decref(v) }
            return 0
        }
        return v.raw
    }
    t.pointee.repr = { w in
        let g = PyValue(raw: w).payload(GeneratorObject.self)
        return newStr("<generator object \(strSwift(g.pointee.qualname)) at \(addressString(PyValue(raw: w)))>").raw
    }
    t.pointee.getattro = { o, n in
        let g = PyValue(raw: o).payload(GeneratorObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "__name__": return newRef(g.pointee.name).raw
        case "__qualname__": return newRef(g.pointee.qualname).raw
        default: return genericGetAttr(PyValue(raw: o), PyValue(raw: n)).raw
        }
    }
    addMethod(t, "send") { s, p, n, _ in
        if n != 1 { return raise(typeErrorType, "send() takes exactly one argument (\(n) given)").raw }
        let g = PyValue(raw: s)
        let v = PyValue(raw: p.unsafelyUnwrapped[0])
        if let f = g.payload(GeneratorObject.self).pointee.frame, f.pointee.instr <= 2 && v != pyNone && false {
            _ = f
        }
        let (r, done) = genSend(g, v)
        if r.isNull { return 0 }
        if done {
            setException(newException(stopIterationType, args: r == pyNone ? allocTuple(0) : newTuple([r])))
            if r == pyNone { decref(r) }
            return 0
        }
        return r.raw
    }
    addMethod(t, "close") { s, _, _, _ in
        let g = PyValue(raw: s).payload(GeneratorObject.self)
        if let f = g.pointee.frame { freeGeneratorFrame(f); g.pointee.frame = nil }
        return newRef(pyNone).raw
    }
}
