import KaaBytecode
import KaaCore

/// A code object as the VM runs it: the code units in malloc'd memory (read through an unsafe pointer), constants
/// converted once to values, names as str objects, the exception table decoded, the line table kept for tracebacks.
struct CodeObj {
    var header: PyObject
    var units: UnsafeMutablePointer<UInt16>
    var unitCount: Int
    var consts: UnsafeMutablePointer<PyValue>
    var nconsts: Int
    var names: UnsafeMutablePointer<PyValue>
    var nnames: Int
    var localsNames: UnsafeMutablePointer<PyValue>
    var localsKinds: UnsafeMutablePointer<UInt8>
    var nlocalsplus: Int
    var nlocals: Int
    var ncells: Int
    var nfree: Int
    var argCount: Int
    var posOnlyArgCount: Int
    var kwOnlyArgCount: Int
    var flags: Int
    var stackSize: Int
    var filename: PyValue
    var name: PyValue
    var qualname: PyValue
    var firstLine: Int
    var exceptionTable: UnsafeMutablePointer<ExceptionTable.Entry>
    var nexc: Int
    /// (start byte, end byte, line) ranges (CPython: co_lines).
    var lines: [(start: Int, end: Int, line: Int?)]
    /// Inline caches of the quickened code (Quicken.swift), or nil.
    var caches: UnsafeMutablePointer<InlineCacheEntry>?
}

/// The line of the instruction at code-unit index `instr` (CPython: PyCode_Addr2Line).
func codeLine(_ code: UnsafeMutablePointer<CodeObj>, instr: Int) -> Int? {
    let offset = instr * 2
    for r in code.pointee.lines where r.start <= offset && offset < r.end { return r.line }
    return nil
}

/// Converts a marshalled constant to a value (new reference).
func constantValue(_ c: BytecodeConstant) -> PyValue {
    switch c {
    case .none: return newRef(pyNone)
    case .ellipsis: return newRef(pyEllipsis)
    case .stopIteration: return newRef(stopIterationType.asValue)
    case .bool(let b): return newRef(makeBool(b))
    case .int(let i): return intFromBig(i)
    case .float(let d): return newFloat(d)
    case .complex(let re, let im): return newComplex(re, im)
    case .str(let s):
        let v = newStr(s)
        return v
    case .bytes(let b): return newBytes(b)
    case .tuple(let items), .list(let items): return newTuple(items.map(constantValue))
    case .frozenset(let items), .set(let items): return newFrozenSet(items.map(constantValue))
    case .code(let co): return newCode(co)
    case .dict: return newDict()
    }
}

func newCode(_ co: CodeObject) -> PyValue {
    let p = allocObject(CodeObj.self, codeType)
    let n = co.code.count / 2
    // One extra unit: an undefined opcode, so running off the end raises instead of reading past the code.
    p.pointee.units = UnsafeMutablePointer<UInt16>.allocate(capacity: n + 1)
    for i in 0..<n { p.pointee.units[i] = UInt16(co.code[2 * i]) | UInt16(co.code[2 * i + 1]) << 8 }
    p.pointee.units[n] = 0xFF
    p.pointee.unitCount = n
    p.pointee.nconsts = co.consts.count
    p.pointee.consts = UnsafeMutablePointer<PyValue>.allocate(capacity: max(co.consts.count, 1))
    for (i, c) in co.consts.enumerated() {
        let v = constantValue(c)
        if !v.isSmallInt { v.obj.pointee.refcount = immortalRefcount }
        p.pointee.consts[i] = v
    }
    p.pointee.nnames = co.names.count
    p.pointee.names = UnsafeMutablePointer<PyValue>.allocate(capacity: max(co.names.count, 1))
    for (i, s) in co.names.enumerated() { p.pointee.names[i] = internStr(s.swiftString) }
    let nl = co.localsPlusNames.count
    p.pointee.nlocalsplus = nl
    p.pointee.localsNames = UnsafeMutablePointer<PyValue>.allocate(capacity: max(nl, 1))
    p.pointee.localsKinds = UnsafeMutablePointer<UInt8>.allocate(capacity: max(nl, 1))
    var nlocals = 0, ncells = 0, nfree = 0
    for i in 0..<nl {
        p.pointee.localsNames[i] = internStr(co.localsPlusNames[i].swiftString)
        let k = i < co.localsPlusKinds.count ? co.localsPlusKinds[i] : CodeObject.LocalKind.local
        p.pointee.localsKinds[i] = k
        if k & CodeObject.LocalKind.local != 0 { nlocals += 1 }
        if k & CodeObject.LocalKind.cell != 0 { ncells += 1 }
        if k & CodeObject.LocalKind.free != 0 { nfree += 1 }
    }
    p.pointee.nlocals = nlocals
    p.pointee.ncells = ncells
    p.pointee.nfree = nfree
    p.pointee.argCount = Int(co.argCount)
    p.pointee.posOnlyArgCount = Int(co.posOnlyArgCount)
    p.pointee.kwOnlyArgCount = Int(co.kwOnlyArgCount)
    p.pointee.flags = Int(co.flags)
    p.pointee.stackSize = Int(co.stackSize)
    p.pointee.filename = internStr(co.filename.swiftString)
    p.pointee.name = internStr(co.name.swiftString)
    p.pointee.qualname = internStr(co.qualname.swiftString)
    p.pointee.firstLine = Int(co.firstLineNumber)
    let table = ExceptionTable.decode(co.exceptionTable)
    p.pointee.nexc = table.count
    p.pointee.exceptionTable = UnsafeMutablePointer<ExceptionTable.Entry>.allocate(capacity: max(table.count, 1))
    for (i, e) in table.enumerated() { (p.pointee.exceptionTable + i).initialize(to: e) }
    withUnsafeMutablePointer(to: &p.pointee.lines) { $0.initialize(to: co.lines()) }
    p.pointee.caches = nil
    quicken(p)
    p.pointee.header.refcount = immortalRefcount
    registerCodeOriginal(p, co)
    return PyValue(raw: UInt(bitPattern: p))
}

/// The handler for the instruction at `instr` (code units): (target, depth, lasti) — CPython: get_exception_handler.
@inline(__always) func findHandler(_ code: UnsafeMutablePointer<CodeObj>, _ instr: Int) -> ExceptionTable.Entry? {
    let offset = instr * 2
    let t = code.pointee.exceptionTable
    for i in 0..<code.pointee.nexc where t[i].start <= offset && offset < t[i].end { return t[i] }
    return nil
}

// MARK: bytes and frozenset (minimal: constants, repr, equality, hashing, iteration)

struct BytesObject {
    var header: PyObject
    var bytes: [UInt8]
}
nonisolated(unsafe) var bytesType: TypePtr! = nil
nonisolated(unsafe) var frozenSetType: TypePtr! = nil

func newBytes(_ b: [UInt8]) -> PyValue {
    let p = allocObject(BytesObject.self, bytesType)
    withUnsafeMutablePointer(to: &p.pointee.bytes) { $0.initialize(to: b) }
    return PyValue(raw: UInt(bitPattern: p))
}
func bytesDealloc(_ w: Word) {
    let p = PyValue(raw: w).payload(BytesObject.self)
    withUnsafeMutablePointer(to: &p.pointee.bytes) { _ = $0.deinitialize(count: 1) }
    freeObject(w)
}

func installBytesTypes() {
    let b = bytesType!
    b.pointee.repr = { newStr(PyRepr.bytes(PyValue(raw: $0).payload(BytesObject.self).pointee.bytes)).raw }
    b.pointee.len = { PyValue(raw: $0).payload(BytesObject.self).pointee.bytes.count }
    b.pointee.hash = { w in
        let bytes = PyValue(raw: w).payload(BytesObject.self).pointee.bytes
        if bytes.isEmpty { return 0 }
        let h = Int(bitPattern: UInt(SipHash13.hash(k0: 0, k1: 0, bytes)))
        return h == -1 ? -2 : h
    }
    b.pointee.richcompare = { a, c, op in
        let y = PyValue(raw: c)
        if y.type != bytesType || (op != 2 && op != 3) { return newRef(pyNotImplemented).raw }
        let eq = PyValue(raw: a).payload(BytesObject.self).pointee.bytes == y.payload(BytesObject.self).pointee.bytes
        return newRef(makeBool(op == 2 ? eq : !eq)).raw
    }
    b.pointee.getitem = { a, k in
        let bytes = PyValue(raw: a).payload(BytesObject.self).pointee.bytes
        guard let i = indexValueOrRaise(PyValue(raw: k)) else { return 0 }
        let j = i < 0 ? i + bytes.count : i
        if j < 0 || j >= bytes.count { return raise(indexErrorType, "index out of range").raw }
        return makeInt(Int(bytes[j])).raw
    }
}

/// Checks what the eval loop trusts about a code object from a .pyc (CPython trusts it all): operands index
/// existing constants, names and locals, jumps and handlers land inside the code, handler depths fit the stack.
/// Returns a description of the first problem, or nil. Nested code objects are checked too.
func validateCode(_ co: CodeObject) -> String? {
    let n = co.code.count / 2
    if co.code.count % 2 != 0 { return "odd code length" }
    let nconsts = co.consts.count, nnames = co.names.count, nlocals = co.localsPlusNames.count
    if co.localsPlusKinds.count != nlocals { return "localspluskinds length" }
    if co.stackSize < 0 || co.stackSize > 1 << 20 { return "bad stack size" }
    if co.argCount < 0 || co.kwOnlyArgCount < 0 || Int(co.argCount + co.kwOnlyArgCount) > nlocals { return "bad argument counts" }
    var i = 0
    var ext = 0
    while i < n {
        let op = Int(co.code[2 * i]), arg = Int(co.code[2 * i + 1]) | ext
        i += 1
        if op == 144 { ext = arg << 8; if ext > 1 << 30 { return "EXTENDED_ARG overflow" }; continue }
        ext = 0
        let caches = Opcode.caches(UInt8(op))
        switch op {
        case 100, 172: if arg >= nconsts { return "constant index \(arg) out of range at \(2 * (i - 1))" }
        case 90, 91, 95, 96, 97, 98, 101, 106, 108, 109, 160:
            if arg >= nnames { return "name index \(arg) out of range at \(2 * (i - 1))" }
        case 116: if arg >> 1 >= nnames { return "name index \(arg >> 1) out of range at \(2 * (i - 1))" }
        case 124, 125, 126, 127, 135, 136, 137, 138, 139, 148:
            if arg >= nlocals { return "local index \(arg) out of range at \(2 * (i - 1))" }
        case 149: if arg > nlocals { return "free variable count out of range" }
        case 110, 114, 115, 128, 129, 111, 112, 93, 123:
            if i + arg > n { return "jump target out of range at \(2 * (i - 1))" }
        case 140, 134, 175, 176, 173, 174:
            if i - arg < 0 { return "jump target out of range at \(2 * (i - 1))" }
        case 120, 99: if arg < 1 { return "bad COPY/SWAP operand" }
        case 122: if arg > 25 { return "bad BINARY_OP operand \(arg)" }
        case 107: if arg > 5 { return "bad COMPARE_OP operand \(arg)" }
        case 117, 118: if arg > 1 { return "bad IS_OP/CONTAINS_OP operand" }
        case 130: if arg > 2 { return "bad RAISE_VARARGS operand" }
        case 133: if arg != 2 && arg != 3 { return "bad BUILD_SLICE operand" }
        default: break
        }
        i += caches
    }
    for e in ExceptionTable.decode(co.exceptionTable) {
        if e.target / 2 >= n || e.depth > Int(co.stackSize) || e.start > e.end { return "bad exception table entry" }
    }
    func hasComplex(_ c: BytecodeConstant) -> Bool {
        switch c {
        case .complex: return true
        case .tuple(let xs), .frozenset(let xs), .list(let xs), .set(let xs): return xs.contains(where: hasComplex)
        default: return false
        }
    }
    _ = hasComplex
    if let err = validateStackDepth(co) { return err }
    for c in co.nestedCode { if let err = validateCode(c) { return err } }
    return nil
}

/// Values an instruction reads from the stack (its pops), where that exceeds what its net effect says.
func stackReads(_ op: Int, _ arg: Int, _ effect: Int) -> Int {
    switch op {
    case 122, 107, 117, 118, 25, 36, 33: return 2            // BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR, CHECK_EXC_MATCH, MATCH_KEYS
    case 10, 11, 12, 15, 68, 93, 106, 160, 92, 94, 30, 31, 32, 35, 53, 111, 112, 69, 86, 82, 109, 155:
        return op == 155 && arg & 4 != 0 ? 2 : 1           // unary ops, GET_ITER, FOR_ITER, LOAD_ATTR/METHOD, UNPACK_*, ...
    case 166: return arg + 2                                 // PRECALL (dis counts the arguments as popped here)
    case 171: return 2                                       // CALL
    case 99, 120, 133: return arg                            // SWAP, COPY, BUILD_SLICE
    case 145, 162, 163, 165, 164, 146: return arg + 1        // LIST_APPEND/EXTEND, SET_UPDATE, DICT_UPDATE/MERGE, SET_ADD
    case 147: return arg + 2                                 // MAP_ADD
    case 119: return arg + 1                                 // RERAISE
    case 49: return 4                                        // WITH_EXCEPT_START
    case 123: return 2                                       // SEND
    case 142: return arg & 1 != 0 ? 4 : 3                    // CALL_FUNCTION_EX
    case 132: return 1 + (arg & 1) + (arg >> 1 & 1) + (arg >> 2 & 1) + (arg >> 3 & 1)  // MAKE_FUNCTION
    case 108: return 2                                       // IMPORT_NAME
    case 152: return 3                                       // MATCH_CLASS
    default: return max(0, -effect)
    }
}

/// Abstract interpretation of stack depths over the control flow (CPython's compiler computes co_stacksize the same
/// way): every instruction must find the values it reads, stay within co_stacksize, and meet one depth at joins.
func validateStackDepth(_ co: CodeObject) -> String? {
    let n = co.code.count / 2
    let maxDepth = Int(co.stackSize)
    var depthAt = [Int](repeating: -1, count: n + 1)
    var work: [Int] = []
    func reach(_ i: Int, _ d: Int) -> String? {
        if i < 0 || i > n { return "jump out of the code" }
        if d < 0 || d > maxDepth { return "stack depth \(d) outside 0...\(maxDepth) at \(2 * i)" }
        if depthAt[i] == -1 { depthAt[i] = d; work.append(i); return nil }
        return depthAt[i] == d ? nil : "inconsistent stack depth at \(2 * i)"
    }
    if let e = reach(0, 0) { return e }
    for e in ExceptionTable.decode(co.exceptionTable) where e.target / 2 < n {
        if let err = reach(e.target / 2, e.depth + (e.lasti ? 1 : 0) + 1) { return err }
    }
    while let start = work.popLast() {
        var i = start
        let d = depthAt[start]
        var arg = 0
        var op = 0
        // EXTENDED_ARG prefixes belong to the next instruction.
        while i < n {
            op = Int(co.code[2 * i]); arg = (arg << 8) | Int(co.code[2 * i + 1])
            i += 1
            if op != 144 { break }
        }
        if op == 144 || i > n { return "code ends inside an instruction" }
        if i + Opcode.caches(UInt8(op)) > n { return "code ends inside an instruction's caches" }
        let next = i + Opcode.caches(UInt8(op))
        if op == 75 { if let e = reach(next, d + 1) { return e }; continue }   // RETURN_GENERATOR: resumed with the sent value
        if op == 0 || op == 9 || op == 151 { if let e = reach(next, d) { return e }; continue }
        guard let fall = Opcode.stackEffect(op, oparg: Opcode.hasArgument(UInt8(op)) ? Int32(truncatingIfNeeded: arg) : nil, jump: false),
              let jmp = Opcode.stackEffect(op, oparg: Opcode.hasArgument(UInt8(op)) ? Int32(truncatingIfNeeded: arg) : nil, jump: true) else {
            return "unknown opcode \(op) at \(2 * (i - 1))"
        }
        if d < stackReads(op, arg, Int(min(fall, jmp))) { return "stack underflow at \(2 * (i - 1))" }
        switch op {
        case 83, 130, 119: continue                                   // RETURN_VALUE, RAISE_VARARGS, RERAISE
        case 110: if let e = reach(next + arg, d + Int(jmp)) { return e }
        case 140, 134: if let e = reach(next - arg, d + Int(jmp)) { return e }
        case 114, 115, 128, 129, 111, 112, 93, 123:
            if let e = reach(next + arg, d + Int(jmp)) { return e }
            if let e = reach(next, d + Int(fall)) { return e }
        case 175, 176, 173, 174:
            if let e = reach(next - arg, d + Int(jmp)) { return e }
            if let e = reach(next, d + Int(fall)) { return e }
        default:
            if let e = reach(next, d + Int(fall)) { return e }
        }
    }
    return nil
}
