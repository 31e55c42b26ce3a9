import KaaBytecode
import KaaCompiler
import KaaCore
import KaaSyntax

/// The bridge from the front end to the runtime: source bytes in, a runtime code object out, or the Python
/// SyntaxError (IndentationError, TabError) CPython raises, with its args and attributes. compile(), exec(), eval()
/// and the import system compile through `compileSource`. (CPython: Py_CompileStringObject)

/// compile()'s flag bits. (CPython: Include/cpython/compile.h, Include/cpython/code.h)
package enum CompileFlag {
    static let sourceIsUTF8 = 0x0100
    static let dontImplyDedent = 0x0200
    static let onlyAST = 0x0400
    static let ignoreCookie = 0x0800
    static let typeComments = 0x1000
    static let allowTopLevelAwait = 0x2000
    static let allowIncompleteInput = 0x4000
    /// PyCF_MASK: the CO_FUTURE_* bits a compilation carries and code inherits (division … annotations).
    static let futureMask = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000
    /// PyCF_MASK_OBSOLETE (CO_NESTED): accepted and ignored.
    static let obsoleteMask = 0x10
    /// PyCF_COMPILE_MASK
    static let compileMask = onlyAST | typeComments | allowTopLevelAwait | dontImplyDedent | allowIncompleteInput
}

/// The interpreter's optimization level (`-O` count, PYTHONOPTIMIZE): what compile(optimize=-1) uses and what
/// `sys.flags.optimize` shows; the import system names cache files `.opt-1.pyc`/`.opt-2.pyc` by it.
/// (CPython: config->optimization_level)
nonisolated(unsafe) public var optimizationLevel = 0

/// Compiles `source` as compile() does and returns a new code object, or NULL with the exception set: SyntaxError
/// (or a subclass), MemoryError (parser too deep), RecursionError (compiler too deep). SyntaxWarnings are written
/// to stderr first, as the CLI writes them. `mode` is "exec", "eval" or "single" (already checked); `inputMode` says
/// whether the bytes are a str's UTF-8 (no coding cookie), bytes, or a file; `flags` are compile()'s flags merged
/// with any inherited future flags; `optimize` -1 means the interpreter's level.
package func compileSource(_ source: [UInt8], filename: String, mode: Compiler.Mode, inputMode: Lexer.InputMode,
                           flags: Int = 0, optimize: Int = -1) -> PyValue {
    guard let code = compileToCodeObject(source, filename: filename, mode: mode, inputMode: inputMode, flags: flags,
                                         optimize: optimize) else { return .null }
    // Code made at run time is freed with its last reference (a program may eval() in a loop); the code objects in
    // its constants stay immortal like all others.
    let v = newCode(code)
    v.obj.pointee.refcount = 1
    return v
}

/// `compileSource` up to the compiler's code object (the import system marshals it into the cache): nil with the
/// exception set.
func compileToCodeObject(_ source: [UInt8], filename: String, mode: Compiler.Mode, inputMode: Lexer.InputMode,
                         flags: Int = 0, optimize: Int = -1) -> CodeObject? {
    guard let module = parseForCompile(source, filename: filename, mode: mode, inputMode: inputMode, flags: flags)
    else { return nil }
    return compileTreeToCodeObject(module, filename: filename, source: source, flags: flags, optimize: optimize)
}

/// compile() of a tree (parsed, or made of `_ast` objects): a new code object, or NULL with the exception set.
func compileTree(_ module: Mod, filename: String, source: [UInt8], flags: Int, optimize: Int) -> PyValue {
    guard let code = compileTreeToCodeObject(module, filename: filename, source: source, flags: flags,
                                             optimize: optimize) else { return .null }
    let v = newCode(code)
    v.obj.pointee.refcount = 1
    return v
}

/// The compiling half of `compileToCodeObject`: nil with the exception set.
func compileTreeToCodeObject(_ module: Mod, filename: String, source: [UInt8], flags: Int,
                             optimize: Int) -> CodeObject? {
    var stage = Compiler.ErrorStage.codegen
    do {
        let code = try Compiler.compile(module, filename: filename, source: source,
                                        optimize: optimize < 0 ? optimizationLevel : optimize,
                                        futureFlags: flags & CompileFlag.futureMask, errorStage: { stage = $0 },
                                        warnings: compilerWarningSink)
        if let problem = validateCode(code) { raise(systemErrorType(), "invalid code object: \(problem)"); return nil }
        return code
    } catch var error as SyntaxErrorInfo {
        // After parsing, CPython reads the error's line from the file (PyErr_ProgramTextObject), not the source.
        error.text = error.lineno.flatMap { programText(filename, $0) }
        setException(syntaxErrorObject(error, argsHaveLocation: stage == .codegen))
    } catch let error as CompilerRecursionError {
        raise(recursionErrorType, error.message)
    } catch {
        raise(systemErrorType(), "\(error)")
    }
    return nil
}

/// The parsing half of `compileSource`: the tree, or nil with the exception set. (CPython: _PyParser_ASTFromString)
func parseForCompile(_ source: [UInt8], filename: String, mode: Compiler.Mode, inputMode: Lexer.InputMode,
                     flags: Int, funcType: Bool = false) -> Mod? {
    var parserMode: Parser.Mode
    switch mode {
    case .exec: parserMode = .file
    case .eval: parserMode = .eval
    case .single: parserMode = .single
    }
    if funcType { parserMode = .funcType }
    do {
        return try parseSource(source, filename: filename, mode: parserMode,
                               typeComments: flags & CompileFlag.typeComments != 0, inputMode: inputMode,
                               allowIncompleteInput: flags & CompileFlag.allowIncompleteInput != 0,
                               warningsAreErrors: syntaxWarningsAreErrors(filename: filename)) { warning in
            emitSyntaxWarning(warning, filename: filename)
        }
    } catch var error as SyntaxErrorInfo {
        // The parser always has a line of text for string input: "" before the first line (an empty source).
        if inputMode != .file && error.text == nil && error.lineno != nil { error.text = "" }
        setException(syntaxErrorObject(error, argsHaveLocation: true))
    } catch is ParserMemoryError {
        setException(newException(memoryErrorType, args: newTuple([])))
    } catch {
        raise(systemErrorType(), "\(error)")
    }
    return nil
}

/// How many SyntaxWarnings compilation has written (a compilation that warned is not reused; see execSourceCode).
nonisolated(unsafe) var syntaxWarningsEmitted = 0

/// Line `line` of the file `filename` with its newline, as CPython's PyErr_ProgramTextObject reads it; nil when the
/// file cannot be read (`<string>`, a made-up name).
func programText(_ filename: String, _ line: Int) -> String? {
    guard !filename.isEmpty, line >= 1, let bytes = readFileBytes(filename) else { return nil }
    var current = 1
    var start = 0
    for (i, b) in bytes.enumerated() where b == 0x0A {
        if current == line { return String(decoding: bytes[start...i], as: UTF8.self) }
        current += 1
        start = i + 1
    }
    return current == line && start < bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
}

/// `FILE:LINE: Category: message` and, for a real file, its stripped line — what warnings.showwarning prints and
/// what the CLI prints for the tokenizer's warnings. (CPython: warnings.formatwarning with linecache)
func emitSyntaxWarning(_ warning: LexerWarning, filename: String) {
    _ = issueCompileWarning(category: warning.category, message: warning.message, filename: filename,
                            lineno: warning.line)
}

/// Writes a compile-time warning as warnings.showwarning shows it.
func writeCompileWarning(category: String, message: String, filename: String, lineno: Int) {
    syntaxWarningsEmitted += 1
    var text = "\(filename):\(lineno): \(category): \(message)\n"
    if let line = sourceLine(filename, lineno) { text += "  \(line)\n" }
    writeStderr(text)
}

func systemErrorType() -> TypePtr {
    for (n, t) in exceptionTypes where n == "SystemError" { return t }
    return runtimeErrorType
}

// MARK: - SyntaxError objects

nonisolated(unsafe) var syntaxErrorType: TypePtr! = nil
nonisolated(unsafe) var indentationErrorType: TypePtr! = nil
nonisolated(unsafe) var tabErrorType: TypePtr! = nil

/// The SyntaxError instance for `info`. With `argsHaveLocation` its args are `(msg, (filename, lineno, offset,
/// text, end_lineno, end_offset))` as the parser and compile.c raise it; without, `(msg,)` with the location only
/// in the attributes, as future.c and symtable.c set it (PyErr_RangedSyntaxLocationObject).
func syntaxErrorObject(_ info: SyntaxErrorInfo, argsHaveLocation: Bool) -> PyValue {
    let type: TypePtr
    switch info.kind {
    case .syntaxError: type = syntaxErrorType
    case .indentationError: type = indentationErrorType
    case .tabError: type = tabErrorType
    }
    func int(_ v: Int?) -> PyValue { v.map { makeInt($0) } ?? newRef(pyNone) }
    let location = newTuple([newStr(info.filename), int(info.lineno), int(info.offset),
                             info.text.map { newStr($0) } ?? newRef(pyNone), int(info.endLineno),
                             int(info.endOffset)])
    let msg = newStr(info.message)
    let args = argsHaveLocation ? newTuple([newRef(msg), newRef(location)]) : newTuple([newRef(msg)])
    let exc = newException(type, args: args)
    setSyntaxErrorAttributes(exc, msg: msg, location: location)
    decref(location)
    decref(msg)
    return exc
}

let syntaxErrorFields = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"]
let syntaxErrorAttributes: Set<String> = Set(["msg", "print_file_and_line"] + syntaxErrorFields)

/// Stores msg and the location tuple's items as the instance's attributes (CPython keeps them in struct members).
func setSyntaxErrorAttributes(_ exc: PyValue, msg: PyValue, location: PyValue) {
    let e = exc.payload(ExceptionObject.self)
    if e.pointee.dict.isNull { e.pointee.dict = newDict() }
    let d = e.pointee.dict
    if !msg.isNull { _ = dictSetItem(d, internStr("msg"), msg) }
    if !location.isNull {
        for i in 0..<min(tupleCount(location), syntaxErrorFields.count) {
            _ = dictSetItem(d, internStr(syntaxErrorFields[i]), tupleItem(location, i))
        }
    }
}

/// SyntaxError.__init__(msg, (filename, lineno, offset, text[, end_lineno, end_offset])). (CPython: SyntaxError_init)
func syntaxErrorInit(_ s: Word, _ args: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Int {
    if exceptionInit(s, args, n, kw) < 0 { return -1 }
    let exc = PyValue(raw: s)
    var location = PyValue.null
    if n == 2 {
        guard let items = collectIterable(PyValue(raw: args.unsafelyUnwrapped[1])) else { return -1 }
        defer { for v in items { decref(v) } }
        if items.count < 4 || items.count > 6 {
            return raiseInt(typeErrorType, items.count < 4
                ? "function takes at least 4 arguments (\(items.count) given)"
                : "function takes at most 6 arguments (\(items.count) given)")
        }
        if items.count == 5 {
            return raiseInt(typeErrorType, "end_offset must be provided when end_lineno is provided")
        }
        location = newTuple(items.map { newRef($0) })
    }
    setSyntaxErrorAttributes(exc, msg: n >= 1 ? PyValue(raw: args.unsafelyUnwrapped[0]) : .null, location: location)
    xdecref(location)
    return 0
}

/// str(SyntaxError): `msg (file.py, line N)`, with the file's base name. (CPython: SyntaxError_str)
func syntaxErrorStr(_ w: Word) -> Word {
    let exc = PyValue(raw: w)
    let msgValue = syntaxErrorAttribute(exc, "msg")
    defer { decref(msgValue) }
    let msg = objectStr(msgValue)
    if msg.isNull { return 0 }
    defer { decref(msg) }
    let filenameValue = syntaxErrorAttribute(exc, "filename")
    let linenoValue = syntaxErrorAttribute(exc, "lineno")
    defer { decref(filenameValue); decref(linenoValue) }
    var filename: String? = nil
    if isInstance(filenameValue, strType) {
        let f = strSwift(filenameValue)
        filename = f.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? f
    }
    // CPython prints the line only for an exact int (not a bool, not another type).
    var lineno: String? = nil
    if linenoValue.type == intType {
        lineno = indexValue(linenoValue).map { String($0) }
        if lineno == nil && !curExc.isNull { decref(fetchException()) }  // past Py_ssize_t: not shown
    }
    switch (filename, lineno) {
    case (nil, nil): return newRef(msg).raw
    case (let f?, let l?): return newStr("\(strSwift(msg)) (\(f), line \(l))").raw
    case (let f?, nil): return newStr("\(strSwift(msg)) (\(f))").raw
    case (nil, let l?): return newStr("\(strSwift(msg)) (line \(l))").raw
    }
}

/// The attribute `name` of a SyntaxError (new reference): None when unset, as CPython's members.
func syntaxErrorAttribute(_ exc: PyValue, _ name: String) -> PyValue {
    let d = exc.payload(ExceptionObject.self).pointee.dict
    if !d.isNull {
        let v = dictGetItemStr(d, internStr(name))
        if !v.isNull { return newRef(v) }
    }
    return newRef(pyNone)
}

nonisolated(unsafe) var syntaxErrorBaseGetAttr: BinaryFn? = nil

/// Creates SyntaxError, IndentationError and TabError (once; reused if the exception table already has them).
func installSyntaxErrorTypes() {
    func find(_ name: String) -> TypePtr? { exceptionTypes.first(where: { $0.0 == name })?.1 }
    func make(_ name: String, _ base: TypePtr) -> TypePtr {
        if let t = find(name) { return t }
        let t = newType(name, base: base, basicSize: base.pointee.basicSize, dealloc: exceptionDealloc,
                        flags: TypeFlag.baseType | TypeFlag.baseExcSubclass)
        t.pointee.dict = newDict()
        exceptionTypes.append((name, t))
        return t
    }
    syntaxErrorType = make("SyntaxError", exceptionType)
    indentationErrorType = make("IndentationError", syntaxErrorType)
    tabErrorType = make("TabError", indentationErrorType)
    let s = syntaxErrorType!
    s.pointee.initFn = syntaxErrorInit
    s.pointee.str = syntaxErrorStr
    syntaxErrorBaseGetAttr = s.pointee.getattro
    s.pointee.getattro = { o, n in
        let r = syntaxErrorBaseGetAttr.map { $0(o, n) } ?? genericGetAttrSlot(o, n)
        if r == 0 && isInstance(curExc, attributeErrorType) && syntaxErrorAttributes.contains(strSwift(PyValue(raw: n))) {
            decref(fetchException())
            return newRef(pyNone).raw
        }
        return r
    }
    addMethod(s, "__init__") { s, p, n, kw in syntaxErrorInit(s, p, n, kw) < 0 ? 0 : newRef(pyNone).raw }
    addMethod(s, "__str__") { s, _, _, _ in syntaxErrorStr(s) }
    for t in [indentationErrorType!, tabErrorType!] {
        t.pointee.initFn = s.pointee.initFn
        t.pointee.str = s.pointee.str
        t.pointee.getattro = s.pointee.getattro
    }
}

/// What CPython prints for an uncaught SyntaxError after its traceback: the `  File "…", line N` block with the
/// source line and carets, then `Type: msg`; nil when its lineno is not an int (then it prints like any exception).
/// (CPython: print_exception → parse_syntax_error, print_error_text)
func syntaxErrorDisplay(_ exc: PyValue, typeName: String) -> String? {
    guard isInstance(exc, syntaxErrorType) else { return nil }
    func attr(_ name: String) -> PyValue { syntaxErrorAttribute(exc, name) }
    func intAttr(_ name: String) -> Int?? {
        let v = attr(name)
        defer { decref(v) }
        if v == pyNone { return .some(nil) }
        guard let i = indexValue(v) else { return nil }
        return .some(i)
    }
    guard let linenoOpt = intAttr("lineno"), let lineno = linenoOpt else { return nil }
    guard let offset = intAttr("offset") else { return nil }
    var info = SyntaxErrorInfo(kind: exc.type == syntaxErrorType ? .syntaxError : .indentationError, message: "",
                               lineno: lineno, offset: offset ?? -1)
    if exc.type == syntaxErrorType {
        guard let endLineno = intAttr("end_lineno"), let endOffset = intAttr("end_offset") else { return nil }
        info.endLineno = endLineno ?? lineno
        info.endOffset = endOffset ?? -1
    }
    let filename = attr("filename"), text = attr("text"), msg = attr("msg")
    defer { decref(filename); decref(text); decref(msg) }
    if filename == pyNone {
        info.filename = "<string>"
    } else {
        let f = objectStr(filename)
        if f.isNull { decref(fetchException()); return nil }
        info.filename = strSwift(f)
        decref(f)
    }
    if isInstance(text, strType) { info.text = strSwift(text) }
    // The File/source/caret lines are the front end's; the last line names the exception's own type.
    var out = info.formattedForTraceback()
    if let cut = out.dropLast().lastIndex(of: "\n") { out = String(out[...cut]) } else { out = "" }
    let m = objectStr(msg)
    if m.isNull { decref(fetchException()); return out + typeName + "\n" }
    defer { decref(m) }
    let text2 = strSwift(m)
    return out + (text2.isEmpty ? typeName + "\n" : typeName + ": " + text2 + "\n")
}
