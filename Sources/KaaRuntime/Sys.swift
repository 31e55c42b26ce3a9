#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `sys` module beyond the import system's attributes (Import.swift): version and version_info, implementation,
/// flags, the numeric info records, displayhook/excepthook, exit, exc_info/exception, recursion limit, intern.
/// (CPython: Python/sysmodule.c)

/// What the command line and the environment decided, as `sys.flags` shows it (the kaa command fills it in before
/// the program runs; `optimize` is `optimizationLevel`). (CPython: PyConfig → sys.flags)
public struct InterpreterFlags: Sendable {
    public var debug = 0
    public var inspect = 0
    public var interactive = 0
    public var dontWriteBytecode = 0
    public var noUserSite = 0
    public var noSite = 0
    public var ignoreEnvironment = 0
    public var verbose = 0
    public var bytesWarning = 0
    public var quiet = 0
    public var hashRandomization = 1
    public var isolated = 0
    public var devMode = false
    public var utf8Mode = 0
    public var warnDefaultEncoding = 0
    public var safePath = false
    public var intMaxStrDigits = -1
    /// sys.warnoptions: the warning filters from -X dev, PYTHONWARNINGS, -W and -b, in CPython's order.
    public var warnOptions: [String] = []
    /// The -X options, as given ("name" or "name=value").
    public var xOptions: [String] = []
    public init() {}
}

nonisolated(unsafe) public var interpreterFlags = InterpreterFlags()

/// Kaa's version, as sys.implementation.version: (major, minor, micro, releaselevel, serial).
let kaaVersionInfo = (0, 1, 0, "alpha", 0)

nonisolated(unsafe) var versionInfoType: TypePtr! = nil
nonisolated(unsafe) var flagsType: TypePtr! = nil
nonisolated(unsafe) var floatInfoType: TypePtr! = nil
nonisolated(unsafe) var intInfoType: TypePtr! = nil
nonisolated(unsafe) var hashInfoType: TypePtr! = nil
nonisolated(unsafe) var threadInfoType: TypePtr! = nil
nonisolated(unsafe) var namespaceType: TypePtr! = nil

/// The types sys's records need, made once at bootstrap.
func installSysTypes() {
    versionInfoType = newStructSeqType("sys.version_info", fields: ["major", "minor", "micro", "releaselevel", "serial"])
    flagsType = newStructSeqType("sys.flags", fields: [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
        "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
        "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"])
    floatInfoType = newStructSeqType("sys.float_info", fields: [
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
        "rounds"])
    intInfoType = newStructSeqType("sys.int_info", fields: [
        "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"])
    hashInfoType = newStructSeqType("sys.hash_info", fields: [
        "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"])
    threadInfoType = newStructSeqType("sys.thread_info", fields: ["name", "lock", "version"])
    installNamespaceType()
    installStreamMethods()
    installCodeAttributes()
    installCodeMethods()
}

/// Adds what this file defines to a new sys module.
func addSysAttributes(to m: PyValue) {
    moduleAdd(m, "version", newStr("3.11.7 (main) [Kaa 0.1.0, Swift]"))
    moduleAdd(m, "version_info", newStructSeq(versionInfoType, [.small(3), .small(11), .small(7), newStr("final"),
                                                                 .small(0)]))
    moduleAdd(m, "hexversion", makeInt(0x030B07F0))
    moduleAdd(m, "api_version", makeInt(1013))
    let (major, minor, micro, level, serial) = kaaVersionInfo
    let implementation = newNamespace([
        ("name", newStr("kaa")), ("cache_tag", newStr(ImportCache.cacheTag)),
        ("version", newStructSeq(versionInfoType, [makeInt(major), makeInt(minor), makeInt(micro), newStr(level),
                                                   makeInt(serial)])),
        ("hexversion", makeInt(major << 24 | minor << 16 | micro << 8 | 0xA << 4 | serial)),
        ("_multiarch", newStr("x86_64-linux-gnu")),
    ])
    moduleAdd(m, "implementation", implementation)
    moduleAdd(m, "platform", newStr("linux"))
    moduleAdd(m, "byteorder", newStr("little"))
    moduleAdd(m, "maxsize", makeInt(Int.max))
    moduleAdd(m, "maxunicode", makeInt(0x10FFFF))
    moduleAdd(m, "float_repr_style", newStr("short"))
    moduleAdd(m, "abiflags", newStr(""))
    moduleAdd(m, "executable", newStr(executablePath()))
    moduleAdd(m, "__doc__", newStr(sysDoc))
    moduleAdd(m, "orig_argv", newList(CommandLine.arguments.map { newStr($0) }))
    moduleAdd(m, "platlibdir", newStr("lib"))
    moduleAdd(m, "copyright", newStr(kaaCopyright))
    moduleAdd(m, "thread_info", newStructSeq(threadInfoType, [newStr("pthread"), newStr("semaphore"), pthreadVersion()]))
    moduleAdd(m, "warnoptions", newList(interpreterFlags.warnOptions.map { newStr($0) }))
    // CPython: _PyConfig_CreateXOptionsDict — "-X name=value" maps name to value, "-X name" to True.
    let xoptions = newDict()
    for x in interpreterFlags.xOptions {
        let parts = x.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let value = parts.count == 2 ? newStr(String(parts[1])) : newRef(pyTrue)
        _ = dictSetItem(xoptions, internStr(String(parts[0])), value)
        decref(value)
    }
    moduleAdd(m, "_xoptions", xoptions)
    let f = interpreterFlags
    moduleAdd(m, "flags", newStructSeq(flagsType, [
        makeInt(f.debug), makeInt(f.inspect), makeInt(f.interactive), makeInt(optimizationLevel),
        makeInt(f.dontWriteBytecode), makeInt(f.noUserSite), makeInt(f.noSite), makeInt(f.ignoreEnvironment),
        makeInt(f.verbose), makeInt(f.bytesWarning), makeInt(f.quiet), makeInt(f.hashRandomization),
        makeInt(f.isolated), newRef(makeBool(f.devMode)), makeInt(f.utf8Mode), makeInt(f.warnDefaultEncoding),
        newRef(makeBool(f.safePath)), makeInt(f.intMaxStrDigits)]))
    moduleAdd(m, "float_info", newStructSeq(floatInfoType, [
        newFloat(Double.greatestFiniteMagnitude), makeInt(1024), makeInt(308), newFloat(Double.leastNormalMagnitude),
        makeInt(-1021), makeInt(-307), makeInt(15), makeInt(53), newFloat(Double.ulpOfOne), makeInt(2), makeInt(1)]))
    moduleAdd(m, "int_info", newStructSeq(intInfoType, [makeInt(30), makeInt(4), makeInt(4300), makeInt(640)]))
    moduleAdd(m, "hash_info", newStructSeq(hashInfoType, [
        makeInt(64), makeInt((1 << 61) - 1), makeInt(314159), makeInt(0), makeInt(1000003), newStr("siphash13"),
        makeInt(64), makeInt(128), makeInt(0)]))
    addSysMemoryFunctions(to: m)
    for (name, fn) in sysFunctions {
        let f = newBuiltin(name, fn)
        if name == "displayhook" || name == "excepthook" { moduleAdd(m, "__\(name)__", newRef(f)) }
        moduleAdd(m, name, f)
    }
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let stream = standardStream(fd)
        moduleAdd(m, "__\(name)__", newRef(stream))
        moduleAdd(m, name, stream)
    }
}

/// The threads library's version, "NPTL 2.36" (CPython: PyThread_GetInfo with confstr), or None.
func pthreadVersion() -> PyValue {
    #if canImport(Glibc)
    var buf = [CChar](repeating: 0, count: 128)
    let n = confstr(Int32(_CS_GNU_LIBPTHREAD_VERSION), &buf, buf.count)
    if n > 1 && n <= buf.count { return newStr(String(decoding: buf[0..<(n - 1)].map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
    #endif
    return newRef(pyNone)
}

/// The path of the running kaa executable (CPython: sys.executable from config->executable).
func executablePath() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    if n <= 0 { return "" }
    return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// sys.NAME as the program left it (borrowed), NULL if there is no sys module or no such attribute.
func sysValue(_ name: String) -> PyValue { sysAttribute(name) }

// MARK: - functions

private let sysFunctions: [(String, BuiltinFn)] = [
    ("displayhook", sysDisplayhook),
    ("excepthook", sysExcepthook),
    ("exit", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("exit"), a.count("exit", 0, 1) else { return 0 }
        // CPython: PyErr_SetObject(SystemExit, status) — None means no arguments, a tuple is the arguments.
        let status = n == 0 ? pyNone : a[0]
        let args = status == pyNone ? newTuple([]) : status.type == tupleType ? newRef(status) : newTuple([newRef(status)])
        setException(newException(systemExitType, args: args))
        return 0
    }),
    ("getrecursionlimit", { _, _, n, kw in
        guard noArgs("sys.getrecursionlimit", n, kw) else { return 0 }
        return makeInt(recursionLimit).raw
    }),
    ("setrecursionlimit", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("setrecursionlimit"), a.count("sys.setrecursionlimit", 1, 1) else { return 0 }
        guard let v = indexValueOrRaise(a[0]) else { return 0 }
        if v < 1 { return raise(valueErrorType, "recursion limit must be greater or equal than 1").raw }
        // CPython: sys_setrecursionlimit_impl — the new limit must leave room for the frames already running.
        if v <= recursionDepth {
            return raise(recursionErrorType, "cannot set the recursion limit to \(v) at the recursion depth "
                         + "\(recursionDepth): the limit is too low").raw
        }
        recursionLimit = v
        return newRef(pyNone).raw
    }),
    ("_getframe", { _, p, n, kw in sysGetFrame(p, n, kw) }),
    ("exc_info", { _, _, n, kw in
        guard noArgs("sys.exc_info", n, kw) else { return 0 }
        let e = topmostHandledExc()
        if e.isNull || e == pyNone { return newTuple([newRef(pyNone), newRef(pyNone), newRef(pyNone)]).raw }
        return newTuple([newRef(e.type.asValue), newRef(e), exceptionTraceback(e)]).raw
    }),
    ("exception", { _, _, n, kw in
        guard noArgs("sys.exception", n, kw) else { return 0 }
        let e = topmostHandledExc()
        return newRef(e.isNull ? pyNone : e).raw
    }),
    ("intern", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("intern"), a.count("sys.intern", 1, 1) else { return 0 }
        guard a[0].type == strType else {
            return raise(typeErrorType, "intern() argument must be str, not \(typeName(a[0]))").raw
        }
        return newRef(internStr(strSwift(a[0]))).raw
    }),
    ("getdefaultencoding", { _, _, n, kw in noArgs("sys.getdefaultencoding", n, kw) ? newStr("utf-8").raw : 0 }),
    ("getfilesystemencoding", { _, _, n, kw in noArgs("sys.getfilesystemencoding", n, kw) ? newStr("utf-8").raw : 0 }),
    ("getfilesystemencodeerrors", { _, _, n, kw in
        noArgs("sys.getfilesystemencodeerrors", n, kw) ? newStr("surrogateescape").raw : 0
    }),
    ("getswitchinterval", { _, _, n, kw in noArgs("sys.getswitchinterval", n, kw) ? newFloat(switchInterval).raw : 0 }),
    ("setswitchinterval", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("setswitchinterval"), a.count("sys.setswitchinterval", 1, 1) else { return 0 }
        let d: Double
        if isInstance(a[0], floatType) { d = floatValue(a[0]) } else {
            guard let i = indexValueOrRaise(a[0]) else { return 0 }
            d = Double(i)
        }
        if d <= 0 { return raise(valueErrorType, "switch interval must be strictly positive").raw }
        switchInterval = d
        return newRef(pyNone).raw
    }),
    // Tracing and profiling hooks are not run by Kaa's eval loop: clearing them is fine, installing one is not.
    ("settrace", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("settrace"), a.count("sys.settrace", 1, 1) else { return 0 }
        if a[0] != pyNone { return raise(notImplementedErrorType, "sys.settrace() is not supported yet").raw }
        return newRef(pyNone).raw
    }),
    ("setprofile", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("setprofile"), a.count("sys.setprofile", 1, 1) else { return 0 }
        if a[0] != pyNone { return raise(notImplementedErrorType, "sys.setprofile() is not supported yet").raw }
        return newRef(pyNone).raw
    }),
    ("call_tracing", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("call_tracing"), a.count("call_tracing", 2, 2) else { return 0 }
        guard a[1].type == tupleType else {
            return raise(typeErrorType, "call_tracing() argument 2 must be tuple, not \(typeName(a[1]))").raw
        }
        return callObject(a[0], (0..<tupleCount(a[1])).map { tupleItem(a[1], $0) }).raw
    }),
    // PEP 578 audit hooks: added hooks are called for every event raised with sys.audit() (Kaa raises no events of
    // its own yet).
    ("addaudithook", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.count("addaudithook", 1, 1) else { return 0 }
        auditHooks.append(newRef(a[0]))
        return newRef(pyNone).raw
    }),
    ("audit", { _, p, n, kw in
        let a = Args(p, n, kw)
        guard a.noKeywords("audit") else { return 0 }
        if n < 1 { return raise(typeErrorType, "audit() missing 1 required positional argument: 'event'").raw }
        // CPython: sys_audit — nothing is checked while no hook is installed.
        if auditHooks.isEmpty { return newRef(pyNone).raw }
        guard isInstance(a[0], strType) else {
            return raise(typeErrorType, "expected str for argument 'event', not \(typeName(a[0]))").raw
        }
        let args = newTuple((1..<n).map { newRef(a[$0]) })
        defer { decref(args) }
        for hook in auditHooks {
            let r = callObject(hook, [a[0], args])
            if r.isNull { return 0 }
            decref(r)
        }
        return newRef(pyNone).raw
    }),
    ("is_finalizing", { _, _, n, kw in noArgs("sys.is_finalizing", n, kw) ? newRef(pyFalse).raw : 0 }),
    ("gettrace", { _, _, n, kw in noArgs("sys.gettrace", n, kw) ? newRef(pyNone).raw : 0 }),
    ("getprofile", { _, _, n, kw in noArgs("sys.getprofile", n, kw) ? newRef(pyNone).raw : 0 }),
]

nonisolated(unsafe) var switchInterval = 0.005
nonisolated(unsafe) var auditHooks: [PyValue] = []

let sysDoc = """
This module provides access to some objects used or maintained by the
interpreter and to functions that interact strongly with the interpreter.
"""

let kaaCopyright = """
Kaa: a Python 3.11 implementation in Swift.
Python is Copyright (c) 2001-2023 Python Software Foundation. All Rights Reserved.
"""

/// Argument Clinic's METH_NOARGS check.
private func noArgs(_ name: String, _ n: Int, _ kw: Word) -> Bool {
    let given = n + Args(nil, n, kw).kwCount
    if given > 0 { raise(typeErrorType, "\(name)() takes no arguments (\(given) given)"); return false }
    return true
}

/// sys.displayhook(value): prints repr(value) to sys.stdout and keeps it in builtins._ (None is not shown).
/// (CPython: sys_displayhook)
private func sysDisplayhook(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("displayhook"), a.count("sys.displayhook", 1, 1) else { return 0 }
    let value = a[0]
    if value == pyNone { return newRef(pyNone).raw }
    let underscore = internStr("_")
    if dictSetItem(builtinsDict, underscore, pyNone) < 0 { return 0 }
    let out = sysValue("stdout")
    if out.isNull || out == pyNone { return raise(runtimeErrorType, "lost sys.stdout").raw }
    let r = objectRepr(value)
    if r.isNull { return 0 }
    let ok = writeToStream(out, r) && writeToStream(out, internStr("\n"))
    decref(r)
    if !ok { return 0 }
    if dictSetItem(builtinsDict, underscore, value) < 0 { return 0 }
    return newRef(pyNone).raw
}

/// sys.excepthook(type, value, traceback): prints the exception as an uncaught one. (CPython: sys_excepthook_impl)
private func sysExcepthook(_: Word, _ p: UnsafePointer<UInt>?, _ n: Int, _ kw: Word) -> Word {
    let a = Args(p, n, kw)
    guard a.noKeywords("excepthook"), a.count("excepthook", 3, 3) else { return 0 }
    let value = a[1]
    if !isInstance(value, baseExceptionType) {
        writeStderr("TypeError: print_exception(): Exception expected for value, \(typeName(value)) found\n")
        return newRef(pyNone).raw
    }
    var out = ""
    var seen = Set<UInt>()
    formatException(value, into: &out, seen: &seen)
    writeStderr(out)
    return newRef(pyNone).raw
}

/// Writes `s` (a str) with the stream's own write(); the standard streams' fast path skips the method call.
func writeToStream(_ stream: PyValue, _ s: PyValue) -> Bool {
    if stream.type == streamType {
        let fd = stream.payload(IterObject.self).pointee.index
        if fd == 1 { writeStdout(strSwift(s)); return true }
        if fd == 2 { writeStderr(strSwift(s)); return true }
    }
    let r = callMethod(stream, "write", [s])
    if r.isNull { return false }
    decref(r)
    return true
}

/// A user's sys.excepthook for an uncaught exception: true when it was called (whatever it did), false when the
/// default one is in place and the runtime prints the exception itself. (CPython: _PyErr_PrintEx)
func callUserExcepthook(_ exc: PyValue) -> Bool {
    let hook = sysValue("excepthook")
    let original = sysValue("__excepthook__")
    if hook.isNull || hook == original { return false }
    let r = callObject(hook, [exc.type.asValue, exc, pyNone])
    if r.isNull {
        // CPython prints the hook's own failure, then the original exception.
        let err = fetchException()
        var out = "Error in sys.excepthook:\n"
        var seen = Set<UInt>()
        formatException(err, into: &out, seen: &seen)
        out += "\nOriginal exception was:\n"
        seen = []
        formatException(exc, into: &out, seen: &seen)
        writeStderr(out)
        decref(err)
        return true
    }
    decref(r)
    return true
}

// MARK: - types.SimpleNamespace (sys.implementation)

/// A namespace with the given attributes, in order (CPython: _PyNamespace_New). Values are stolen.
func newNamespace(_ items: [(String, PyValue)]) -> PyValue {
    let p = allocObject(InstanceObject.self, namespaceType)
    p.pointee.dict = newDict()
    for (k, v) in items {
        _ = dictSetItem(p.pointee.dict, internStr(k), v)
        decref(v)
    }
    return PyValue(raw: UInt(bitPattern: p))
}

private func installNamespaceType() {
    namespaceType = newType("types.SimpleNamespace", base: objectType, basicSize: MemoryLayout<InstanceObject>.stride,
                            dealloc: { w in
                                if let slot = instanceDictSlot(PyValue(raw: w)) { xdecref(slot.pointee) }
                                freeObject(w)
                            }, flags: TypeFlag.baseType)
    namespaceType.pointee.dict = newDict()
    namespaceType.pointee.dictOffset = MemoryLayout<PyObject>.stride
    namespaceType.pointee.getattro = genericGetAttrSlot
    namespaceType.pointee.setattro = genericSetAttrSlot
    // `namespace(a=1, b='x')`, keys in insertion order. (CPython: namespace_repr)
    namespaceType.pointee.repr = { w in
        let d = PyValue(raw: w).payload(InstanceObject.self).pointee.dict
        var parts: [String] = []
        let keys = dictKeysList(d)
        for k in keys {
            let r = objectRepr(dictGetItemStr(d, k))
            if r.isNull { return 0 }
            parts.append(strSwift(k) + "=" + strSwift(r))
            decref(r)
        }
        return newStr("namespace(" + parts.joined(separator: ", ") + ")").raw
    }
}

/// The str keys of a dict, in order (borrowed).
private func dictKeysList(_ d: PyValue) -> [PyValue] {
    guard let items = collectIterable(d) else { decref(fetchException()); return [] }
    for k in items { decref(k) }
    return items.filter { $0.type == strType }
}
