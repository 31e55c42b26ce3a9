import BigInt
import KaaBytecode
import KaaCore

/// code.replace(**changes) (CPython: code_replace_impl): a new code object with the given co_* fields replaced. The
/// new object is built from a modified copy of the KaaBytecode code object the original was made from.

private let replaceFields = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
                             "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
                             "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
                             "co_exceptiontable"]

/// A Python value as a code constant (what marshal can store), or nil.
func bytecodeConstant(_ v: PyValue) -> BytecodeConstant? {
    if v == pyNone { return BytecodeConstant.none }
    if v == pyEllipsis { return .ellipsis }
    if v == pyTrue || v == pyFalse { return .bool(v == pyTrue) }
    if isIntLike(v) { return bigOperand(v).map { .int($0) } }
    let t = v.type
    if t == floatType { return .float(floatValue(v)) }
    if t == complexType { let c = complexValue(v); return .complex(real: c.re, imag: c.im) }
    if t == strType { return .str(PyString(codePoints: Array(strBuffer(v)))) }
    if t == bytesType { return .bytes(v.payload(BytesObject.self).pointee.bytes) }
    if t == codeType { return codeOriginals[v.raw].map { .code($0) } }
    if t == tupleType || t == frozenSetType {
        var items: [BytecodeConstant] = []
        let elems = t == tupleType ? (0..<tupleCount(v)).map { tupleItem(v, $0) } : setKeys(v)
        for x in elems { guard let c = bytecodeConstant(x) else { return nil }; items.append(c) }
        return t == tupleType ? .tuple(items) : .frozenset(items)
    }
    return nil
}

private func strTupleArg(_ v: PyValue, _ field: String) -> [PyString]?? {
    if v.isNull { return .some(nil) }
    guard v.type == tupleType else {
        raise(typeErrorType, "replace() argument '\(field)' must be tuple, not \(typeName(v))"); return nil
    }
    var out: [PyString] = []
    for i in 0..<tupleCount(v) {
        let x = tupleItem(v, i)
        guard isInstance(x, strType) else { raise(exceptionTypeNamed("SystemError", or: runtimeErrorType), "non-string found in code slot"); return nil }
        out.append(PyString(codePoints: Array(strBuffer(x))))
    }
    return .some(out)
}

func codeReplace(_ selfValue: PyValue, _ a: Args) -> PyValue {
    for k in 0..<a.kwCount where !replaceFields.contains(strSwift(tupleItem(a.kw, k))) {
        return raise(typeErrorType, "'\(strSwift(tupleItem(a.kw, k)))' is an invalid keyword argument for replace()")
    }
    guard let args = a.bind("replace", replaceFields, required: 0, kwOnlyFrom: 0) else { return .null }
    guard let orig = codeOriginals[selfValue.raw] else {
        return raise(exceptionTypeNamed("SystemError", or: runtimeErrorType), "code object without its original")
    }
    // CodeObject is a class: change a copy, never the original the running code was made from.
    let co = CodeObject(argCount: orig.argCount, posOnlyArgCount: orig.posOnlyArgCount,
                        kwOnlyArgCount: orig.kwOnlyArgCount, stackSize: orig.stackSize, flags: orig.flags,
                        code: orig.code, consts: orig.consts, names: orig.names,
                        localsPlusNames: orig.localsPlusNames, localsPlusKinds: orig.localsPlusKinds,
                        filename: orig.filename, name: orig.name, qualname: orig.qualname,
                        firstLineNumber: orig.firstLineNumber, lineTable: orig.lineTable,
                        exceptionTable: orig.exceptionTable)
    // Integer fields: -1 (the default) keeps the value.
    var ints: [Int?] = []
    for i in 0..<7 {
        if args[i].isNull { ints.append(nil); continue }
        guard let x = indexValueOrRaise(args[i]) else { return .null }
        ints.append(x == -1 ? nil : x)
    }
    func int32(_ x: Int?, _ keep: Int32) -> Int32? { x.map { Int32(truncatingIfNeeded: $0) } ?? keep }
    co.argCount = int32(ints[0], co.argCount)!
    co.posOnlyArgCount = int32(ints[1], co.posOnlyArgCount)!
    co.kwOnlyArgCount = int32(ints[2], co.kwOnlyArgCount)!
    co.stackSize = int32(ints[4], co.stackSize)!
    co.flags = int32(ints[5], co.flags)!
    co.firstLineNumber = int32(ints[6], co.firstLineNumber)!
    func bytesArg(_ i: Int) -> [UInt8]?? {
        if args[i].isNull || args[i] == pyNone { return .some(nil) }
        guard args[i].type == bytesType else {
            raise(typeErrorType, "replace() argument '\(replaceFields[i])' must be bytes, not \(typeName(args[i]))")
            return nil
        }
        return .some(args[i].payload(BytesObject.self).pointee.bytes)
    }
    guard let code = bytesArg(7), let lines = bytesArg(16), let exc = bytesArg(17) else { return .null }
    if let c = code { co.code = c }
    if let l = lines { co.lineTable = l }
    if let e = exc { co.exceptionTable = e }
    if !args[8].isNull && args[8] != pyNone {
        guard args[8].type == tupleType else {
            return raise(typeErrorType, "replace() argument 'co_consts' must be tuple, not \(typeName(args[8]))")
        }
        var consts: [BytecodeConstant] = []
        for i in 0..<tupleCount(args[8]) {
            guard let c = bytecodeConstant(tupleItem(args[8], i)) else {
                return raise(valueErrorType, "replace(): a constant of type '\(typeName(tupleItem(args[8], i)))' is not supported")
            }
            consts.append(c)
        }
        co.consts = consts
    }
    guard let names = strTupleArg(args[9], "co_names"), let varnames = strTupleArg(args[10], "co_varnames"),
          let freevars = strTupleArg(args[11], "co_freevars"), let cellvars = strTupleArg(args[12], "co_cellvars")
    else { return .null }
    if let n = names { co.names = n }
    if varnames != nil || freevars != nil || cellvars != nil {
        // CPython: _PyCode_New's localsplus: the locals, then the cells that are not also locals, then the frees.
        let vn = varnames ?? co.varnames, cv = cellvars ?? co.cellvars, fv = freevars ?? co.freevars
        var lpNames: [PyString] = [], kinds: [UInt8] = []
        for n in vn { lpNames.append(n); kinds.append(CodeObject.LocalKind.local) }
        for n in cv {
            if let k = lpNames.firstIndex(of: n) { kinds[k] |= CodeObject.LocalKind.cell } else {
                lpNames.append(n); kinds.append(CodeObject.LocalKind.cell)
            }
        }
        for n in fv { lpNames.append(n); kinds.append(CodeObject.LocalKind.free) }
        co.localsPlusNames = lpNames
        co.localsPlusKinds = kinds
    }
    for (i, field) in [(13, "co_filename"), (14, "co_name"), (15, "co_qualname")] where !args[i].isNull {
        guard isInstance(args[i], strType) else {
            return raise(typeErrorType, "replace() argument '\(field)' must be str, not \(typeName(args[i]))")
        }
        let s = PyString(codePoints: Array(strBuffer(args[i])))
        if i == 13 { co.filename = s } else if i == 14 { co.name = s } else { co.qualname = s }
    }
    return newCode(co)
}

func installCodeReplace() {
    addMethod(codeType, "replace") { s, p, n, kw in codeReplace(PyValue(raw: s), Args(p, n, kw)).raw }
}
