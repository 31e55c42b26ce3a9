import KaaBytecode
import KaaCore

/// The `co_*` attributes of code objects (compile() hands them out; programs inspect them), read from the
/// KaaBytecode code object each runtime code object was made from. Code objects are immortal, so the table of
/// originals never holds a dangling key. (CPython: Objects/codeobject.c code_memberlist, code_getsetlist)

nonisolated(unsafe) var codeOriginals: [UInt: CodeObject] = [:]

/// Remembers the code object `runtime` was made from (called by newCode).
func registerCodeOriginal(_ runtime: UnsafeMutablePointer<CodeObj>, _ original: CodeObject) {
    codeOriginals[UInt(bitPattern: runtime)] = original
}

func installCodeAttributes() {
    codeType.pointee.dealloc = codeDealloc
    codeType.pointee.getattro = codeGetAttr
    // CPython: code_richcompare — equal when every field is.
    codeType.pointee.richcompare = { a, b, op in
        let x = PyValue(raw: a), y = PyValue(raw: b)
        guard y.type == codeType, op == 2 || op == 3,
              let p = codeOriginals[x.raw], let q = codeOriginals[y.raw]
        else { return newRef(pyNotImplemented).raw }
        let eq = x == y || p == q
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }
    codeType.pointee.hash = { w in
        guard let c = codeOriginals[UInt(w)] else { return Int(bitPattern: UInt(w) >> 4) }
        var h = Hasher()
        h.combine(c.name.swiftString); h.combine(c.code); h.combine(c.firstLineNumber); h.combine(c.flags)
        let r = h.finalize()
        return r == -1 ? -2 : r
    }
}

private func strTuple(_ names: [PyString]) -> PyValue { newTuple(names.map { newStr($0) }) }

private func codeGetAttr(_ o: Word, _ n: Word) -> Word {
    let v = PyValue(raw: o)
    let c = v.payload(CodeObj.self)
    guard let co = codeOriginals[UInt(o)] else { return genericGetAttrSlot(o, n) }
    switch strSwift(PyValue(raw: n)) {
    case "co_argcount": return makeInt(Int(co.argCount)).raw
    case "co_posonlyargcount": return makeInt(Int(co.posOnlyArgCount)).raw
    case "co_kwonlyargcount": return makeInt(Int(co.kwOnlyArgCount)).raw
    case "co_nlocals": return makeInt(co.nlocals).raw
    case "co_stacksize": return makeInt(Int(co.stackSize)).raw
    case "co_flags": return makeInt(Int(co.flags)).raw
    case "co_firstlineno": return makeInt(Int(co.firstLineNumber)).raw
    case "co_code", "_co_code_adaptive": return newBytes(co.code).raw
    case "co_consts": return newTuple((0..<c.pointee.nconsts).map { newRef(c.pointee.consts[$0]) }).raw
    case "co_names": return strTuple(co.names).raw
    case "co_varnames": return strTuple(co.varnames).raw
    case "co_cellvars": return strTuple(co.cellvars).raw
    case "co_freevars": return strTuple(co.freevars).raw
    case "co_filename": return newRef(c.pointee.filename).raw
    case "co_name": return newRef(c.pointee.name).raw
    case "co_qualname": return newRef(c.pointee.qualname).raw
    case "co_linetable": return newBytes(co.lineTable).raw
    case "co_exceptiontable": return newBytes(co.exceptionTable).raw
    case "co_lnotab": return newBytes(co.lnotab).raw
    default: break
    }
    return genericGetAttrSlot(o, n)
}

/// co_lines() and co_positions(), as lists' iterators.
func installCodeMethods() {
    installCodeReplace()
    addMethod(codeType, "co_lines") { s, _, _, _ in
        guard let co = codeOriginals[UInt(s)] else { return newList([]).raw }
        let items = co.lines().map { r in
            newTuple([makeInt(r.start), makeInt(r.end), r.line.map { makeInt($0) } ?? newRef(pyNone)])
        }
        let l = newList(items)
        defer { decref(l) }
        return getIter(l).raw
    }
    addMethod(codeType, "co_positions") { s, _, _, _ in
        guard let co = codeOriginals[UInt(s)] else { return newList([]).raw }
        func int(_ x: Int?) -> PyValue { x.map { makeInt($0) } ?? newRef(pyNone) }
        let items = co.positions().map { p in
            newTuple([int(p.line), int(p.endLine), int(p.column), int(p.endColumn)])
        }
        let l = newList(items)
        defer { decref(l) }
        return getIter(l).raw
    }
}

/// Frees a code object whose last reference went. Only code made at run time by compile()/exec()/eval() is
/// mortal (`compileSource`); code loaded with a module or a .pyc, and the code objects nested in any code's
/// constants, are immortal and never get here. (CPython: code_dealloc)
func codeDealloc(_ w: Word) {
    let c = PyValue(raw: w).payload(CodeObj.self)
    codeOriginals[w] = nil
    c.pointee.units.deallocate()
    for i in 0..<c.pointee.nconsts { decref(c.pointee.consts[i]) }
    c.pointee.consts.deallocate()
    for i in 0..<c.pointee.nnames { decref(c.pointee.names[i]) }
    c.pointee.names.deallocate()
    for i in 0..<c.pointee.nlocalsplus { decref(c.pointee.localsNames[i]) }
    c.pointee.localsNames.deallocate()
    c.pointee.localsKinds.deallocate()
    c.pointee.exceptionTable.deallocate()
    withUnsafeMutablePointer(to: &c.pointee.lines) { _ = $0.deinitialize(count: 1) }
    decref(c.pointee.filename); decref(c.pointee.name); decref(c.pointee.qualname)
    freeObject(w)
}
