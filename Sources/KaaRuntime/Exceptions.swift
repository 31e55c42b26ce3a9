/// Exceptions as objects (BaseException hierarchy with `args`, `__traceback__` entries, `__context__`,
/// `__cause__`), the thread's current exception, and CPython 3.11's uncaught-exception display.

struct ExceptionObject {
    var header: PyObject
    var dict: PyValue
    var args: PyValue
    var context: PyValue
    var cause: PyValue
    var suppressContext: Bool
    /// `__traceback__`: a traceback object (owned; its chain runs outermost frame first) or NULL.
    var traceback: PyValue
}

/// The exception being raised (CPython: tstate->curexc_*), NULL when none.
nonisolated(unsafe) package var curExc = PyValue.null
/// The exception being handled (CPython 3.11: tstate->exc_info->exc_value), None when none.
nonisolated(unsafe) var handledExc = PyValue.null

/// Exception types by name (the builtins module exposes them).
nonisolated(unsafe) var exceptionTypes: [(String, TypePtr)] = []
nonisolated(unsafe) var baseExceptionType: TypePtr! = nil
nonisolated(unsafe) var exceptionType: TypePtr! = nil
nonisolated(unsafe) package var typeErrorType: TypePtr! = nil
nonisolated(unsafe) package var valueErrorType: TypePtr! = nil
nonisolated(unsafe) var keyErrorType: TypePtr! = nil
nonisolated(unsafe) var indexErrorType: TypePtr! = nil
nonisolated(unsafe) var attributeErrorType: TypePtr! = nil
nonisolated(unsafe) var nameErrorType: TypePtr! = nil
nonisolated(unsafe) var unboundLocalErrorType: TypePtr! = nil
nonisolated(unsafe) package var zeroDivisionErrorType: TypePtr! = nil
nonisolated(unsafe) package var overflowErrorType: TypePtr! = nil
nonisolated(unsafe) var runtimeErrorType: TypePtr! = nil
nonisolated(unsafe) var recursionErrorType: TypePtr! = nil
nonisolated(unsafe) var notImplementedErrorType: TypePtr! = nil
nonisolated(unsafe) var stopIterationType: TypePtr! = nil
nonisolated(unsafe) var assertionErrorType: TypePtr! = nil
nonisolated(unsafe) var systemExitType: TypePtr! = nil
nonisolated(unsafe) var memoryErrorType: TypePtr! = nil

func exceptionDealloc(_ w: Word) {
    let e = PyValue(raw: w).payload(ExceptionObject.self)
    xdecref(e.pointee.dict); xdecref(e.pointee.args); xdecref(e.pointee.context); xdecref(e.pointee.cause)
    xdecref(e.pointee.traceback)
    freeObject(w)
}

/// A new exception instance of `type` with `args` (a tuple; stolen).
func newException(_ type: TypePtr, args: PyValue) -> PyValue {
    let size = max(type.pointee.basicSize, MemoryLayout<ExceptionObject>.stride)
    let raw = UnsafeMutableRawPointer(allocObject(ExceptionObject.self, type, extra: size - MemoryLayout<ExceptionObject>.stride))
    let e = raw.assumingMemoryBound(to: ExceptionObject.self)
    (UnsafeMutableRawPointer(e) + MemoryLayout<PyObject>.stride).initializeMemory(
        as: UInt8.self, repeating: 0, count: size - MemoryLayout<PyObject>.stride)
    e.pointee.args = args
    e.pointee.suppressContext = false
    return PyValue(raw: UInt(bitPattern: raw))
}

/// Makes `exc` (owned reference, stolen) the current exception; chains the handled exception as `__context__`
/// (CPython: _PyErr_SetObject).
func setException(_ exc: PyValue) {
    let handled = topmostHandledExc()
    if !handled.isNull && handled != exc {
        let e = exc.payload(ExceptionObject.self)
        if e.pointee.context.isNull {
            // Avoid a cycle: cut the chain where it reaches exc (CPython does the same walk).
            var o = handled
            var cycle = false
            while !o.isNull && o != pyNone {
                let c = o.payload(ExceptionObject.self).pointee.context
                if c == exc { o.payload(ExceptionObject.self).pointee.context = .null; decref(exc); cycle = true; break }
                o = c
            }
            _ = cycle
            e.pointee.context = newRef(handled)
        }
    }
    xdecref(curExc)
    curExc = exc
}

/// Raises `type(message)`; returns NULL so callers can `return raise(...)`.
@discardableResult
package func raise(_ type: TypePtr, _ message: String) -> PyValue {
    setException(newException(type, args: newTuple([newStr(message)])))
    return .null
}

/// -1 for the Int-returning slot conventions.
@discardableResult
func raiseInt(_ type: TypePtr, _ message: String) -> Int {
    raise(type, message)
    return -1
}

/// Takes the current exception (owned), leaving none.
package func fetchException() -> PyValue {
    let e = curExc
    curExc = .null
    return e
}

func exceptionMatches(_ exc: PyValue, _ type: TypePtr) -> Bool { isInstance(exc, type) }

/// `str(exc)` (CPython: BaseException_str, KeyError_str).
func exceptionStr(_ exc: PyValue) -> PyValue {
    let args = exc.payload(ExceptionObject.self).pointee.args
    let n = tupleCount(args)
    if n == 0 { return newStr("") }
    if n == 1 {
        let a = tupleItem(args, 0)
        if isInstance(exc, keyErrorType) { return objectRepr(a) }
        return objectStr(a)
    }
    return objectStr(args)
}

func exceptionStrSlot(_ w: Word) -> Word { exceptionStr(PyValue(raw: w)).raw }
func exceptionReprSlot(_ w: Word) -> Word {
    let exc = PyValue(raw: w)
    let args = exc.payload(ExceptionObject.self).pointee.args
    let name = exc.type.pointee.name
    if tupleCount(args) == 1 {
        let r = objectRepr(tupleItem(args, 0))
        if r.isNull { return 0 }
        defer { decref(r) }
        return newStr(name + "(" + strSwift(r) + ")").raw
    }
    let r = objectRepr(args)
    if r.isNull { return 0 }
    defer { decref(r) }
    return newStr(name + strSwift(r)).raw
}

/// BaseException.__new__/__init__: args = the positional arguments.
func exceptionNew(_ t: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let type = TypePtr(bitPattern: t).unsafelyUnwrapped
    return newException(type, args: newTupleFrom(args, n)).raw
}
func exceptionInit(_ s: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Int {
    let e = PyValue(raw: s).payload(ExceptionObject.self)
    let old = e.pointee.args
    e.pointee.args = newTupleFrom(args, n)
    xdecref(old)
    return 0
}

func makeExceptionTypes() {
    func mk(_ name: String, _ base: TypePtr?) -> TypePtr {
        let t = newType(name, base: base ?? objectType, basicSize: MemoryLayout<ExceptionObject>.stride,
                        dealloc: exceptionDealloc, flags: TypeFlag.baseType | TypeFlag.baseExcSubclass)
        if base == nil {
            t.pointee.dictOffset = MemoryLayout<PyObject>.stride
            t.pointee.str = exceptionStrSlot
            t.pointee.repr = exceptionReprSlot
            t.pointee.new = exceptionNew
            t.pointee.initFn = exceptionInit
        }
        t.pointee.dict = newDict()
        exceptionTypes.append((name, t))
        return t
    }
    baseExceptionType = mk("BaseException", nil)
    systemExitType = mk("SystemExit", baseExceptionType)
    keyboardInterruptType = mk("KeyboardInterrupt", baseExceptionType)
    generatorExitType = mk("GeneratorExit", baseExceptionType)
    exceptionType = mk("Exception", baseExceptionType)
    stopIterationType = mk("StopIteration", exceptionType)
    stopAsyncIterationType = mk("StopAsyncIteration", exceptionType)
    let arith = mk("ArithmeticError", exceptionType)
    _ = mk("FloatingPointError", arith)
    overflowErrorType = mk("OverflowError", arith)
    zeroDivisionErrorType = mk("ZeroDivisionError", arith)
    assertionErrorType = mk("AssertionError", exceptionType)
    attributeErrorType = mk("AttributeError", exceptionType)
    _ = mk("BufferError", exceptionType)
    _ = mk("EOFError", exceptionType)
    let importError = mk("ImportError", exceptionType)
    _ = mk("ModuleNotFoundError", importError)
    let lookup = mk("LookupError", exceptionType)
    indexErrorType = mk("IndexError", lookup)
    keyErrorType = mk("KeyError", lookup)
    memoryErrorType = mk("MemoryError", exceptionType)
    nameErrorType = mk("NameError", exceptionType)
    unboundLocalErrorType = mk("UnboundLocalError", nameErrorType)
    referenceErrorType = mk("ReferenceError", exceptionType)
    let osError = mk("OSError", exceptionType)
    osErrorType = osError
    runtimeErrorType = mk("RuntimeError", exceptionType)
    notImplementedErrorType = mk("NotImplementedError", runtimeErrorType)
    recursionErrorType = mk("RecursionError", runtimeErrorType)
    typeErrorType = mk("TypeError", exceptionType)
    valueErrorType = mk("ValueError", exceptionType)
    makeMoreExceptionTypes(mk, osError: osError)
}

// MARK: - Display of an uncaught exception (CPython: PyErr_Display → print_exception_recursive)

/// Writes what CPython 3.11 prints for an uncaught exception: the chain (cause/context) first, then each exception's
/// `Traceback (most recent call last):` block and its `Type: message` line.
/// Nesting state of the display of exception groups (CPython 3.11 pythonrun.c: struct exception_print_context).
struct ExceptionPrintContext {
    var depth = 0
    var needClose = false
    var indent: String { String(repeating: " ", count: 2 * depth) }
    var margin: String { depth > 0 ? "| " : "" }
}

func formatException(_ exc: PyValue, into out: inout String, seen: inout Set<UInt>, chain: Bool = true) {
    var ctx = ExceptionPrintContext()
    formatExceptionRecursive(exc, into: &out, seen: &seen, chain: chain, ctx: &ctx)
}

/// CPython: print_exception_recursive — the chain first (print_chained), then the exception or the group.
func formatExceptionRecursive(_ exc: PyValue, into out: inout String, seen: inout Set<UInt>, chain: Bool,
                              ctx: inout ExceptionPrintContext) {
    seen.insert(exc.raw)
    let e = exc.payload(ExceptionObject.self)
    let cause = e.pointee.cause
    let context = e.pointee.context
    func chained(_ v: PyValue, _ message: String) {
        formatExceptionRecursive(v, into: &out, seen: &seen, chain: true, ctx: &ctx)
        out += ctx.indent + ctx.margin + "\n"
        out += ctx.indent + ctx.margin + message
        out += ctx.indent + ctx.margin + "\n"
    }
    if !chain {
    } else if !cause.isNull && cause != pyNone && isInstance(cause, baseExceptionType) {
        if !seen.contains(cause.raw) {
            chained(cause, "The above exception was the direct cause of the following exception:\n")
        }
    } else if !context.isNull && context != pyNone && !e.pointee.suppressContext && isInstance(context, baseExceptionType) {
        if !seen.contains(context.raw) {
            chained(context, "During handling of the above exception, another exception occurred:\n")
        }
    }
    if baseExceptionGroupType != nil && isInstance(exc, baseExceptionGroupType) {
        formatExceptionGroup(exc, into: &out, seen: &seen, ctx: &ctx)
    } else {
        formatOneException(exc, into: &out, ctx: ctx, isGroup: false)
    }
}

/// CPython: print_exception_group — the group, then each sub-exception in a numbered box.
func formatExceptionGroup(_ exc: PyValue, into out: inout String, seen: inout Set<UInt>, ctx: inout ExceptionPrintContext) {
    let maxWidth = 15, maxDepth = 10
    if ctx.depth > maxDepth {
        out += ctx.indent + ctx.margin + "... (max_group_depth is \(maxDepth))\n"
        return
    }
    if ctx.depth == 0 { ctx.depth += 1 }
    formatOneException(exc, into: &out, ctx: ctx, isGroup: true)
    let excs = excGet(exc, "exceptions")
    let count = excs.type == tupleType ? tupleCount(excs) : 0
    let n = count <= maxWidth ? count : maxWidth + 1
    ctx.needClose = false
    for i in 0..<n {
        let last = i == n - 1
        if last { ctx.needClose = true }
        out += ctx.indent + (i == 0 ? "+-" : "  ")
        ctx.depth += 1
        if i < maxWidth {
            out += "+---------------- \(i + 1) ----------------\n"
            formatExceptionRecursive(tupleItem(excs, i), into: &out, seen: &seen, chain: true, ctx: &ctx)
        } else {
            out += "+---------------- ... ----------------\n"
            let more = count - maxWidth
            out += ctx.indent + ctx.margin + "and \(more) more exception\(more > 1 ? "s" : "")\n"
        }
        if last && ctx.needClose {
            out += ctx.indent + "+------------------------------------\n"
            ctx.needClose = false
        }
        ctx.depth -= 1
    }
    if ctx.depth == 1 { ctx.depth -= 1 }
}

/// One exception: its traceback (CPython: _PyTraceBack_Print_Indented) and `Type: message`, then its notes,
/// each line behind the context's indent and margin.
func formatOneException(_ exc: PyValue, into out: inout String, ctx: ExceptionPrintContext, isGroup: Bool) {
    let e = exc.payload(ExceptionObject.self)
    let pre = ctx.indent + ctx.margin
    let tb = e.pointee.traceback
    if !tb.isNull {
        formatTraceback(tb, header: isGroup ? "Exception Group Traceback (most recent call last):\n"
                                            : "Traceback (most recent call last):\n",
                        headerPre: ctx.indent + (isGroup && ctx.depth == 1 ? "+ " : ctx.margin), pre: pre, into: &out)
    }
    var name = exc.type.pointee.name
    if exc.type.pointee.isHeapType {
        let mod = typeLookup(exc.type, internStr("__module__"))
        if !mod.isNull && isInstance(mod, strType) {
            let m = strSwift(mod)
            if m != "__main__" && m != "builtins" { name = m + "." + name }
        }
    }
    if let text = syntaxErrorDisplay(exc, typeName: name) {
        for l in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out += pre + l + "\n" }
        return
    }
    let s = objectStr(exc)
    if s.isNull {
        let _ = fetchException()
        out += pre + name + ": <exception str() failed>\n"
    } else {
        let text = strSwift(s)
        decref(s)
        out += pre + (text.isEmpty ? name + "\n" : name + ": " + text + "\n")
    }
    // __notes__ (CPython: print_exception_notes): each line of each str note behind the margin.
    if let slot = instanceDictSlot(exc), !slot.pointee.isNull {
        let notes = dictGetItemStr(slot.pointee, internStr("__notes__"))
        if !notes.isNull {
            func writeNote(_ t: String) {
                for l in t.split(separator: "\n", omittingEmptySubsequences: false) { out += pre + l + "\n" }
            }
            if notes.type == listType || notes.type == tupleType, let items = collectIterable(notes) {
                for n in items {
                    if isInstance(n, strType) { writeNote(strSwift(n)) } else {
                        let r = objectStr(n)
                        if r.isNull { decref(fetchException()); out += pre + "<note str() failed>\n" } else { writeNote(strSwift(r)); decref(r) }
                    }
                    decref(n)
                }
            } else {
                let r = objectRepr(notes)
                if r.isNull { decref(fetchException()); out += pre + "<__notes__ repr() failed>\n" } else { writeNote(strSwift(r)); decref(r) }
            }
        }
    }
}

/// The stripped source line `line` of `filename` when the file can be read (as traceback's linecache does).
func sourceLine(_ filename: String, _ line: Int) -> String? {
    guard let lines = sourceLinesCache(filename), line >= 1, line <= lines.count else { return nil }
    let s = lines[line - 1]
    let stripped = s.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
    var t = String(stripped)
    while let last = t.last, last == " " || last == "\t" || last == "\r" || last == "\n" { t.removeLast() }
    return t.isEmpty ? nil : t
}

nonisolated(unsafe) var sourceCache: [String: [Substring]?] = [:]
func sourceLinesCache(_ filename: String) -> [Substring]? {
    if let c = sourceCache[filename] { return c }
    var result: [Substring]? = nil
    if let bytes = readFileBytes(filename) {
        let text = String(decoding: bytes, as: UTF8.self)
        result = text.split(separator: "\n", omittingEmptySubsequences: false)
    }
    sourceCache[filename] = result
    return result
}
