#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An executing code object (CPython: _PyInterpreterFrame): header, then `localsplus` (locals, cells, free vars)
/// and the value stack, contiguous in the VM's data stack (one malloc'd region, bump-allocated, LIFO).
/// `globals`/`builtins` are borrowed from the function (which the frame owns) or from the module's runner.
struct Frame {
    var code: UnsafeMutablePointer<CodeObj>
    var function: PyValue
    var globals: PyValue
    var builtins: PyValue
    /// The locals mapping of module and class-body frames (owned), NULL for optimized function frames.
    var locals: PyValue
    var previous: UnsafeMutablePointer<Frame>?
    /// Code-unit index of the instruction being executed (CPython: prev_instr), or of the next one on entry.
    var instr: Int
    /// Saved value-stack depth while another frame runs.
    var stackDepth: Int
    var localsplus: UnsafeMutablePointer<PyValue>
    /// A generator's frame lives in the generator (malloc'd), not in the data stack.
    var isHeap: Bool
    /// Set when the frame left the eval loop by YIELD_VALUE / RETURN_GENERATOR (suspended, not finished).
    var yielded: Bool
    /// Its Python-visible frame object, made on demand (owned; NULL until then; CPython: frame_obj).
    var frameObj: PyValue = .null
}

typealias FramePtr = UnsafeMutablePointer<Frame>

nonisolated(unsafe) var dataStackBase: UnsafeMutableRawPointer? = nil
nonisolated(unsafe) var dataStackTop: UnsafeMutableRawPointer? = nil
nonisolated(unsafe) var dataStackEnd: UnsafeMutableRawPointer? = nil
/// The innermost executing frame (CPython: tstate->cframe->current_frame); super() and tracebacks read it.
nonisolated(unsafe) var currentFrame: FramePtr? = nil
nonisolated(unsafe) var recursionDepth = 0
nonisolated(unsafe) var recursionLimit = 1000

let dataStackSize = 256 << 20

func initDataStack() {
    if dataStackBase != nil { return }
    let p = malloc(dataStackSize)!
    dataStackBase = p
    dataStackTop = p
    dataStackEnd = p + dataStackSize
}

/// Pushes a frame for `code`; nil with RecursionError/MemoryError. The function reference is stolen.
@inline(__always)
func pushFrame(_ code: UnsafeMutablePointer<CodeObj>, function: PyValue, globals: PyValue, builtins: PyValue,
               locals: PyValue) -> FramePtr? {
    let words = code.pointee.nlocalsplus + code.pointee.stackSize
    let size = MemoryLayout<Frame>.stride + words * 8
    if gcPending { gcCollectIfPending() }
    let top = dataStackTop.unsafelyUnwrapped
    if recursionDepth >= recursionLimit || top + size > dataStackEnd.unsafelyUnwrapped {
        xdecref(function)
        raise(recursionErrorType, "maximum recursion depth exceeded")
        return nil
    }
    recursionDepth += 1
    let f = top.assumingMemoryBound(to: Frame.self)
    let lp = (top + MemoryLayout<Frame>.stride).assumingMemoryBound(to: PyValue.self)
    lp.initialize(repeating: .null, count: code.pointee.nlocalsplus)
    f.initialize(to: Frame(code: code, function: function, globals: globals, builtins: builtins, locals: locals,
                           previous: currentFrame, instr: 0, stackDepth: 0, localsplus: lp,
                           isHeap: false, yielded: false))
    xincref(locals)
    dataStackTop = top + size
    currentFrame = f
    return f
}

/// Releases the frame's locals and stack and pops it off the data stack.
// Not inlined: evalFrame has four pop sites, and with this function inlined there the frame-object branch made
// LLVM allocate the whole dispatch loop's registers worse (release build: loops 1.22x, calls 1.10x slower). Out of
// line, the loop benchmarks run at or below the time before frame objects existed.
@inline(never)
func popFrame(_ f: FramePtr) {
    let n = f.pointee.code.pointee.nlocalsplus + f.pointee.stackDepth
    let lp = f.pointee.localsplus
    // Unlinked before its values go: finalizers they run must not see it (CPython: GH-99729).
    currentFrame = f.pointee.previous
    recursionDepth -= 1
    // A frame object that outlives the frame takes its values (CPython: _PyFrame_Clear → take_ownership).
    if !f.pointee.frameObj.isNull && frameObjectTakesFrame(f) {
        if !f.pointee.isHeap { dataStackTop = UnsafeMutableRawPointer(f) }
        return
    }
    for i in 0..<n { xdecref(lp[i]) }
    xdecref(f.pointee.locals)
    xdecref(f.pointee.function)
    if !f.pointee.isHeap { dataStackTop = UnsafeMutableRawPointer(f) }
}

/// Runs `code` with the given namespaces in a fresh entry frame (module bodies, class bodies, exec).
func runCode(_ code: PyValue, globals: PyValue, builtins: PyValue, locals: PyValue, function: PyValue = .null) -> PyValue {
    let c = code.payload(CodeObj.self)
    xincref(function)
    guard let f = pushFrame(c, function: function, globals: globals, builtins: builtins, locals: locals) else { return .null }
    return evalFrame(f)
}

func copyFreeVars(_ f: FramePtr, _ fn: UnsafeMutablePointer<FunctionObject>) {
    let closure = fn.pointee.closure
    let n = tupleCount(closure)
    let offset = f.pointee.code.pointee.nlocalsplus - n
    for i in 0..<n { f.pointee.localsplus[offset + i] = newRef(tupleItem(closure, i)) }
}

/// Calls a Python function from Swift (a nested run of the eval loop; CPython: _PyFunction_Vectorcall).
func callPythonFunction(_ fv: PyValue, _ args: UnsafePointer<UInt>?, _ nargs: Int, _ kwnames: PyValue) -> PyValue {
    let fn = fv.payload(FunctionObject.self)
    let code = fn.pointee.code.payload(CodeObj.self)
    if code.pointee.flags & (0x20 | 0x80 | 0x200) != 0 { return makeGenerator(fv, args, nargs, kwnames) }
    incref(fv)
    guard let f = pushFrame(code, function: fv, globals: fn.pointee.globals, builtins: fn.pointee.builtins,
                            locals: .null) else { return .null }
    if !bindArguments(fn, code, f.pointee.localsplus, args, nargs, kwnames) {
        popFrame(f)
        return .null
    }
    return evalFrame(f)
}
