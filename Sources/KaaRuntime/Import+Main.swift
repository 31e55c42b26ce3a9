import KaaCore

/// `kaa -m MODULE`: runpy's `_run_module_as_main` without runpy. The module is found on sys.path like any import
/// (a package runs its `__main__` submodule), its code comes from the cache or the compiler (and is cached, as
/// CPython caches a module run with -m), and it runs in the `__main__` module's namespace with `__name__` set to
/// `'__main__'`, `sys.argv[0]` set to its file. (CPython: Lib/runpy.py _run_module_as_main, _get_module_details,
/// _run_code.) A traceback out of the module starts with the two `<frozen runpy>` frames CPython shows.
extension Runtime {
    public static func runModuleAsMain(_ name: String, arguments: [String], programName: String) -> Int32 {
        bootstrap()
        if !captureOutput { installSignalHandlers() }
        sysArgv = arguments
        let mainModule = newModule("__main__")
        resetImportState(mainModule: mainModule)
        let globals = mainModule.payload(ModuleObject.self).pointee.dict
        _ = dictSetItem(globals, internStr("__doc__"), pyNone)
        for k in ["__package__", "__loader__", "__spec__"] { _ = dictSetItem(globals, internStr(k), pyNone) }
        _ = dictSetItem(globals, internStr("__builtins__"), builtinsModuleObject)

        var failure: String? = nil
        var frames: [(String, String, Int)] = []
        let details = moduleDetails(name, failure: &failure, frames: &frames)
        guard let (spec, code) = details else {
            flushStdout()
            if let f = failure {
                // sys.exit("%s: %s" % (sys.executable, exc))
                writeStderr("\(executablePath()): \(f)\n")
                return 1
            }
            if !curExc.isNull { addFrozenFrames(curExc, frames + [("runpy", "_run_module_as_main", 189)]) }
            return handleUncaught()
        }
        // _run_code
        func set(_ k: String, _ v: PyValue) { _ = dictSetItem(globals, internStr(k), v); decref(v) }
        set("__name__", newStr("__main__"))
        set("__file__", spec.origin.map { newStr($0) } ?? newRef(pyNone))
        let cached = spec.kind == .sourceless ? spec.origin
            : spec.origin.map { ImportCache.cacheFromSource($0, prefix: currentPycachePrefix()) }
        set("__cached__", cached.map { newStr($0) } ?? newRef(pyNone))
        set("__doc__", newRef(pyNone))
        set("__package__", newStr(spec.parent))
        // sys.argv[0] = mod_spec.origin
        let argv = sysAttribute("argv")
        if !argv.isNull && argv.type == listType && listCount(argv) > 0, let origin = spec.origin {
            let old = listItems(argv)[0]
            listItems(argv)[0] = newStr(origin)
            decref(old)
        }
        let result = runCode(code, globals: globals, builtins: builtinsDict, locals: globals)
        if result.isNull && !curExc.isNull {
            addFrozenFrames(curExc, [("runpy", "_run_code", 88), ("runpy", "_run_module_as_main", 198)])
        }
        var rc: Int32 = 0
        if result.isNull { rc = handleUncaught() } else { decref(result) }
        flushStdout()
        return rc
    }

    /// Appends frames of CPython's frozen modules (`<frozen runpy>`, `<frozen importlib._bootstrap>`, ...) to a
    /// traceback, innermost first: (module, function, line). They have no source, as in CPython.
    static func addFrozenFrames(_ exc: PyValue, _ frames: [(String, String, Int)]) {
        guard isInstance(exc, baseExceptionType) else { return }
        for (module, function, line) in frames {
            // A code object whose second instruction is on `line` (the first is RESUME).
            let source = Array(String(repeating: "\n", count: line - 1).utf8) + Array("x\n".utf8)
            let saved = fetchException()
            let compiled = compileModuleSource(source, path: "<frozen \(module)>")
            if !curExc.isNull { decref(fetchException()) }
            curExc = saved
            guard var co = compiled else { continue }
            co.name = PyString(function)
            co.qualname = PyString(function)
            // Frozen frames are outer frames: each goes in front of the chain, as the eval loop adds them.
            let frame = newDetachedFrameObject(newCode(co), globals: newDict(), builtins: builtinsDict)
            let e = exc.payload(ExceptionObject.self)
            e.pointee.traceback = newTraceback(next: e.pointee.traceback, frame: frame, lasti: 2, lineno: Int.min)
        }
    }

    /// runpy `_get_module_details`: the spec and code of `name`, or nil with `failure` set to runpy's `_Error`
    /// message (or a Python exception set, which propagates as in runpy).
    /// `frames` collects runpy's (and importlib's) frames, innermost first, for an exception raised on the way.
    static func moduleDetails(_ name: String, failure: inout String?,
                              frames: inout [(String, String, Int)]) -> (FoundModule, PyValue)? {
        if name.hasPrefix(".") { failure = "Relative module names not supported"; return nil }
        var searchPath = PyValue.null
        if let dot = name.lastIndex(of: ".") {
            let pkgName = String(name[..<dot])
            let pkg = findAndLoad(pkgName)
            if pkg.isNull {
                // An ImportError for the package itself becomes runpy's message; others propagate.
                if isInstance(curExc, importErrorType) {
                    let e = curExc.payload(ExceptionObject.self)
                    let en = e.pointee.dict.isNull ? PyValue.null : dictGetItemStr(e.pointee.dict, internStr("name"))
                    let excName = !en.isNull && isInstance(en, strType) ? strSwift(en) : nil
                    if let n = excName, n == pkgName || pkgName.hasPrefix(n + ".") {
                        let exc = fetchException()
                        let text = strSwift(exceptionStr(exc))
                        failure = "Error while finding module specification for \(strRepr(name)) (\(typeName(exc)): \(text))"
                        decref(exc)
                    }
                }
                frames.append(("runpy", "_get_module_details", 112))
                return nil
            }
            searchPath = lookupAttrOptional(pkg, internStr("__path__"))
            decref(pkg)
            if searchPath.isNull {
                if !curExc.isNull { return nil }
                let parentName = pkgName
                failure = "Error while finding module specification for \(strRepr(name)) (ModuleNotFoundError: "
                    + "__path__ attribute not found on \(strRepr(parentName)) while trying to find \(strRepr(name)))"
                if name.hasSuffix(".py") {
                    failure! += ". Try using \(strRepr(String(name.dropLast(3)))) instead of \(strRepr(name)) as the module name."
                }
                return nil
            }
        }
        let found = findSpec(name, path: searchPath)
        xdecref(searchPath)
        guard var spec = found else {
            if !curExc.isNull { return nil }
            failure = "No module named \(name)"
            return nil
        }
        if spec.kind == .builtin {
            failure = "No code object available for \(name)"
            return nil
        }
        if spec.isPackage {
            if name == "__main__" || name.hasSuffix(".__main__") {
                failure = "Cannot use package as __main__ module"
                return nil
            }
            // (Importing NAME.__main__ imports the package first.)
            var inner: String? = nil
            if let details = moduleDetails(name + ".__main__", failure: &inner, frames: &frames) { return details }
            if let message = inner {
                failure = "\(message); \(strRepr(name)) is a package and cannot be directly executed"
            } else {
                frames.append(("runpy", "_get_module_details", 148))
            }
            return nil
        }
        if spec.kind == .namespace {
            failure = "\(strRepr(name)) is a namespace package and cannot be executed"
            return nil
        }
        spec.name = name
        guard let code = moduleCode(spec) else {
            if isInstance(curExc, exceptionTypeNamed("SyntaxError")) {
                // compile() raised inside importlib's get_code, whose frames runpy does not remove.
                frames += [("importlib._bootstrap", "_call_with_frames_removed", 241),
                           ("importlib._bootstrap_external", "source_to_code", 1004),
                           ("importlib._bootstrap_external", "get_code", 1074)]
            }
            frames.append(("runpy", "_get_module_details", 159))
            return nil
        }
        return (spec, code)
    }
}
