import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaBytecode
import KaaCore

/// The runtime stage: Python objects and the evaluation loop that runs CPython 3.11 code objects.
/// Design: docs/OBJECT-MODEL.md. `Runtime.runPyc` is what `kaa FILE.pyc` calls.
public enum Runtime {
    nonisolated(unsafe) static var booted = false

    /// Creates the built-in types, singletons and the builtins module (once per process).
    static func bootstrap() {
        if booted { return }
        booted = true
        initDataStack()
        // type and object first; everything else derives from object.
        typeType = newType("type", base: nil, basicSize: MemoryLayout<TypeObject>.stride, dealloc: deallocNever,
                           flags: TypeFlag.baseType | TypeFlag.typeSubclass)
        typeType.pointee.header.type = typeType
        typeType.pointee.dictOffset = MemoryLayout<TypeObject>.offset(of: \TypeObject.dict)!
        objectType = newType("object", base: nil, basicSize: MemoryLayout<PyObject>.stride, flags: TypeFlag.baseType)
        objectType.pointee.header.type = typeType
        objectType.pointee.new = objectNew
        objectType.pointee.initFn = objectInit
        objectType.pointee.getattro = genericGetAttrSlot
        objectType.pointee.setattro = genericSetAttrSlot
        typeType.pointee.base = objectType
        setMRO(typeType, [typeType, objectType])
        typeType.pointee.call = typeCall
        typeType.pointee.getattro = typeGetAttro
        typeType.pointee.setattro = typeSetAttro
        typeType.pointee.repr = typeRepr

        func mk(_ name: String, _ size: Int, _ dealloc: DeallocFn = deallocPlain, flags: UInt = 0) -> TypePtr {
            newType(name, base: objectType, basicSize: size, dealloc: dealloc, flags: flags)
        }
        intType = mk("int", MemoryLayout<BigIntObject>.stride, bigIntDealloc, flags: TypeFlag.baseType | TypeFlag.longSubclass)
        boolType = newType("bool", base: intType, basicSize: MemoryLayout<BoolObject>.stride, dealloc: deallocNever)
        boolType.pointee.flags &= ~TypeFlag.baseType
        floatType = mk("float", MemoryLayout<FloatObject>.stride, floatDealloc, flags: TypeFlag.baseType)
        strType = mk("str", MemoryLayout<StrObject>.stride, strDealloc, flags: TypeFlag.baseType | TypeFlag.unicodeSubclass)
        tupleType = mk("tuple", MemoryLayout<TupleObject>.stride, tupleDealloc, flags: TypeFlag.baseType | TypeFlag.tupleSubclass)
        listType = mk("list", MemoryLayout<ListObject>.stride, listDealloc, flags: TypeFlag.baseType | TypeFlag.listSubclass)
        dictType = mk("dict", MemoryLayout<DictObject>.stride, dictDealloc, flags: TypeFlag.baseType | TypeFlag.dictSubclass)
        setType = mk("set", MemoryLayout<SetObject>.stride, setDealloc, flags: TypeFlag.baseType)
        frozenSetType = mk("frozenset", MemoryLayout<SetObject>.stride, setDealloc, flags: TypeFlag.baseType)
        bytesType = mk("bytes", MemoryLayout<BytesObject>.stride, bytesDealloc, flags: TypeFlag.baseType)
        noneType = mk("NoneType", MemoryLayout<PyObject>.stride, deallocNever)
        notImplementedType = mk("NotImplementedType", MemoryLayout<PyObject>.stride, deallocNever)
        ellipsisType = mk("ellipsis", MemoryLayout<PyObject>.stride, deallocNever)
        rangeType = mk("range", MemoryLayout<RangeObject>.stride)
        sliceType = mk("slice", MemoryLayout<SliceObject>.stride, sliceDealloc)
        functionType = mk("function", MemoryLayout<FunctionObject>.stride, functionDealloc)
        functionType.pointee.dictOffset = MemoryLayout<PyObject>.stride
        codeType = mk("code", MemoryLayout<CodeObj>.stride, deallocNever)
        cellType = mk("cell", MemoryLayout<CellObject>.stride, cellDealloc)
        methodType = mk("method", MemoryLayout<MethodObject>.stride, methodDealloc)
        builtinFunctionType = mk("builtin_function_or_method", MemoryLayout<BuiltinFunctionObject>.stride, builtinDealloc)
        methodDescriptorType = mk("method_descriptor", MemoryLayout<BuiltinFunctionObject>.stride, builtinDealloc)
        propertyType = mk("property", MemoryLayout<WrapperObject>.stride, wrapperDealloc, flags: TypeFlag.baseType)
        staticMethodType = mk("staticmethod", MemoryLayout<WrapperObject>.stride, wrapperDealloc, flags: TypeFlag.baseType)
        classMethodType = mk("classmethod", MemoryLayout<WrapperObject>.stride, wrapperDealloc, flags: TypeFlag.baseType)
        superType = mk("super", MemoryLayout<SuperObject>.stride, superDealloc, flags: TypeFlag.baseType)
        moduleType = mk("module", MemoryLayout<ModuleObject>.stride)
        moduleType.pointee.dictOffset = MemoryLayout<PyObject>.stride
        streamType = mk("TextIOWrapper", MemoryLayout<IterObject>.stride, iterDealloc)

        installGCFlags()
        // Dicts exist now: give every type its namespace.
        for t in [typeType!, objectType!, intType!, boolType!, floatType!, strType!, tupleType!, listType!, dictType!,
                  setType!, frozenSetType!, bytesType!, noneType!, notImplementedType!, ellipsisType!, rangeType!,
                  sliceType!, functionType!, codeType!, cellType!, methodType!, builtinFunctionType!,
                  methodDescriptorType!, propertyType!, staticMethodType!, classMethodType!, superType!, moduleType!,
                  streamType!] {
            t.pointee.dict = newDict()
        }
        pyNone = makeImmortal(noneType)
        pyNotImplemented = makeImmortal(notImplementedType)
        pyEllipsis = makeImmortal(ellipsisType)
        for b in [false, true] {
            let p = allocObject(BoolObject.self, boolType)
            p.pointee.header.refcount = immortalRefcount
            p.pointee.value = b ? 1 : 0
            if b { pyTrue = PyValue(raw: UInt(bitPattern: p)) } else { pyFalse = PyValue(raw: UInt(bitPattern: p)) }
        }
        installStrCache()
        makeExceptionTypes()
        for (n, t) in exceptionTypes where n == "ImportError" { importErrorType = t }
        installIteratorTypes()

        installIntSlots()
        installFloatSlots()
        installStrMethods()
        installTupleSlots()
        installListSlots()
        installListMethods()
        installDictSlots()
        installDictMethods()
        installSetType()
        installContainerInits()
        installBytesTypes()
        installCallableSlots()
        installGeneratorType()
        installObjectMethods()
        installSyntaxErrorTypes()
        installSysTypes()
        installTypeMembers()
        installExceptionAttributes()
        installSlotWrappers()
        // Types created before their base's slots were installed inherit them now.
        for t in [boolType!] { inheritSlots(t, from: intType) }
        for t in [noneType!, notImplementedType!, ellipsisType!, functionType!, methodType!, cellType!, codeType!,
                  builtinFunctionType!, methodDescriptorType!, moduleType!, rangeType!, sliceType!, streamType!] {
            if t.pointee.getattro == nil { t.pointee.getattro = genericGetAttrSlot }
        }
        installBuiltins()
        addBuiltin("__import__", builtinImport)
        installObjectBuiltins()
        installValueTypes()
        installBuiltinSubclassing()
        installSizeofMethods()
        installDirFixes()
    }

    /// Runs a .pyc file as `__main__` and returns the process exit code; output goes to stdout/stderr as CPython's.
    public static func runPyc(bytes: [UInt8], path: String, arguments: [String]) -> Int32 {
        let pyc: PycFile
        do {
            pyc = try PycFile.read(bytes, name: "__main__")
        } catch let e as BytecodeError {
            writeStderr("RuntimeError: Bad magic number in .pyc file\n")
            _ = e
            return 1
        } catch {
            writeStderr("RuntimeError: Bad code object in .pyc file\n")
            return 1
        }
        return runMain(pyc.code, path: path, arguments: arguments)
    }

    /// Runs a code object as `__main__` (a compiled script or a .pyc's module code) and returns the process exit
    /// code; output goes to stdout/stderr as CPython's.
    public static func runMain(_ codeObject: CodeObject, path: String, arguments: [String]) -> Int32 {
        if let problem = validateCode(codeObject) {
            if problem.hasPrefix("unsupported: ") {
                writeStderr("NotImplementedError: \(problem.dropFirst(13))\n")
            } else {
                writeStderr("SystemError: invalid code object in .pyc file: \(problem)\n")
            }
            return 1
        }
        bootstrap()
        if !captureOutput { installSignalHandlers() }
        sysArgv = arguments
        let code = newCode(codeObject)
        let mainModule = newModule("__main__")
        resetImportState(mainModule: mainModule)  // fresh sys.modules, sys (sys.argv), sys.path (Import.swift)
        let globals = newRef(mainModule.payload(ModuleObject.self).pointee.dict)
        _ = dictSetItem(globals, internStr("__name__"), internStr("__main__"))
        _ = dictSetItem(globals, internStr("__doc__"), pyNone)
        for k in ["__package__", "__loader__", "__spec__"] { _ = dictSetItem(globals, internStr(k), pyNone) }
        _ = dictSetItem(globals, internStr("__builtins__"), builtinsModuleObject)
        _ = dictSetItem(globals, internStr("__file__"), newStr(path))
        let result = runCode(code, globals: globals, builtins: builtinsDict, locals: globals)
        var rc: Int32 = 0
        if result.isNull {
            rc = handleUncaught()
        } else {
            decref(result)
        }
        clearModuleDict(globals)
        flushStdout()
        return rc
    }

    /// Runs a .pyc on a large-stack thread and returns what it wrote and its exit code (for tests; the process's
    /// own stdout/stderr are untouched).
    public static func runPycCaptured(bytes: [UInt8], path: String, arguments: [String] = [])
        -> (stdout: [UInt8], stderr: [UInt8], code: Int32) {
        withLargeStack {
            captureOutput = true
            capturedStdout = []
            capturedStderr = []
            curExc = .null
            handledExc = .null
            recursionLimit = 1000
            let rc = runPyc(bytes: bytes, path: path, arguments: arguments)
            flushStdout()
            captureOutput = false
            return (capturedStdout, capturedStderr, rc)
        }
    }

    /// Prints the uncaught exception like CPython (or applies SystemExit) and returns the exit code.
    static func handleUncaught() -> Int32 {
        let exc = fetchException()
        flushStdout()
        if exc.isNull { return 1 }
        if isInstance(exc, systemExitType) {
            let args = exc.payload(ExceptionObject.self).pointee.args
            let code = tupleCount(args) == 0 ? pyNone : (tupleCount(args) == 1 ? tupleItem(args, 0) : args)
            if code == pyNone { return 0 }
            if let i = smallOperand(code) { return Int32(truncatingIfNeeded: i) }
            let s = objectStr(code)
            if !s.isNull { writeStderr(strSwift(s) + "\n") }
            return 1
        }
        // CPython: run_eval_code_obj — exactly KeyboardInterrupt ends the process by SIGINT (Signals.swift).
        if exc.type == keyboardInterruptType { unhandledKeyboardInterrupt = true }
        if callUserExcepthook(exc) { return 1 }
        var out = ""
        var seen = Set<UInt>()
        formatException(exc, into: &out, seen: &seen)
        writeStderr(out)
        return 1
    }
}

// MARK: standard streams

nonisolated(unsafe) var stdoutBuffer: [UInt8] = []
/// When set (tests), output is collected in `capturedStdout`/`capturedStderr` instead of written to fds 1 and 2.
nonisolated(unsafe) var captureOutput = false
nonisolated(unsafe) var capturedStdout: [UInt8] = []
nonisolated(unsafe) var capturedStderr: [UInt8] = []
nonisolated(unsafe) var sysArgv: [String] = []
nonisolated(unsafe) var streamType: TypePtr! = nil

func writeStdout(_ s: String) {
    stdoutBuffer.append(contentsOf: s.utf8)
    if stdoutBuffer.count >= 1 << 16 { flushStdout() }
}

func flushStdout() {
    if stdoutBuffer.isEmpty { return }
    if captureOutput {
        capturedStdout += stdoutBuffer
        stdoutBuffer.removeAll(keepingCapacity: true)
        return
    }
    stdoutBuffer.withUnsafeBytes { buf in
        var off = 0
        while off < buf.count {
            let n = write(1, buf.baseAddress! + off, buf.count - off)
            if n <= 0 { break }
            off += n
        }
    }
    stdoutBuffer.removeAll(keepingCapacity: true)
}

func writeStderr(_ s: String) {
    flushStdout()
    if captureOutput { capturedStderr += Array(s.utf8); return }
    var s = s
    s.withUTF8 { buf in
        var off = 0
        while off < buf.count {
            let n = write(2, buf.baseAddress! + off, buf.count - off)
            if n <= 0 { break }
            off += n
        }
    }
}

func readFileBytes(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}

// MARK: callables' slots, descriptors, modules sys and math

func installCallableSlots() {
    let f = functionType!
    f.pointee.call = { fv, p, n, kw in callPythonFunction(PyValue(raw: fv), p, n, PyValue(raw: kw)).raw }
    f.pointee.descrGet = { d, o, _ in
        if o == 0 || PyValue(raw: o) == pyNone && false { return newRef(PyValue(raw: d)).raw }
        return newMethod(PyValue(raw: d), PyValue(raw: o)).raw
    }
    f.pointee.repr = { w in
        let v = PyValue(raw: w)
        return newStr("<function \(strSwift(v.payload(FunctionObject.self).pointee.qualname)) at \(addressString(v))>").raw
    }
    f.pointee.getattro = { o, n in
        let fn = PyValue(raw: o).payload(FunctionObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "__name__": return newRef(fn.pointee.name).raw
        case "__qualname__": return newRef(fn.pointee.qualname).raw
        case "__doc__": return newRef(fn.pointee.doc).raw
        case "__module__": return newRef(fn.pointee.module.isNull ? pyNone : fn.pointee.module).raw
        case "__defaults__": return newRef(fn.pointee.defaults.isNull ? pyNone : fn.pointee.defaults).raw
        case "__kwdefaults__": return newRef(fn.pointee.kwdefaults.isNull ? pyNone : fn.pointee.kwdefaults).raw
        case "__code__": return newRef(fn.pointee.code).raw
        case "__globals__": return newRef(fn.pointee.globals).raw
        case "__closure__": return newRef(fn.pointee.closure.isNull ? pyNone : fn.pointee.closure).raw
        case "__dict__":
            if fn.pointee.dict.isNull { fn.pointee.dict = newDict() }
            return newRef(fn.pointee.dict).raw
        case "__annotations__":
            if fn.pointee.annotations.isNull || fn.pointee.annotations.type == tupleType {
                let d = newDict()
                let a = fn.pointee.annotations
                if !a.isNull {
                    var i = 0
                    while i + 1 < tupleCount(a) { _ = dictSetItem(d, tupleItem(a, i), tupleItem(a, i + 1)); i += 2 }
                    decref(a)
                }
                fn.pointee.annotations = d
            }
            return newRef(fn.pointee.annotations).raw
        default: return genericGetAttr(PyValue(raw: o), PyValue(raw: n)).raw
        }
    }
    f.pointee.setattro = { o, n, v in
        let fn = PyValue(raw: o).payload(FunctionObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "__name__": decref(fn.pointee.name); fn.pointee.name = newRef(PyValue(raw: v)); return 0
        case "__qualname__": decref(fn.pointee.qualname); fn.pointee.qualname = newRef(PyValue(raw: v)); return 0
        case "__doc__": decref(fn.pointee.doc); fn.pointee.doc = newRef(PyValue(raw: v)); return 0
        case "__defaults__":
            xdecref(fn.pointee.defaults)
            fn.pointee.defaults = PyValue(raw: v) == pyNone ? .null : newRef(PyValue(raw: v)); return 0
        default: return genericSetAttr(PyValue(raw: o), PyValue(raw: n), PyValue(raw: v))
        }
    }

    let m = methodType!
    m.pointee.call = { mv, p, n, kw in
        let mp = PyValue(raw: mv).payload(MethodObject.self)
        let nk = kw == 0 ? 0 : tupleCount(PyValue(raw: kw))
        var words: [UInt] = [mp.pointee.selfObj.raw]
        for i in 0..<(n + nk) { words.append(p.unsafelyUnwrapped[i]) }
        return words.withUnsafeBufferPointer { callObject(mp.pointee.function, $0.baseAddress, n + 1, kw) }.raw
    }
    m.pointee.repr = { w in
        let mp = PyValue(raw: w).payload(MethodObject.self)
        let fnv = mp.pointee.function
        let name = fnv.type == functionType ? strSwift(fnv.payload(FunctionObject.self).pointee.qualname) : "?"
        let r = objectRepr(mp.pointee.selfObj)
        if r.isNull { return 0 }
        defer { decref(r) }
        return newStr("<bound method \(name) of \(strSwift(r))>").raw
    }
    m.pointee.getattro = { o, n in
        let mp = PyValue(raw: o).payload(MethodObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "__self__": return newRef(mp.pointee.selfObj).raw
        case "__func__": return newRef(mp.pointee.function).raw
        default: return getAttr(mp.pointee.function, PyValue(raw: n)).raw
        }
    }
    m.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        if y.type != methodType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        let p = x.payload(MethodObject.self).pointee, q = y.payload(MethodObject.self).pointee
        let eq = p.function == q.function && p.selfObj == q.selfObj
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }

    let b = builtinFunctionType!
    b.pointee.call = { fv, p, n, kw in
        let bp = PyValue(raw: fv).payload(BuiltinFunctionObject.self)
        return bp.pointee.fn(bp.pointee.selfObj.raw, p, n, kw)
    }
    b.pointee.repr = { w in
        let bp = PyValue(raw: w).payload(BuiltinFunctionObject.self)
        let name = strSwift(bp.pointee.name)
        if bp.pointee.selfObj.isNull { return newStr("<built-in function \(name)>").raw }
        let s = bp.pointee.selfObj
        return newStr("<built-in method \(name) of \(typeName(s)) object at \(addressString(s))>").raw
    }
    b.pointee.getattro = { o, n in
        let bp = PyValue(raw: o).payload(BuiltinFunctionObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "__name__", "__qualname__": return newRef(bp.pointee.name).raw
        case "__self__": return newRef(bp.pointee.selfObj.isNull ? pyNone : bp.pointee.selfObj).raw
        case "__doc__": return newRef(pyNone).raw
        default: return genericGetAttr(PyValue(raw: o), PyValue(raw: n)).raw
        }
    }

    let md = methodDescriptorType!
    md.pointee.call = { fv, p, n, kw in
        let bp = PyValue(raw: fv).payload(BuiltinFunctionObject.self)
        let name = strSwift(bp.pointee.name)
        let owner = bp.pointee.owner.unsafelyUnwrapped
        if n < 1 {
            return raise(typeErrorType, "unbound method \(owner.pointee.name).\(name)() needs an argument").raw
        }
        let s = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isInstance(s, owner) {
            return raise(typeErrorType, "descriptor '\(name)' for '\(owner.pointee.name)' objects doesn't apply to a '\(typeName(s))' object").raw
        }
        return bp.pointee.fn(s.raw, p.unsafelyUnwrapped + 1, n - 1, kw)
    }
    md.pointee.descrGet = { d, o, _ in
        if o == 0 { return newRef(PyValue(raw: d)).raw }
        let bp = PyValue(raw: d).payload(BuiltinFunctionObject.self)
        return newBuiltin(strSwift(bp.pointee.name), bp.pointee.fn, selfObj: PyValue(raw: o)).raw
    }
    md.pointee.repr = { w in
        let bp = PyValue(raw: w).payload(BuiltinFunctionObject.self)
        return newStr("<method '\(strSwift(bp.pointee.name))' of '\(bp.pointee.owner?.pointee.name ?? "?")' objects>").raw
    }

    staticMethodType.pointee.descrGet = { d, _, _ in newRef(PyValue(raw: d).payload(WrapperObject.self).pointee.a).raw }
    staticMethodType.pointee.new = { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "staticmethod expected 1 argument, got \(n)").raw }
        return newWrapper(staticMethodType, PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    staticMethodType.pointee.call = { d, p, n, kw in callObject(PyValue(raw: d).payload(WrapperObject.self).pointee.a, p, n, kw).raw }
    classMethodType.pointee.descrGet = { d, o, t in
        let cls = t != 0 ? PyValue(raw: t) : PyValue(raw: o).type.asValue
        return newMethod(PyValue(raw: d).payload(WrapperObject.self).pointee.a, cls).raw
    }
    classMethodType.pointee.new = { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "classmethod expected 1 argument, got \(n)").raw }
        return newWrapper(classMethodType, PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    for t in [staticMethodType!, classMethodType!] {
        t.pointee.getattro = { o, n in
            let s = strSwift(PyValue(raw: n))
            if s == "__func__" || s == "__wrapped__" { return newRef(PyValue(raw: o).payload(WrapperObject.self).pointee.a).raw }
            return getAttr(PyValue(raw: o).payload(WrapperObject.self).pointee.a, PyValue(raw: n)).raw
        }
    }
    let pt = propertyType!
    pt.pointee.descrGet = { d, o, _ in
        if o == 0 { return newRef(PyValue(raw: d)).raw }
        let fget = PyValue(raw: d).payload(WrapperObject.self).pointee.a
        if fget.isNull || fget == pyNone {
            return raise(attributeErrorType, "property of '\(typeName(PyValue(raw: o)))' object has no getter").raw
        }
        return callObject(fget, [PyValue(raw: o)]).raw
    }
    pt.pointee.new = { _, p, n, kw in
        let a = Args(p, n, kw)
        var vals = [PyValue](repeating: .null, count: 4)
        for i in 0..<min(n, 4) { vals[i] = a[i] }
        for (i, k) in ["fget", "fset", "fdel", "doc"].enumerated() where !a.keyword(k).isNull { vals[i] = a.keyword(k) }
        let w = newWrapper(propertyType, vals[0] == pyNone ? .null : vals[0], vals[1] == pyNone ? .null : vals[1], vals[2] == pyNone ? .null : vals[2])
        var doc = vals[3]
        if doc.isNull && !vals[0].isNull && vals[0] != pyNone { doc = lookupAttrOptional(vals[0], internStr("__doc__")) } else { xincref(doc) }
        w.payload(WrapperObject.self).pointee.doc = doc
        return w.raw
    }
    pt.pointee.getattro = { o, n in
        let w = PyValue(raw: o).payload(WrapperObject.self)
        switch attrKey(PyValue(raw: n)) {
        case "fget": return newRef(w.pointee.a.isNull ? pyNone : w.pointee.a).raw
        case "fset": return newRef(w.pointee.b.isNull ? pyNone : w.pointee.b).raw
        case "fdel": return newRef(w.pointee.c.isNull ? pyNone : w.pointee.c).raw
        case "__doc__": return newRef(w.pointee.doc.isNull ? pyNone : w.pointee.doc).raw
        default: return genericGetAttr(PyValue(raw: o), PyValue(raw: n)).raw
        }
    }
    let propertyCopy: [BuiltinFn] = [
        { s, p, _, _ in let w = PyValue(raw: s).payload(WrapperObject.self).pointee; return newWrapper(propertyType, PyValue(raw: p.unsafelyUnwrapped[0]), w.b, w.c).raw },
        { s, p, _, _ in let w = PyValue(raw: s).payload(WrapperObject.self).pointee; return newWrapper(propertyType, w.a, PyValue(raw: p.unsafelyUnwrapped[0]), w.c).raw },
        { s, p, _, _ in let w = PyValue(raw: s).payload(WrapperObject.self).pointee; return newWrapper(propertyType, w.a, w.b, PyValue(raw: p.unsafelyUnwrapped[0])).raw },
    ]
    addMethod(pt, "getter", propertyCopy[0])
    addMethod(pt, "setter", propertyCopy[1])
    addMethod(pt, "deleter", propertyCopy[2])

    superType.pointee.getattro = superGetAttro
    superType.pointee.new = superNew
    superType.pointee.repr = { w in
        let s = PyValue(raw: w).payload(SuperObject.self)
        return newStr("<super: <class '\(s.pointee.type.pointee.name)'>, <\(s.pointee.objType.pointee.name) object>>").raw
    }
    moduleType.pointee.getattro = moduleGetAttro
    moduleType.pointee.repr = moduleRepr
    noneType.pointee.repr = { _ in newStrASCII("None").raw }
    noneType.pointee.bool = { _ in 0 }
    notImplementedType.pointee.repr = { _ in newStrASCII("NotImplemented").raw }
    ellipsisType.pointee.repr = { _ in newStrASCII("Ellipsis").raw }
    cellType.pointee.repr = { w in newStr("<cell at \(addressString(PyValue(raw: w)))>").raw }
    codeType.pointee.repr = { w in
        let c = PyValue(raw: w).payload(CodeObj.self)
        return newStr("<code object \(strSwift(c.pointee.name)) at \(addressString(PyValue(raw: w))), file \"\(strSwift(c.pointee.filename))\", line \(c.pointee.firstLine)>").raw
    }
    for t in [listType!, dictType!, setType!] {
        t.pointee.hash = { w in raiseInt(typeErrorType, "unhashable type: '\(typeName(PyValue(raw: w)))'") }
    }
    enumerateType.pointee.new = { _, p, n, kw in
        let a = Args(p, n, kw)
        guard n >= 1 else { return raise(typeErrorType, "enumerate() missing required argument 'iterable' (pos 1)").raw }
        var start = 0
        let s = n > 1 ? a[1] : a.keyword("start")
        if !s.isNull { guard let v = indexValueOrRaise(s) else { return 0 }; start = v }
        let it = getIter(a[0])
        if it.isNull { return 0 }
        defer { decref(it) }
        return newIter(enumerateType, seq: it, index: start).raw
    }
    zipType.pointee.new = { _, p, n, kw in
        var its: [PyValue] = []
        for i in 0..<n {
            let it = getIter(PyValue(raw: p.unsafelyUnwrapped[i]))
            if it.isNull {
                for x in its { decref(x) }
                if isInstance(curExc, typeErrorType) {
                    decref(fetchException())
                    return raise(typeErrorType, "zip argument #\(i + 1) must support iteration").raw
                }
                return 0
            }
            its.append(it)
        }
        let t = newTuple(its)
        defer { decref(t) }
        return newIter(zipType, seq: t).raw
    }
    mapType.pointee.new = { _, p, n, _ in
        if n < 2 { return raise(typeErrorType, "map() must have at least two arguments.").raw }
        var its: [PyValue] = []
        for i in 1..<n {
            let it = getIter(PyValue(raw: p.unsafelyUnwrapped[i]))
            if it.isNull { for x in its { decref(x) }; return 0 }
            its.append(it)
        }
        let t = newTuple(its)
        defer { decref(t) }
        return newIter(mapType, seq: t, extra: PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    filterType.pointee.new = { _, p, n, _ in
        if n != 2 { return raise(typeErrorType, "filter expected 2 arguments, got \(n)").raw }
        let it = getIter(PyValue(raw: p.unsafelyUnwrapped[1]))
        if it.isNull { return 0 }
        defer { decref(it) }
        return newIter(filterType, seq: it, extra: PyValue(raw: p.unsafelyUnwrapped[0])).raw
    }
    reversedType.pointee.new = { _, p, n, _ in
        if n != 1 { return raise(typeErrorType, "reversed expected 1 argument, got \(n)").raw }
        let s = PyValue(raw: p.unsafelyUnwrapped[0])
        if s.type.pointee.isHeapType && hasHeapDunder(s.type, "__reversed__") { return callDunder(s, "__reversed__", []).raw }
        if s.type == dictType {
            guard let keys = collectIterable(s) else { return 0 }
            let l = newList(keys.reversed())
            defer { decref(l) }
            return newSeqIter(l, listIterType).raw
        }
        let len = objectLength(s)
        if len < 0 || s.type.pointee.getitem == nil {
            if !curExc.isNull { decref(fetchException()) }
            return raise(typeErrorType, "'\(typeName(s))' object is not reversible").raw
        }
        return newIter(reversedType, seq: s, index: len - 1).raw
    }
    streamType.pointee.iter = nil
    addMethod(streamType, "write") { s, p, n, _ in
        let fd = PyValue(raw: s).payload(IterObject.self).pointee.index
        let v = PyValue(raw: p.unsafelyUnwrapped[0])
        if !isInstance(v, strType) { return raise(typeErrorType, "write() argument must be str, not \(typeName(v))").raw }
        if fd == 1 { writeStdout(strSwift(v)) } else { writeStderr(strSwift(v)) }
        return makeInt(strCount(v)).raw
    }
    addMethod(streamType, "flush") { s, _, _, _ in
        if PyValue(raw: s).payload(IterObject.self).pointee.index == 1 { flushStdout() }
        return newRef(pyNone).raw
    }
}

nonisolated(unsafe) package var builtinModuleMakers: [String: () -> PyValue] = [
    "sys": makeSysModule,
]

package func moduleAdd(_ m: PyValue, _ name: String, _ v: PyValue) {
    _ = dictSetItem(m.payload(ModuleObject.self).pointee.dict, internStr(name), v)
    decref(v)
}

/// The sys module of a program: its own attributes (Sys.swift) and the import system's (Import.swift).
func makeSysModule() -> PyValue {
    let m = newModule("sys")
    moduleAdd(m, "argv", newList(sysArgv.map { newStr($0) }))
    addImportAttributes(to: m)
    addSysIntDigitsFunctions(m)
    addSysAttributes(to: m)
    return m
}

