import KaaCompiler
import KaaSyntax

/// The builtins that compile and run source at run time — compile(), exec(), eval() — and the namespace builtins
/// they lean on: globals(), locals(), vars(). (CPython: Python/bltinmodule.c builtin_compile_impl, builtin_exec_impl,
/// builtin_eval_impl; Python/ceval.c PyEval_MergeCompilerFlags)

func installExecBuiltins() {
    addBuiltin("compile", builtinCompile)
    addBuiltin("exec", builtinExec)
    addBuiltin("eval", builtinEval)
    addBuiltin("input", builtinInput)
    _ = dictSetItem(builtinsDict, internStr("__debug__"), makeBool(optimizationLevel == 0))
    builtinModuleMakers["__future__"] = makeFutureModule
    builtinModuleMakers["_ast"] = makeASTModule
    addBuiltin("globals") { _, _, n, kw in
        guard noArguments("globals", n, kw) else { return 0 }
        guard let f = currentFrame else { return newRef(pyNone).raw }
        return newRef(f.pointee.globals).raw
    }
    addBuiltin("locals") { _, _, n, kw in
        guard noArguments("locals", n, kw) else { return 0 }
        return frameLocals().raw
    }
    addBuiltin("vars") { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("vars"), a.count("vars", 0, 1) else { return 0 }
        if n == 0 { return frameLocals().raw }
        let r = getAttr(a[0], internStr("__dict__"))
        if r.isNull && isInstance(curExc, attributeErrorType) {
            decref(fetchException())
            // An instance dict the attribute lookup does not expose yet.
            if let slot = instanceDictSlot(a[0]) {
                if slot.pointee.isNull { slot.pointee = newDict() }
                return newRef(slot.pointee).raw
            }
            return raise(typeErrorType, "vars() argument must have __dict__ attribute").raw
        }
        return r.raw
    }
}

private func noArguments(_ name: String, _ n: Int, _ kw: Word) -> Bool {
    let given = n + Args(nil, n, kw).kwCount
    if given > 0 { raise(typeErrorType, "\(name)() takes no arguments (\(given) given)"); return false }
    return true
}

/// The current frame's locals mapping (new reference). A function frame's fast locals are copied into a dict kept
/// on the frame, so successive calls — and names exec() stored there — see one dict, as CPython's f_locals.
/// (CPython: PyEval_GetLocals → _PyFrame_FastToLocalsWithError)
func frameLocals() -> PyValue {
    guard let f = currentFrame else { return newRef(pyNone) }
    let c = f.pointee.code
    if c.pointee.flags & 0x1 == 0 {  // not CO_OPTIMIZED: module and class bodies have a real mapping
        return f.pointee.locals.isNull ? newRef(f.pointee.globals) : newRef(f.pointee.locals)
    }
    if f.pointee.locals.isNull { f.pointee.locals = newDict() }
    let d = f.pointee.locals
    for i in 0..<c.pointee.nlocalsplus {
        var v = f.pointee.localsplus[i]
        // Cells and free variables hold their value in a cell (MAKE_CELL may not have run yet).
        if c.pointee.localsKinds[i] & 0xC0 != 0 && !v.isNull && v.type == cellType {
            v = v.payload(CellObject.self).pointee.ref
        }
        let name = c.pointee.localsNames[i]
        if v.isNull {
            if !dictGetItemStr(d, name).isNull { _ = dictDelItem(d, name) }
        } else {
            _ = dictSetItem(d, name, v)
        }
    }
    return newRef(d)
}

// MARK: - Arguments

/// Binds positional and keyword arguments to `names` as Argument Clinic does; the first `positionalOnly` names
/// cannot be given by keyword. Missing optional arguments are NULL.
private func bindArguments(_ fname: String, _ a: Args, names: [String], required: Int, positionalOnly: Int = 0,
                           maxPositional: Int? = nil) -> [PyValue]? {
    let maxPos = maxPositional ?? names.count
    if a.n > maxPos {
        raise(typeErrorType, "\(fname)() takes at most \(maxPos) positional argument\(maxPos == 1 ? "" : "s") (\(a.n) given)")
        return nil
    }
    var values = [PyValue](repeating: .null, count: names.count)
    for i in 0..<a.n { values[i] = a[i] }
    if !a.kw.isNull {
        for k in 0..<tupleCount(a.kw) {
            let key = strSwift(tupleItem(a.kw, k))
            guard let i = names.firstIndex(of: key), i >= positionalOnly else {
                raise(typeErrorType, "'\(key)' is an invalid keyword argument for \(fname)()")
                return nil
            }
            if i < a.n {
                raise(typeErrorType, "argument for \(fname)() given by name ('\(key)') and position (\(i + 1))")
                return nil
            }
            values[i] = a[a.n + k]
        }
    }
    for i in 0..<required where values[i].isNull {
        raise(typeErrorType, "\(fname)() missing required argument '\(names[i])' (pos \(i + 1))")
        return nil
    }
    return values
}

/// The bytes of a source argument and how the tokenizer must read them: a str as its UTF-8 (no coding cookie),
/// bytes-like objects (bytes, bytearray, memoryview) as they are. NULL-free check included. (CPython: _Py_SourceAsString)
private func sourceBytes(_ v: PyValue, _ fname: String, _ what: String) -> (bytes: [UInt8], mode: Lexer.InputMode)? {
    var bytes: [UInt8]
    let mode: Lexer.InputMode
    if isInstance(v, strType) {
        guard let utf8 = strUTF8(v) else { return nil }
        bytes = utf8
        mode = .string
    } else if let b = bytesLikeBytes(v) {  // bytes, bytearray, memoryview
        bytes = b
        mode = .bytes
    } else {
        raise(typeErrorType, "\(fname)() arg 1 must be a \(what) object")
        return nil
    }
    if bytes.contains(0) {
        let msg = newStr("source code string cannot contain null bytes")
        let exc = newException(syntaxErrorType, args: newTuple([newRef(msg)]))
        setSyntaxErrorAttributes(exc, msg: msg, location: .null)
        decref(msg)
        setException(exc)
        return nil
    }
    return (bytes, mode)
}

/// The UTF-8 encoding of a str; NULL with UnicodeEncodeError for a lone surrogate. (CPython: PyUnicode_AsUTF8AndSize)
func strUTF8(_ v: PyValue) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(strCount(v))
    for (i, c) in strBuffer(v).enumerated() {
        switch c {
        case 0..<0x80: out.append(UInt8(c))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | c >> 6)); out.append(UInt8(0x80 | c & 0x3F))
        case 0xD800..<0xE000:
            _ = raiseUnicodeEncodeError("utf-8", Array(strBuffer(v)), i, i + 1, "surrogates not allowed")
            return nil
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | c >> 12)); out.append(UInt8(0x80 | (c >> 6) & 0x3F))
            out.append(UInt8(0x80 | c & 0x3F))
        default:
            out.append(UInt8(0xF0 | c >> 18)); out.append(UInt8(0x80 | (c >> 12) & 0x3F))
            out.append(UInt8(0x80 | (c >> 6) & 0x3F)); out.append(UInt8(0x80 | c & 0x3F))
        }
    }
    return out
}


/// A filename argument: str, bytes (decoded as UTF-8) or an os.PathLike. (CPython: PyUnicode_FSDecoder)
private func filenameArgument(_ v: PyValue) -> String? {
    if isInstance(v, strType) { return strSwift(v) }
    if isInstance(v, bytesType) { return String(decoding: v.payload(BytesObject.self).pointee.bytes, as: UTF8.self) }
    let fspath = lookupSpecial(v, "__fspath__")
    if !fspath.isNull {
        defer { decref(fspath) }
        let r = callObject(fspath, [])
        if r.isNull { return nil }
        defer { decref(r) }
        if isInstance(r, strType) || isInstance(r, bytesType) { return filenameArgument(r) }
        raise(typeErrorType, "expected \(typeName(v)).__fspath__() to return str or bytes, not \(typeName(r))")
        return nil
    }
    if !curExc.isNull { decref(fetchException()) }
    raise(typeErrorType, "expected str, bytes or os.PathLike object, not \(typeName(v))")
    return nil
}

/// The CO_FUTURE_* flags of the calling code, which compile() (unless dont_inherit), exec() and eval() pass on.
/// (CPython: PyEval_MergeCompilerFlags)
private func inheritedFutureFlags() -> Int {
    guard let f = currentFrame else { return 0 }
    return f.pointee.code.pointee.flags & CompileFlag.futureMask
}

// MARK: - compile()

/// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)
private func builtinCompile(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let names = ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"]
    guard let v = bindArguments("compile", Args(p, n, kw), names: names, required: 3, maxPositional: 6) else {
        return 0
    }
    guard let filename = filenameArgument(v[1]) else { return 0 }
    guard isInstance(v[2], strType) else {
        return raise(typeErrorType, "compile() argument 'mode' must be str, not \(typeName(v[2]))").raw
    }
    var ints = [0, 0, -1, -1]
    for (k, i) in [3, 4, 5, 6].enumerated() where !v[i].isNull {
        guard let x = indexValueOrRaise(v[i]) else { return 0 }
        ints[k] = x
    }
    var flags = ints[0]
    let dontInherit = ints[1] != 0, optimize = ints[2]
    if flags & ~(CompileFlag.futureMask | CompileFlag.obsoleteMask | CompileFlag.compileMask) != 0 {
        return raise(valueErrorType, "compile(): unrecognised flags").raw
    }
    if optimize < -1 || optimize > 2 { return raise(valueErrorType, "compile(): invalid optimize value").raw }
    if !dontInherit { flags |= inheritedFutureFlags() }
    let mode: Compiler.Mode
    var funcType = false
    switch strSwift(v[2]) {
    case "exec": mode = .exec
    case "eval": mode = .eval
    case "single": mode = .single
    case "func_type" where flags & CompileFlag.onlyAST != 0:
        mode = .eval
        funcType = true
    case "func_type":
        return raise(valueErrorType, "compile() mode 'func_type' requires flag PyCF_ONLY_AST").raw
    default:
        return raise(valueErrorType, flags & CompileFlag.onlyAST != 0
            ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            : "compile() mode must be 'exec', 'eval' or 'single'").raw
    }
    // An `_ast` tree: returned as it is for PyCF_ONLY_AST, else converted, validated and compiled (ASTModule*.swift).
    if let astType = astBaseType(), isInstance(v[0], astType) {
        if flags & CompileFlag.onlyAST != 0 { return newRef(v[0]).raw }
        guard let mod = astObjectToMod(v[0], mode: mode) else { return 0 }
        return compileTree(mod, filename: filename, source: [], flags: flags, optimize: optimize).raw
    }
    guard let (bytes, inputMode) = sourceBytes(v[0], "compile", "string, bytes or AST") else { return 0 }
    if flags & CompileFlag.onlyAST != 0 {
        guard let mod = parseForCompile(bytes, filename: filename, mode: mode, inputMode: inputMode, flags: flags,
                                        funcType: funcType) else { return 0 }
        return astObject(mod).raw
    }
    return compileSource(bytes, filename: filename, mode: mode, inputMode: inputMode, flags: flags,
                         optimize: optimize).raw
}

// MARK: - exec() and eval()

/// The namespaces exec()/eval() run in: the caller's when globals is None, `__builtins__` added to globals when
/// missing (the caller's builtins), and the builtins dict the new frame uses.
private func execNamespaces(_ globalsArg: PyValue, _ localsArg: PyValue)
    -> (globals: PyValue, locals: PyValue, builtins: PyValue)? {
    var globals = globalsArg, locals = localsArg
    var ownedLocals = PyValue.null
    if globals.isNull || globals == pyNone {
        guard let f = currentFrame else {
            raise(systemErrorType(), "globals and locals cannot be NULL")
            return nil
        }
        globals = f.pointee.globals
        if locals.isNull || locals == pyNone {
            ownedLocals = frameLocals()
            locals = ownedLocals
        }
    } else if locals.isNull || locals == pyNone {
        locals = globals
    }
    let key = internStr("__builtins__")
    if dictGetItemStr(globals, key).isNull {
        let callerBuiltins = currentFrame?.pointee.builtins ?? builtinsDict
        if dictSetItem(globals, key, callerBuiltins) < 0 { xdecref(ownedLocals); return nil }
    }
    var builtins = dictGetItemStr(globals, key)
    if builtins.type == moduleType { builtins = builtins.payload(ModuleObject.self).pointee.dict }
    if !isInstance(builtins, dictType) { builtins = builtinsDict }
    if ownedLocals.isNull { incref(locals) }
    return (globals, locals, builtins)
}

/// Runs a code object in the given namespaces (CPython: PyEval_EvalCode); `closure` supplies its free variables.
private func runCodeIn(_ code: PyValue, _ ns: (globals: PyValue, locals: PyValue, builtins: PyValue),
                       closure: PyValue = .null) -> PyValue {
    var function = PyValue.null
    let c = code.payload(CodeObj.self)
    if !closure.isNull || c.pointee.flags & 0x1 != 0 {
        function = newFunction(code: code, globals: ns.globals, builtins: ns.builtins, qualname: c.pointee.qualname)
        if !closure.isNull { function.payload(FunctionObject.self).pointee.closure = newRef(closure) }
    }
    if c.pointee.flags & 0x1 != 0 {
        // A function's code (CO_OPTIMIZED) runs as a call without arguments: its parameters are checked, and
        // generator or coroutine code makes its object. (CPython: PyEval_EvalCode → _PyEval_Vector)
        let r = callPythonFunction(function, nil, 0, .null)
        decref(function)
        decref(ns.locals)
        return r
    }
    let r = runCode(code, globals: ns.globals, builtins: ns.builtins, locals: ns.locals, function: function)
    xdecref(function)
    decref(ns.locals)
    return r
}

private func isMapping(_ v: PyValue) -> Bool { v.type.pointee.getitem != nil }

/// exec(source, globals=None, locals=None, /, *, closure=None)
private func builtinExec(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    if n < 1 { return raise(typeErrorType, "exec() takes at least 1 positional argument (0 given)").raw }
    guard let v = bindArguments("exec", a, names: ["source", "globals", "locals", "closure"], required: 1,
                                positionalOnly: 3, maxPositional: 3) else { return 0 }
    let source = v[0], g = v[1], l = v[2]
    if !g.isNull && g != pyNone && !isInstance(g, dictType) {
        return raise(typeErrorType, "exec() globals must be a dict, not \(typeName(g))").raw
    }
    if !l.isNull && l != pyNone && !isMapping(l) {
        return raise(typeErrorType, "locals must be a mapping or None, not \(typeName(l))").raw
    }
    guard let ns = execNamespaces(g, l) else { return 0 }
    let closure = v[3] == pyNone ? PyValue.null : v[3]
    let result: PyValue
    if source.type == codeType {
        let nfree = source.payload(CodeObj.self).pointee.nfree
        if nfree == 0 {
            if !closure.isNull {
                decref(ns.locals)
                return raise(typeErrorType, "cannot use a closure with this code object").raw
            }
        } else {
            var ok = !closure.isNull && closure.type == tupleType && tupleCount(closure) == nfree
            if ok { for i in 0..<nfree where tupleItem(closure, i).type != cellType { ok = false } }
            if !ok {
                decref(ns.locals)
                return raise(typeErrorType, "code object requires a closure of exactly length \(nfree)").raw
            }
        }
        result = runCodeIn(source, ns, closure: closure)
    } else {
        if !closure.isNull {
            decref(ns.locals)
            return raise(typeErrorType, "closure can only be used when source is a code object").raw
        }
        guard let (bytes, inputMode) = sourceBytes(source, "exec", "string, bytes or code") else {
            decref(ns.locals)
            return 0
        }
        let code = execSourceCode(bytes, mode: .exec, inputMode: inputMode, flags: inheritedFutureFlags())
        if code.isNull { decref(ns.locals); return 0 }
        result = runCodeIn(code, ns)
        decref(code)
    }
    if result.isNull { return 0 }
    decref(result)
    return newRef(pyNone).raw
}

/// eval(source, globals=None, locals=None, /)
private func builtinEval(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("eval"), a.count("eval", 1, 3) else { return 0 }
    let source = a[0], g = n > 1 ? a[1] : PyValue.null, l = n > 2 ? a[2] : PyValue.null
    if !l.isNull && l != pyNone && !isMapping(l) { return raise(typeErrorType, "locals must be a mapping").raw }
    if !g.isNull && g != pyNone && !isInstance(g, dictType) {
        return raise(typeErrorType, isMapping(g) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                 : "globals must be a dict").raw
    }
    guard let ns = execNamespaces(g, l) else { return 0 }
    if source.type == codeType {
        if source.payload(CodeObj.self).pointee.nfree > 0 {
            decref(ns.locals)
            return raise(typeErrorType, "code object passed to eval() may not contain free variables").raw
        }
        return runCodeIn(source, ns).raw
    }
    guard var (bytes, inputMode) = sourceBytes(source, "eval", "string, bytes or code") else {
        decref(ns.locals)
        return 0
    }
    // eval() skips leading blanks, so "  1" is not an indented line.
    let blanks = bytes.prefix(while: { $0 == 0x20 || $0 == 0x09 }).count
    if blanks > 0 { bytes.removeFirst(blanks) }
    let code = execSourceCode(bytes, mode: .eval, inputMode: inputMode, flags: inheritedFutureFlags())
    if code.isNull { decref(ns.locals); return 0 }
    let result = runCodeIn(code, ns)
    decref(code)
    return result.raw
}

// MARK: - the code of exec()/eval() strings

/// What exec()/eval() of a string compiled: the same source, mode, input kind and flags make the same code object
/// (code is immutable, and these code objects are never handed to the program), so a program that evaluates the
/// same string in a loop compiles it once. A compilation that wrote SyntaxWarnings is not kept, so they are written
/// each time as CPython writes them. Bounded: emptied when full.
private struct ExecSourceKey: Hashable {
    var bytes: [UInt8]
    var eval: Bool
    var string: Bool
    var flags: Int
    var optimize: Int
}
nonisolated(unsafe) private var execSourceCache: [ExecSourceKey: PyValue] = [:]
private let execSourceCacheLimit = 256

/// The code of an exec()/eval() string (new reference), or NULL with the exception set.
private func execSourceCode(_ bytes: [UInt8], mode: Compiler.Mode, inputMode: Lexer.InputMode, flags: Int) -> PyValue {
    let key = ExecSourceKey(bytes: bytes, eval: mode == .eval, string: inputMode == .string, flags: flags,
                            optimize: optimizationLevel)
    if let code = execSourceCache[key] { return newRef(code) }
    let warnings = syntaxWarningsEmitted
    let code = compileSource(bytes, filename: "<string>", mode: mode, inputMode: inputMode, flags: flags)
    if code.isNull || syntaxWarningsEmitted != warnings { return code }
    if execSourceCache.count >= execSourceCacheLimit {
        for v in execSourceCache.values { decref(v) }
        execSourceCache.removeAll(keepingCapacity: true)
    }
    execSourceCache[key] = newRef(code)
    return code
}

// MARK: - single mode

/// PRINT_EXPR: hands an expression statement's value in 'single' mode to sys.displayhook. Returns -1 on error.
/// (CPython: ceval.c PRINT_EXPR)
func printExpr(_ value: PyValue) -> Int {
    let hook = sysValue("displayhook")
    if hook.isNull { return raiseInt(runtimeErrorType, "lost sys.displayhook") }
    let r = callObject(hook, [value])
    if r.isNull { return -1 }
    decref(r)
    return 0
}
