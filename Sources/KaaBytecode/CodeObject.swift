import KaaCore

/// A CPython 3.11 code object: every field `marshal` stores, and the views Python derives from them.
///
/// A class: code objects have identity (`<code object f at 0x…>`, marshal references) and the future VM keeps one
/// per function and executes `code` through `withUnsafeBufferPointer`. Fields are stored as marshal stores them;
/// `varnames`, `cellvars`, `freevars`, `nlocals` are computed from `localsPlusNames`/`localsPlusKinds`
/// (CPython: _PyCode_GetVarnames and friends).
public final class CodeObject {
    public var argCount: Int32
    public var posOnlyArgCount: Int32
    public var kwOnlyArgCount: Int32
    public var stackSize: Int32
    public var flags: Int32
    /// `co_code`: 16-bit code units (opcode, oparg), inline CACHE units zeroed.
    public var code: [UInt8]
    public var consts: [BytecodeConstant]
    public var names: [PyString]
    public var localsPlusNames: [PyString]
    /// One `LocalKind` byte per entry of `localsPlusNames`.
    public var localsPlusKinds: [UInt8]
    public var filename: PyString
    public var name: PyString
    public var qualname: PyString
    public var firstLineNumber: Int32
    /// `co_linetable`: PEP 626/657 location table (see `LocationTable`).
    public var lineTable: [UInt8]
    /// `co_exceptiontable` (see `ExceptionTable`).
    public var exceptionTable: [UInt8]

    public init(argCount: Int32 = 0, posOnlyArgCount: Int32 = 0, kwOnlyArgCount: Int32 = 0, stackSize: Int32 = 0,
                flags: Int32 = 0, code: [UInt8] = [], consts: [BytecodeConstant] = [], names: [PyString] = [],
                localsPlusNames: [PyString] = [], localsPlusKinds: [UInt8] = [], filename: PyString = PyString(""),
                name: PyString = PyString(""), qualname: PyString = PyString(""), firstLineNumber: Int32 = 1,
                lineTable: [UInt8] = [], exceptionTable: [UInt8] = []) {
        self.argCount = argCount
        self.posOnlyArgCount = posOnlyArgCount
        self.kwOnlyArgCount = kwOnlyArgCount
        self.stackSize = stackSize
        self.flags = flags
        self.code = code
        self.consts = consts
        self.names = names
        self.localsPlusNames = localsPlusNames
        self.localsPlusKinds = localsPlusKinds
        self.filename = filename
        self.name = name
        self.qualname = qualname
        self.firstLineNumber = firstLineNumber
        self.lineTable = lineTable
        self.exceptionTable = exceptionTable
    }

    /// `co_localspluskinds` bits (Include/internal/pycore_code.h).
    public enum LocalKind {
        public static let local: UInt8 = 0x20
        public static let cell: UInt8 = 0x40
        public static let free: UInt8 = 0x80
    }

    /// `co_flags` bits (Include/cpython/code.h).
    public enum Flag {
        public static let optimized: Int32 = 0x1
        public static let newLocals: Int32 = 0x2
        public static let varArgs: Int32 = 0x4
        public static let varKeywords: Int32 = 0x8
        public static let nested: Int32 = 0x10
        public static let generator: Int32 = 0x20
        public static let noFree: Int32 = 0x40
        public static let coroutine: Int32 = 0x80
        public static let iterableCoroutine: Int32 = 0x100
        public static let asyncGenerator: Int32 = 0x200
    }

    private func localNames(_ kind: UInt8) -> [PyString] {
        var out: [PyString] = []
        for (i, k) in localsPlusKinds.enumerated() where k & kind != 0 && i < localsPlusNames.count {
            out.append(localsPlusNames[i])
        }
        return out
    }

    /// `co_varnames`
    public var varnames: [PyString] { localNames(LocalKind.local) }
    /// `co_cellvars`
    public var cellvars: [PyString] { localNames(LocalKind.cell) }
    /// `co_freevars`
    public var freevars: [PyString] { localNames(LocalKind.free) }
    /// `co_nlocals`
    public var nlocals: Int { localsPlusKinds.reduce(0) { $0 + ($1 & LocalKind.local != 0 ? 1 : 0) } }

    /// `co_lines()`: (start, end, line) byte-offset ranges; line nil where the code has no line.
    public func lines() -> [(start: Int, end: Int, line: Int?)] {
        LocationTable.lines(lineTable, firstLineNumber: Int(firstLineNumber))
    }

    /// `co_positions()`: one position per code unit the line table covers (CACHE units included).
    public func positions() -> [SourcePosition] {
        LocationTable.positions(lineTable, firstLineNumber: Int(firstLineNumber))
    }

    /// `co_lnotab` (deprecated in 3.11; computed from the line table).
    public var lnotab: [UInt8] { LocationTable.lnotab(lineTable, firstLineNumber: Int(firstLineNumber)) }

    /// `repr(code)`: `<code object NAME at 0x…, file "FILE", line N>`.
    public var repr: String {
        "<code object \(name.swiftString) at \(address), file \"\(filename.swiftString)\", line \(firstLineNumber)>"
    }

    /// The object's address as `%p` prints it (stands in for CPython's `id()`).
    public var address: String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16)
    }

    /// Code objects nested in `consts`, in order (as `dis` recurses into them).
    public var nestedCode: [CodeObject] {
        consts.compactMap { if case .code(let c) = $0 { return c } else { return nil } }
    }
}

extension CodeObject: Equatable {
    /// Field-by-field equality (CPython's code_richcompare compares the same fields; constants compare by kind and
    /// value, floats by bit pattern).
    public static func == (a: CodeObject, b: CodeObject) -> Bool {
        if a === b { return true }
        return a.argCount == b.argCount && a.posOnlyArgCount == b.posOnlyArgCount
            && a.kwOnlyArgCount == b.kwOnlyArgCount && a.stackSize == b.stackSize && a.flags == b.flags
            && a.code == b.code && a.consts == b.consts && a.names == b.names
            && a.localsPlusNames == b.localsPlusNames && a.localsPlusKinds == b.localsPlusKinds
            && a.filename == b.filename && a.name == b.name && a.qualname == b.qualname
            && a.firstLineNumber == b.firstLineNumber && a.lineTable == b.lineTable
            && a.exceptionTable == b.exceptionTable
    }
}
