import KaaBytecode
import KaaCompiler
import KaaCore
import KaaSyntax

/// The import system without importlib: what CPython's Python/import.c and Lib/importlib/_bootstrap.py /
/// _bootstrap_external.py do for built-in modules, `.py` modules, sourceless `.pyc` modules, regular packages
/// (`__init__.py`) and namespace packages, written in Swift. `sys.modules` is a real dict and `sys.path` a real list:
/// programs may change both and the next import sees it.
///
/// Finders, in importlib's `sys.meta_path` order: built-in modules (`builtinModuleMakers`), then the path finder
/// over `sys.path` (or the parent package's `__path__`), where each directory is tried as FileFinder does:
/// package `NAME/__init__.py`, `NAME/__init__.pyc`, module `NAME.py`, `NAME.pyc`, else a namespace portion.
/// Source modules go through the bytecode cache (Import+Cache.swift). No `__spec__`/`__loader__` objects yet: both
/// are None, which makes the `__spec__`-based paths of importlib fall back to `__package__`/`__name__` as it allows.

/// The global state of the import system (CPython: interp->modules, sys.path, interp->import_func).
nonisolated(unsafe) var sysModules = PyValue.null
nonisolated(unsafe) var sysPath = PyValue.null
nonisolated(unsafe) var sysModuleObject = PyValue.null
nonisolated(unsafe) var builtinsModuleObject = PyValue.null
/// The builtin `__import__`: IMPORT_NAME calls the import machinery directly while builtins' `__import__` is it.
nonisolated(unsafe) var originalImportFunction = PyValue.null
/// Modules whose code is running (CPython: `module.__spec__._initializing`), for the circular-import messages.
nonisolated(unsafe) var initializingModules: Set<UInt> = []
/// The interned "__path__" (the import fast path's key).
nonisolated(unsafe) var pathName = PyValue.null
/// Children being imported, by parent package name (CPython 3.11.7: `parent.__spec__._uninitialized_submodules`).
nonisolated(unsafe) var uninitializedSubmodules: [String: [String]] = [:]

/// What the command line and the environment decide about `sys.path` before the program runs.
public enum ImportSettings {
    /// `sys.path[0]`: the script's folder, '' for `-c`/stdin, the current folder for `-m`; nil with `-P`/`-I`.
    nonisolated(unsafe) public static var pathZero: String? = ""
    /// PYTHONPATH entries, made absolute as CPython's getpath does ('' is the current folder).
    nonisolated(unsafe) public static var pythonPath: [String] = []

    /// PYTHONPATH as CPython splits it (getpath.py: every entry, `abspath`ed).
    public static func parsePythonPath(_ text: String) -> [String] {
        text.split(separator: ":", omittingEmptySubsequences: false).map { entry in
            normalizedAbsolute(String(entry))
        }
    }

    /// `os.path.abspath`: absolute, with `.`/`..`/duplicate separators resolved textually.
    public static func normalizedAbsolute(_ path: String) -> String {
        let full = ImportPath.absolute(path.isEmpty ? "." : path)
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

// MARK: state

/// Fresh import state for a program: sys.modules with builtins, sys and `__main__`; sys.path.
func resetImportState(mainModule: PyValue) {
    xdecref(sysModules)
    sysModules = newDict()
    xdecref(sysPath)
    var entries: [PyValue] = []
    if let zero = ImportSettings.pathZero { entries.append(newStr(zero)) }
    for p in ImportSettings.pythonPath { entries.append(newStr(p)) }
    sysPath = newList(entries)
    initializingModules = []
    uninitializedSubmodules = [:]
    let bmod = newModule("builtins")
    decref(bmod.payload(ModuleObject.self).pointee.dict)
    bmod.payload(ModuleObject.self).pointee.dict = newRef(builtinsDict)
    xdecref(builtinsModuleObject)
    builtinsModuleObject = bmod
    _ = dictSetItem(sysModules, internStr("builtins"), bmod)
    xdecref(sysModuleObject)
    sysModuleObject = makeSysModule()
    _ = dictSetItem(sysModules, internStr("sys"), sysModuleObject)
    _ = dictSetItem(sysModules, internStr("__main__"), mainModule)
    if originalImportFunction.isNull {
        originalImportFunction = dictGetItemStr(builtinsDict, internStr("__import__"))
    }
}

/// The attributes of `sys` that belong to the import system.
func addImportAttributes(to sys: PyValue) {
    moduleAdd(sys, "path", newRef(sysPath))
    moduleAdd(sys, "modules", newRef(sysModules))
    moduleAdd(sys, "dont_write_bytecode", newRef(makeBool(ImportCache.dontWriteBytecode)))
    moduleAdd(sys, "pycache_prefix", ImportCache.pycachePrefix.map { newStr($0) } ?? newRef(pyNone))
    moduleAdd(sys, "builtin_module_names", newTuple((Array(builtinModuleMakers.keys) + ["builtins", "sys"])
        .sorted().map { newStr($0) }))
}

/// `sys.NAME` as the program left it (NULL if deleted). Borrowed.
func sysAttribute(_ name: String) -> PyValue {
    if sysModuleObject.isNull { return .null }
    return dictGetItemStr(sysModuleObject.payload(ModuleObject.self).pointee.dict, internStr(name))
}

// MARK: errors

/// ImportError/ModuleNotFoundError with `name` and `path` (CPython: PyErr_SetImportError).
@discardableResult
func raiseImportError(_ type: TypePtr, _ message: String, name: String?, path: String? = nil) -> PyValue {
    let exc = newException(type, args: newTuple([newStr(message)]))
    let e = exc.payload(ExceptionObject.self)
    if e.pointee.dict.isNull { e.pointee.dict = newDict() }
    let msg = newStr(message)
    _ = dictSetItem(e.pointee.dict, internStr("msg"), msg)
    decref(msg)
    let n = name.map { newStr($0) } ?? newRef(pyNone)
    _ = dictSetItem(e.pointee.dict, internStr("name"), n)
    decref(n)
    let p = path.map { newStr($0) } ?? newRef(pyNone)
    _ = dictSetItem(e.pointee.dict, internStr("path"), p)
    decref(p)
    setException(exc)
    return .null
}

func strRepr(_ s: String) -> String { PyRepr.string(s) }

// MARK: the import statement

/// IMPORT_NAME (CPython: import_name): calls builtins' `__import__` unless it is the original one.
func importNameInstruction(name: PyValue, fromlist: PyValue, level: PyValue, globals: PyValue, locals: PyValue,
                           builtins: PyValue) -> PyValue {
    let importFunc = dictGetItemStr(builtins, internStr("__import__"))
    if importFunc.isNull {
        return raise(importErrorType, "__import__ not found")
    }
    if importFunc == originalImportFunction {
        guard let lv = indexValueOrRaise(level) else { return .null }
        return importModuleLevel(name, globals: globals, fromlist: fromlist, level: lv)
    }
    return callObject(importFunc, [name, globals, locals.isNull ? pyNone : locals, fromlist, level])
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)` (CPython: builtin___import___impl).
func builtinImport(_ s: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    let names = ["name", "globals", "locals", "fromlist", "level"]
    if !a.checkKeywords("__import__", names) { return 0 }
    if n > 5 { return raise(typeErrorType, "__import__() takes at most 5 arguments (\(n) given)").raw }
    var vals = [PyValue](repeating: .null, count: 5)
    for i in 0..<n { vals[i] = a[i] }
    for (i, k) in names.enumerated() {
        let v = a.keyword(k)
        if v.isNull { continue }
        if i < n { return raise(typeErrorType, "argument for __import__() given by name ('\(k)') and position (\(i + 1))").raw }
        vals[i] = v
    }
    if vals[0].isNull { return raise(typeErrorType, "__import__() missing required argument 'name' (pos 1)").raw }
    var level = 0
    if !vals[4].isNull { guard let l = indexValueOrRaise(vals[4]) else { return 0 }; level = l }
    return importModuleLevel(vals[0], globals: vals[1].isNull ? pyNone : vals[1],
                             fromlist: vals[3].isNull ? pyNone : vals[3], level: level).raw
}

/// `import NAME` from Swift (CPython: PyImport_Import / PyImport_ImportModule): the module, a new reference.
func importModule(_ name: PyValue) -> PyValue {
    let top = importModuleLevel(name, globals: .null, fromlist: .null, level: 0)
    if top.isNull || !strSwift(name).contains(".") { return top }
    decref(top)
    let leaf = dictGetItemStr(sysModules, name)
    if leaf.isNull {
        setException(newException(keyErrorType, args: newTuple([newRef(name)])))
        return .null
    }
    return newRef(leaf)
}

/// CPython: PyImport_ImportModuleLevelObject. Returns a new reference, or NULL with an exception.
func importModuleLevel(_ nameValue: PyValue, globals: PyValue, fromlist: PyValue, level: Int) -> PyValue {
    guard isInstance(nameValue, strType) else { return raise(typeErrorType, "module name must be a string") }
    if level < 0 { return raise(valueErrorType, "level must be >= 0") }
    // Fast path: an undotted absolute name already in sys.modules, with no from-list or for a module that is not a
    // package (what the general path below returns then, without building Swift strings).
    if level == 0 && nameValue.type == strType && !strBuffer(nameValue).contains(0x2E) {
        let m = dictGetItem(sysModules, nameValue)
        if m.isNull && !curExc.isNull { return .null }
        if !m.isNull && m != pyNone {
            if fromlist.isNull || fromlist == pyNone || (fromlist.type == tupleType && tupleCount(fromlist) == 0) {
                return newRef(m)
            }
            if m.type == moduleType {
                if pathName.isNull { pathName = internStr("__path__") }
                if dictGetItemStr(m.payload(ModuleObject.self).pointee.dict, pathName).isNull { return newRef(m) }
            }
        }
    }
    let name = strSwift(nameValue)
    let absName: String
    if level > 0 {
        guard let r = resolveName(name, globals: globals, level: level) else { return .null }
        absName = r
    } else {
        if name.isEmpty { return raise(valueErrorType, "Empty module name") }
        absName = name
    }
    let mod = findAndLoad(absName)
    if mod.isNull { return .null }
    var hasFrom = false
    if !fromlist.isNull && fromlist != pyNone {
        let t = isTrue(fromlist)
        if t < 0 { decref(mod); return .null }
        hasFrom = t != 0
    }
    if !hasFrom {
        if level == 0 || !name.isEmpty {
            guard let dot = name.firstIndex(of: ".") else { return mod }
            if level == 0 {
                decref(mod)
                let front = newStr(String(name[..<dot]))
                defer { decref(front) }
                return importModuleLevel(front, globals: .null, fromlist: .null, level: 0)
            }
            let cutOff = name.distance(from: dot, to: name.endIndex)
            let toReturn = String(absName.prefix(absName.count - cutOff))
            decref(mod)
            let m = dictGetItemStr(sysModules, internStr(toReturn))
            if m.isNull {
                setException(newException(keyErrorType, args: newTuple([newStr("\(strRepr(toReturn)) not in sys.modules as expected")])))
                return .null
            }
            return newRef(m)
        }
        return mod
    }
    let path = lookupAttrOptional(mod, internStr("__path__"))
    if path.isNull {
        if !curExc.isNull { decref(mod); return .null }
        return mod
    }
    decref(path)
    let r = handleFromlist(mod, fromlist, recursive: false)
    decref(mod)
    return r
}

/// CPython: resolve_name (import.c) — the absolute name of a relative import from `globals`' package.
func resolveName(_ name: String, globals: PyValue, level: Int) -> String? {
    if globals.isNull || globals == pyNone {
        setException(newException(keyErrorType, args: newTuple([newStr("'__name__' not in globals")])))
        return nil
    }
    guard globals.type == dictType || isInstance(globals, dictType) else {
        raise(typeErrorType, "globals must be a dict")
        return nil
    }
    var package = dictGetItemStr(globals, internStr("__package__"))
    if package == pyNone { package = .null }
    let spec = dictGetItemStr(globals, internStr("__spec__"))
    var packageName: String
    if !package.isNull {
        guard isInstance(package, strType) else { raise(typeErrorType, "package must be a string"); return nil }
        packageName = strSwift(package)
    } else if !spec.isNull && spec != pyNone {
        let parent = getAttr(spec, internStr("parent"))
        if parent.isNull { return nil }
        defer { decref(parent) }
        guard isInstance(parent, strType) else { raise(typeErrorType, "__spec__.parent must be a string"); return nil }
        packageName = strSwift(parent)
    } else {
        // (CPython also issues an ImportWarning here, ignored by the default filters.)
        let n = dictGetItemStr(globals, internStr("__name__"))
        if n.isNull {
            setException(newException(keyErrorType, args: newTuple([newStr("'__name__' not in globals")])))
            return nil
        }
        guard isInstance(n, strType) else { raise(typeErrorType, "__name__ must be a string"); return nil }
        packageName = strSwift(n)
        if dictGetItemStr(globals, internStr("__path__")).isNull {
            packageName = packageName.lastIndex(of: ".").map { String(packageName[..<$0]) } ?? ""
        }
    }
    if packageName.isEmpty {
        raiseImportError(importErrorType, "attempted relative import with no known parent package", name: nil)
        return nil
    }
    var base = Substring(packageName)
    for _ in 1..<max(level, 1) {
        guard let dot = base.lastIndex(of: ".") else {
            raiseImportError(importErrorType, "attempted relative import beyond top-level package", name: nil)
            return nil
        }
        base = base[..<dot]
    }
    return name.isEmpty ? String(base) : base + "." + name
}

/// importlib `_find_and_load`: sys.modules first (a None entry stops the import), else find and load.
func findAndLoad(_ name: String) -> PyValue {
    let key = internStr(name)
    let existing = dictGetItemStr(sysModules, key)
    if !existing.isNull {
        if existing == pyNone {
            return raiseImportError(moduleNotFoundErrorType(), "import of \(name) halted; None in sys.modules", name: name)
        }
        return newRef(existing)
    }
    return findAndLoadUnlocked(name)
}

/// importlib `_find_and_load_unlocked`.
func findAndLoadUnlocked(_ name: String) -> PyValue {
    var searchPath = PyValue.null
    var parentName = ""
    var child = name
    if let dot = name.lastIndex(of: ".") {
        parentName = String(name[..<dot])
        child = String(name[name.index(after: dot)...])
        if dictGetItemStr(sysModules, internStr(parentName)).isNull {
            let parent = findAndLoad(parentName)
            if parent.isNull { return .null }
            decref(parent)
        }
        // Importing the parent may have imported this module.
        let again = dictGetItemStr(sysModules, internStr(name))
        if !again.isNull { return newRef(again) }
        let parentModule = dictGetItemStr(sysModules, internStr(parentName))
        if parentModule.isNull {
            setException(newException(keyErrorType, args: newTuple([newStr(parentName)])))
            return .null
        }
        searchPath = lookupAttrOptional(parentModule, internStr("__path__"))
        if searchPath.isNull {
            if !curExc.isNull { return .null }
            return raiseImportError(moduleNotFoundErrorType(),
                                    "No module named \(strRepr(name)); \(strRepr(parentName)) is not a package", name: name)
        }
    }
    let spec = findSpec(name, path: searchPath)
    xdecref(searchPath)
    guard let spec = spec else {
        if !curExc.isNull { return .null }
        return raiseImportError(moduleNotFoundErrorType(), "No module named \(strRepr(name))", name: name)
    }
    if !parentName.isEmpty { uninitializedSubmodules[parentName, default: []].append(child) }
    let module = loadSpec(spec)
    if !parentName.isEmpty { uninitializedSubmodules[parentName]?.removeLast() }
    if module.isNull { return .null }
    if !parentName.isEmpty {
        let parentModule = dictGetItemStr(sysModules, internStr(parentName))
        if !parentModule.isNull {
            if setAttr(parentModule, internStr(child), module) < 0 { decref(fetchException()) }
        }
    }
    return module
}

// MARK: finding

/// What a finder found (CPython: ModuleSpec, reduced to what Kaa's loaders need).
struct FoundModule {
    enum Kind { case builtin, source, sourceless, namespace }
    var name: String
    var kind: Kind
    /// The file (`spec.origin`) for source and sourceless modules.
    var origin: String?
    /// `submodule_search_locations`: set for packages.
    var searchLocations: [String]?
    var isPackage: Bool { searchLocations != nil }
    /// `spec.parent`
    var parent: String {
        if isPackage { return name }
        return name.lastIndex(of: ".").map { String(name[..<$0]) } ?? ""
    }
}

/// importlib `_find_spec` over the meta path: built-in modules, then PathFinder over `path` (a list, or NULL for
/// sys.path). nil and no exception: not found.
func findSpec(_ name: String, path: PyValue) -> FoundModule? {
    if path.isNull && (builtinModuleMakers[name] != nil || name == "sys" || name == "builtins") {
        return FoundModule(name: name, kind: .builtin)
    }
    let entriesValue = path.isNull ? sysAttribute("path") : path
    if entriesValue.isNull {
        raise(importErrorType, "sys.path must be a list of directory names")
        return nil
    }
    guard let entries = collectIterable(entriesValue) else { return nil }
    defer { for e in entries { decref(e) } }
    let tail = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? name
    var namespacePortions: [String] = []
    for entry in entries {
        // PathFinder skips entries that are not str (bytes entries are skipped by Kaa too).
        guard isInstance(entry, strType) else { continue }
        var directory = strSwift(entry)
        // FileFinder: '' and '.' are the current folder; relative entries are joined to it.
        if directory.isEmpty || directory == "." {
            directory = ImportPath.currentDirectory()
        } else if !ImportPath.isAbsolute(directory) {
            directory = ImportPath.join(ImportPath.currentDirectory(), directory)
        }
        guard ImportPath.isDirectory(directory) else { continue }
        let basePath = ImportPath.join(directory, tail)
        var isNamespace = false
        if ImportPath.isDirectory(basePath) {
            for (suffix, kind) in [(".py", FoundModule.Kind.source), (".pyc", .sourceless)] {
                let initPath = ImportPath.join(basePath, "__init__" + suffix)
                if ImportPath.isFile(initPath) {
                    return FoundModule(name: name, kind: kind, origin: initPath, searchLocations: [basePath])
                }
            }
            isNamespace = true
        }
        for (suffix, kind) in [(".py", FoundModule.Kind.source), (".pyc", .sourceless)] {
            let full = ImportPath.join(directory, tail + suffix)
            if ImportPath.isFile(full) { return FoundModule(name: name, kind: kind, origin: full) }
        }
        if isNamespace { namespacePortions.append(basePath) }
    }
    if !namespacePortions.isEmpty {
        return FoundModule(name: name, kind: .namespace, searchLocations: namespacePortions)
    }
    return nil
}

// MARK: loading

/// A module object as importlib's `module_from_spec` + `_init_module_attrs` makes it (dict order included).
func newModuleForSpec(_ spec: FoundModule) -> PyValue {
    let m = newModule(spec.name)
    let d = m.payload(ModuleObject.self).pointee.dict
    func set(_ k: String, _ v: PyValue) { _ = dictSetItem(d, internStr(k), v); decref(v) }
    set("__doc__", newRef(pyNone))
    set("__package__", newStr(spec.parent))
    set("__loader__", newRef(pyNone))
    set("__spec__", newRef(pyNone))
    if spec.kind == .namespace {
        set("__file__", newRef(pyNone))
        set("__path__", newList((spec.searchLocations ?? []).map { newStr($0) }))
        return m
    }
    if let locations = spec.searchLocations {
        set("__path__", newList(locations.map { newStr($0) }))
    }
    if let origin = spec.origin {
        set("__file__", newStr(origin))
        if spec.kind == .sourceless {
            set("__cached__", newStr(origin))
        } else {
            let cached = ImportCache.cacheFromSource(origin, prefix: currentPycachePrefix())
            set("__cached__", newStr(cached))
        }
    }
    return m
}

/// importlib `_load_unlocked`: creates the module, puts it in sys.modules, runs its code; on failure removes it.
/// Returns sys.modules' entry afterwards (the module may have replaced itself there).
func loadSpec(_ spec: FoundModule) -> PyValue {
    let key = internStr(spec.name)
    if spec.kind == .builtin {
        let m: PyValue
        if spec.name == "sys" {
            m = newRef(sysModuleObject)
        } else if spec.name == "builtins" {
            m = newRef(builtinsModuleObject)
        } else if let make = builtinModuleMakers[spec.name] {
            m = make()
            if m.isNull { return .null }
        } else {
            return raiseImportError(moduleNotFoundErrorType(), "No module named \(strRepr(spec.name))", name: spec.name)
        }
        _ = dictSetItem(sysModules, key, m)
        return m
    }
    let module = newModuleForSpec(spec)
    if spec.kind == .namespace {
        _ = dictSetItem(sysModules, key, module)
        return module
    }
    guard let code = moduleCode(spec) else { decref(module); return .null }
    _ = dictSetItem(sysModules, key, module)
    let dict = module.payload(ModuleObject.self).pointee.dict
    // builtins.exec: `__builtins__` is the builtins dict in imported modules.
    if dictGetItemStr(dict, internStr("__builtins__")).isNull {
        _ = dictSetItem(dict, internStr("__builtins__"), builtinsDict)
    }
    initializingModules.insert(module.raw)
    let result = runCode(code, globals: dict, builtins: builtinsDict, locals: dict)
    initializingModules.remove(module.raw)
    if result.isNull {
        // The failed module leaves sys.modules (if it is still there).
        let saved = fetchException()
        if !dictGetItemStr(sysModules, key).isNull { _ = dictDelItem(sysModules, key) }
        if !curExc.isNull { decref(fetchException()) }
        curExc = saved
        decref(module)
        return .null
    }
    decref(result)
    decref(module)
    // `module = sys.modules.pop(spec.name); sys.modules[spec.name] = module`
    let final = dictGetItemStr(sysModules, key)
    if final.isNull {
        setException(newException(keyErrorType, args: newTuple([newStr(spec.name)])))
        return .null
    }
    incref(final)
    _ = dictDelItem(sysModules, key)
    _ = dictSetItem(sysModules, key, final)
    return final
}

/// `sys.pycache_prefix` as the program left it (a str), else none.
func currentPycachePrefix() -> String? {
    let v = sysAttribute("pycache_prefix")
    if v.isNull || !isInstance(v, strType) { return nil }
    return strSwift(v)
}

/// The code object of a source or sourceless module: from the cache when it is valid, else compiled (and the
/// cache written). CPython: SourceLoader.get_code, SourcelessFileLoader.get_code.
func moduleCode(_ spec: FoundModule) -> PyValue? {
    guard let origin = spec.origin else { return nil }
    if spec.kind == .sourceless {
        guard let data = ImportPath.readFile(origin) else {
            raiseImportError(importErrorType, "cannot read \(strRepr(origin))", name: spec.name, path: origin)
            return nil
        }
        do {
            let pyc = try PycFile.read(data, name: spec.name)
            if let problem = validateCode(pyc.code) {
                raiseImportError(importErrorType, "invalid code object in \(strRepr(origin)): \(problem)", name: spec.name, path: origin)
                return nil
            }
            return newCode(pyc.code)
        } catch let e as BytecodeError {
            // importlib: _classify_pyc's ImportError (with name and path), EOFError, or marshal's own errors.
            if e.pythonClass == "ImportError" {
                raiseImportError(importErrorType, e.message, name: spec.name, path: origin)
            } else {
                raise(exceptionTypeNamed(e.pythonClass, or: valueErrorType), e.message)
            }
            return nil
        } catch {
            raiseImportError(importErrorType, "bad marshal data in \(strRepr(origin))", name: spec.name, path: origin)
            return nil
        }
    }
    let bytecodePath = ImportCache.cacheFromSource(origin, prefix: currentPycachePrefix())
    let found = ImportCache.lookup(sourcePath: origin, bytecodePath: bytecodePath)
    if let code = found.code { return newCode(code) }
    guard let source = found.sourceBytes ?? ImportPath.readFile(origin) else {
        raiseImportError(importErrorType, "could not read \(strRepr(origin))", name: spec.name, path: origin)
        return nil
    }
    guard let code = compileModuleSource(source, path: origin) else { return nil }
    let dontWrite = sysAttribute("dont_write_bytecode")
    var writing = !ImportCache.dontWriteBytecode
    if !dontWrite.isNull {
        let t = isTrue(dontWrite)
        if t < 0 { return nil }
        writing = t == 0
    }
    if writing && found.sourceMtime != nil, let data = ImportCache.cacheBytes(for: code, lookup: found, source: source) {
        ImportCache.write(data, to: bytecodePath, sourcePath: origin)
    }
    return newCode(code)
}

/// SourceLoader.source_to_code: `compile(source, path, 'exec', dont_inherit=True)` at the interpreter's
/// optimisation level, keeping the compiler's code object (it is marshalled into the cache). NULL-style: nil with
/// the SyntaxError (or MemoryError, RecursionError) set, as Compile.swift's compileSource raises them.
func compileModuleSource(_ source: [UInt8], path: String) -> CodeObject? {
    compileToCodeObject(source, filename: path, mode: .exec, inputMode: .file)
}

func exceptionTypeNamed(_ name: String, or fallback: TypePtr? = nil) -> TypePtr {
    for (n, t) in exceptionTypes where n == name { return t }
    return fallback ?? importErrorType
}

// MARK: from-imports

/// importlib `_handle_fromlist`: imports the submodules named in `fromlist` that are not attributes yet.
func handleFromlist(_ module: PyValue, _ fromlist: PyValue, recursive: Bool) -> PyValue {
    guard let items = collectIterable(fromlist) else { return .null }
    defer { for x in items { decref(x) } }
    for x in items {
        guard isInstance(x, strType) else {
            let where_: String
            if recursive {
                let n = getAttr(module, internStr("__name__"))
                if n.isNull { return .null }
                where_ = strSwift(n) + ".__all__"
                decref(n)
            } else {
                where_ = "``from list''"
            }
            return raise(typeErrorType, "Item in \(where_) must be str, not \(typeName(x))")
        }
        let s = strSwift(x)
        if s == "*" {
            if !recursive {
                let all = lookupAttrOptional(module, internStr("__all__"))
                if all.isNull {
                    if !curExc.isNull { return .null }
                    continue
                }
                let r = handleFromlist(module, all, recursive: true)
                decref(all)
                if r.isNull { return .null }
                decref(r)
            }
            continue
        }
        let has = lookupAttrOptional(module, x)
        if !has.isNull { decref(has); continue }
        if !curExc.isNull { return .null }
        let n = getAttr(module, internStr("__name__"))
        if n.isNull { return .null }
        let fromName = strSwift(n) + "." + s
        decref(n)
        let sub = findAndLoad(fromName)
        if sub.isNull {
            // A missing submodule named in the from-list is not an error here (IMPORT_FROM reports it).
            if isInstance(curExc, moduleNotFoundErrorType()) {
                let exc = curExc
                let ename = exc.payload(ExceptionObject.self).pointee.dict.isNull ? PyValue.null
                    : dictGetItemStr(exc.payload(ExceptionObject.self).pointee.dict, internStr("name"))
                if !ename.isNull && isInstance(ename, strType) && strSwift(ename) == fromName
                    && dictGetItemStr(sysModules, internStr(fromName)) != pyNone {
                    decref(fetchException())
                    continue
                }
            }
            return .null
        }
        decref(sub)
    }
    return newRef(module)
}

/// IMPORT_FROM (CPython: import_from): the attribute, else the submodule from sys.modules, else ImportError.
func importFrom(_ module: PyValue, _ name: PyValue) -> PyValue {
    let x = lookupAttrOptional(module, name)
    if !x.isNull || !curExc.isNull { return x }
    let pkgname = lookupAttrOptional(module, internStr("__name__"))
    if !curExc.isNull { return .null }
    var pkgnameString: String? = nil
    if !pkgname.isNull && isInstance(pkgname, strType) {
        pkgnameString = strSwift(pkgname)
        let sub = dictGetItemStr(sysModules, internStr(pkgnameString! + "." + strSwift(name)))
        if !sub.isNull { decref(pkgname); return newRef(sub) }
    }
    xdecref(pkgname)
    let shown = pkgnameString ?? "<unknown module name>"
    var path: String? = nil
    if module.type == moduleType {
        let f = dictGetItemStr(module.payload(ModuleObject.self).pointee.dict, internStr("__file__"))
        if !f.isNull && isInstance(f, strType) { path = strSwift(f) }
    }
    guard let p = path else {
        return raiseImportError(importErrorType,
                                "cannot import name \(strRepr(strSwift(name))) from \(strRepr(shown)) (unknown location)",
                                name: pkgnameString)
    }
    if initializingModules.contains(module.raw) {
        return raiseImportError(importErrorType,
                                "cannot import name \(strRepr(strSwift(name))) from partially initialized module \(strRepr(shown)) (most likely due to a circular import) (\(p))",
                                name: pkgnameString, path: p)
    }
    return raiseImportError(importErrorType, "cannot import name \(strRepr(strSwift(name))) from \(strRepr(shown)) (\(p))",
                            name: pkgnameString, path: p)
}

/// IMPORT_STAR (CPython: import_all_from): `__all__`, else the public names of the module's `__dict__`.
func importStar(_ locals: PyValue, _ module: PyValue) -> Bool {
    var all = lookupAttrOptional(module, internStr("__all__"))
    var skipUnderscores = false
    var source = "__all__"
    if all.isNull {
        if !curExc.isNull { return false }
        let d = lookupAttrOptional(module, internStr("__dict__"))
        if d.isNull {
            if curExc.isNull {
                raise(importErrorType, "from-import-* object has no __dict__ and no __all__")
            }
            return false
        }
        guard d.type == dictType else {
            decref(d)
            raise(importErrorType, "from-import-* object has no __dict__ and no __all__")
            return false
        }
        var keys: [PyValue] = []
        var pos = 0
        while let e = dictNext(d, &pos) { keys.append(newRef(e.key)) }
        decref(d)
        all = newList(keys)
        skipUnderscores = true
        source = "__dict__"
    }
    defer { decref(all) }
    guard let names = collectIterable(all) else { return false }
    defer { for x in names { decref(x) } }
    for name in names {
        guard isInstance(name, strType) else {
            let modname = lookupAttrOptional(module, internStr("__name__"))
            let shown = !modname.isNull && isInstance(modname, strType) ? strSwift(modname) : "?"
            xdecref(modname)
            if !curExc.isNull { decref(fetchException()) }
            let what = skipUnderscores ? "Key in \(shown).\(source)" : "Item in \(shown).\(source)"
            raise(typeErrorType, "\(what) must be str, not \(typeName(name))")
            return false
        }
        if skipUnderscores && strSwift(name).hasPrefix("_") { continue }
        let value = getAttr(module, name)
        if value.isNull { return false }
        let r = locals.type == dictType ? dictSetItem(locals, name, value) : setItem(locals, name, value)
        decref(value)
        if r < 0 { return false }
    }
    return true
}

// MARK: module objects

/// module_getattro's fallback when the attribute is missing: the module's `__getattr__` (PEP 562), else
/// AttributeError, naming a module whose code is still running as partially initialized.
func moduleMissingAttribute(_ m: PyValue, _ name: PyValue) -> PyValue {
    let d = m.payload(ModuleObject.self).pointee.dict
    let hook = dictGetItemStr(d, internStr("__getattr__"))
    if !hook.isNull { return callObject(hook, [name]) }
    let modName = dictGetItemStr(d, internStr("__name__"))
    if !modName.isNull && isInstance(modName, strType) {
        if initializingModules.contains(m.raw) {
            return raise(attributeErrorType, "partially initialized module '\(strSwift(modName))' has no attribute '\(strSwift(name))' (most likely due to a circular import)")
        }
        if uninitializedSubmodules[strSwift(modName)]?.contains(strSwift(name)) == true {
            return raise(attributeErrorType, "cannot access submodule '\(strSwift(name))' of module '\(strSwift(modName))' (most likely due to a circular import)")
        }
        return raise(attributeErrorType, "module '\(strSwift(modName))' has no attribute '\(strSwift(name))'")
    }
    return raise(attributeErrorType, "module has no attribute '\(strSwift(name))'")
}

/// repr(module) (CPython: _module_repr): `from FILE` for modules from files, `(built-in)` for built-in ones,
/// `(namespace)` for namespace packages (CPython shows the NamespaceLoader object there).
func moduleRepr(_ w: Word) -> Word {
    let m = PyValue(raw: w)
    let d = m.payload(ModuleObject.self).pointee.dict
    let n = dictGetItemStr(d, internStr("__name__"))
    let name = !n.isNull && isInstance(n, strType) ? strRepr(strSwift(n)) : "'?'"
    let file = dictGetItemStr(d, internStr("__file__"))
    if !file.isNull && isInstance(file, strType) {
        return newStr("<module \(name) from \(strRepr(strSwift(file)))>").raw
    }
    if !n.isNull && isInstance(n, strType) {
        let s = strSwift(n)
        if builtinModuleMakers[s] != nil || s == "sys" || s == "builtins" {
            return newStr("<module \(name) (built-in)>").raw
        }
    }
    if !dictGetItemStr(d, internStr("__path__")).isNull && file == pyNone {
        return newStr("<module \(name) (namespace)>").raw
    }
    return newStr("<module \(name)>").raw
}
