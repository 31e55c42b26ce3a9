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
    case .complex(let re, let im): return newStr(PyRepr.complex(real: re, imag: im))
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
    p.pointee.units = UnsafeMutablePointer<UInt16>.allocate(capacity: max(n, 1))
    for i in 0..<n { p.pointee.units[i] = UInt16(co.code[2 * i]) | UInt16(co.code[2 * i + 1]) << 8 }
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
    p.pointee.header.refcount = immortalRefcount
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
