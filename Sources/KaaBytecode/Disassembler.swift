import KaaCore

/// One decoded instruction, as `dis.get_instructions` yields it.
public struct DisInstruction: Equatable {
    public var opname: String
    public var opcode: UInt8
    /// The full oparg (EXTENDED_ARG prefixes applied), nil for opcodes without argument.
    public var arg: Int?
    public var argrepr: String
    public var offset: Int
    public var startsLine: Int?
    public var isJumpTarget: Bool
}

/// Text identical to CPython 3.11's `dis.dis(code)` (Lib/dis.py).
public struct Disassembler {
    public var showCaches = false
    /// Show specialized opcodes as they are in the code; otherwise the code is shown as `co_code` (deoptimized).
    public var adaptive = false
    /// How deep to recurse into nested code objects; nil = all the way.
    public var depth: Int? = nil
    /// Replaces code objects' addresses in `<code object … at 0x…>` (the conformance check masks them).
    public var addressOf: ((CodeObject) -> String)? = nil

    public init(showCaches: Bool = false, adaptive: Bool = false, depth: Int? = nil) {
        self.showCaches = showCaches
        self.adaptive = adaptive
        self.depth = depth
    }

    static let formatValueConverters = ["", "str", "repr", "ascii"]
    static let makeFunctionFlags = ["defaults", "kwdefaults", "annotations", "closure"]

    /// `dis.dis(code)`: the code, then each nested code object ("Disassembly of <code object …>:").
    /// Throws the IndexError CPython's dis raises for an oparg that indexes past a table.
    public func dis(_ co: CodeObject) throws -> String {
        var out = ""
        try disassembleRecursive(co, depth: depth, into: &out)
        return out
    }

    // CPython: _disassemble_recursive
    func disassembleRecursive(_ co: CodeObject, depth: Int?, into out: inout String) throws {
        try disassemble(co, into: &out)
        if depth == nil || depth! > 0 {
            let next = depth.map { $0 - 1 }
            for case .code(let inner) in co.consts {
                out += "\nDisassembly of \(repr(inner)):\n"
                try disassembleRecursive(inner, depth: next, into: &out)
            }
        }
    }

    func repr(_ co: CodeObject) -> String {
        guard let addressOf = addressOf else { return co.repr }
        return "<code object \(co.name.swiftString) at \(addressOf(co)), file \"\(co.filename.swiftString)\", line \(co.firstLineNumber)>"
    }

    func constRepr(_ c: BytecodeConstant) -> String {
        guard addressOf != nil else { return c.repr }
        if case .code(let co) = c { return repr(co) }
        // Code objects nested in tuples are shown by address as well.
        var out = ""
        switch c {
        case .tuple(let items):
            out = "(" + items.map(constRepr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        default: out = c.repr
        }
        return out
    }

    /// The code array `dis` reads: `co_code` deoptimized (specialized opcodes → base, caches zeroed) unless adaptive.
    func codeArray(_ co: CodeObject) -> [UInt8] {
        if adaptive { return co.code }
        var code = co.code
        var i = 0
        var caches = 0
        while i + 1 < code.count {
            if caches > 0 {
                code[i] = 0; code[i + 1] = 0
                caches -= 1
            } else {
                let deop = Opcode.deoptimized[Int(code[i])]
                code[i] = deop
                caches = Int(Opcode.inlineCacheEntries[Int(deop)])
            }
            i += 2
        }
        return code
    }

    /// `dis._unpack_opargs`: (offset, opcode, oparg) skipping CACHE entries.
    public static func unpackOpargs(_ code: [UInt8]) -> [(offset: Int, op: UInt8, arg: Int?)] {
        var out: [(offset: Int, op: UInt8, arg: Int?)] = []
        out.reserveCapacity(code.count / 2)
        var extended = 0
        var caches = 0
        var i = 0
        while i + 1 < code.count {
            defer { i += 2 }
            if caches > 0 { caches -= 1; continue }
            let op = code[i]
            let deop = Opcode.deoptimized[Int(op)]
            caches = Int(Opcode.inlineCacheEntries[Int(deop)])
            if deop >= Opcode.HAVE_ARGUMENT {
                let arg = Int(code[i + 1]) | extended
                extended = deop == Opcode.EXTENDED_ARG ? arg &<< 8 : 0
                if extended >= 1 << 31 { extended -= 1 << 32 }
                out.append((i, op, arg))
            } else {
                extended = 0
                out.append((i, op, nil))
            }
        }
        return out
    }

    /// `dis.findlabels`: jump targets, in order of first appearance.
    public static func findLabels(_ code: [UInt8]) -> [Int] {
        var labels: [Int] = []
        var seen = Set<Int>()
        for (offset, op, arg) in unpackOpargs(code) {
            guard var arg = arg else { continue }
            let kind = Opcode.kinds[Int(op)]
            guard kind.contains(.jrel) else { continue }
            if kind.contains(.backward) { arg = -arg }
            let label = offset + 2 + arg * 2
            if seen.insert(label).inserted { labels.append(label) }
        }
        return labels
    }

    /// Python's `seq[i]` (negative indices count from the end); IndexError otherwise.
    static func pyIndex<T>(_ items: [T], _ i: Int, _ what: String = "tuple") throws -> T {
        let j = i < 0 ? i + items.count : i
        guard j >= 0 && j < items.count else { throw BytecodeError("IndexError", "\(what) index out of range") }
        return items[j]
    }

    /// Floor division by 2, as Python's `arg // 2`.
    static func floorHalf(_ v: Int) -> Int { v >> 1 }

    /// `dis.get_instructions` over a code object (CACHE entries included when `showCaches`).
    public func instructions(_ co: CodeObject) throws -> [DisInstruction] {
        let code = codeArray(co)
        var linestarts: [Int: Int] = [:]
        for (offset, line) in LocationTable.lineStarts(co.lineTable, firstLineNumber: Int(co.firstLineNumber)) {
            linestarts[offset] = line
        }
        var labels = Set(Self.findLabels(code))
        for e in ExceptionTable.decode(co.exceptionTable) where e.start < e.end { labels.insert(e.target) }
        var out: [DisInstruction] = []
        out.reserveCapacity(code.count / 2)
        for (offset, op, arg) in Self.unpackOpargs(code) {
            let deop = Opcode.deoptimized[Int(op)]
            var argrepr = ""
            if let arg = arg {
                let kind = Opcode.kinds[Int(deop)]
                if kind.contains(.const) {
                    if deop == Opcode.LOAD_CONST { argrepr = constRepr(try Self.pyIndex(co.consts, arg)) }
                } else if kind.contains(.name) {
                    if deop == Opcode.LOAD_GLOBAL {
                        argrepr = try Self.pyIndex(co.names, Self.floorHalf(arg)).swiftStringLossless
                        if arg & 1 != 0 && !argrepr.isEmpty { argrepr = "NULL + " + argrepr }
                    } else {
                        argrepr = try Self.pyIndex(co.names, arg).swiftStringLossless
                    }
                } else if kind.contains(.jrel) {
                    let signed = kind.contains(.backward) ? -arg : arg
                    argrepr = "to \(offset + 2 + signed * 2)"
                } else if kind.contains(.local) || kind.contains(.free) {
                    // code._varname_from_oparg: PyTuple_GetItem, no negative indexing.
                    guard arg >= 0 && arg < co.localsPlusNames.count else {
                        throw BytecodeError("IndexError", "tuple index out of range")
                    }
                    argrepr = co.localsPlusNames[arg].swiftStringLossless
                } else if kind.contains(.compare) {
                    argrepr = try Self.pyIndex(Opcode.comparisonOperators, arg)
                } else if deop == Opcode.FORMAT_VALUE {
                    argrepr = Self.formatValueConverters[arg & 3]
                    if arg & 4 != 0 {
                        if !argrepr.isEmpty { argrepr += ", " }
                        argrepr += "with format"
                    }
                } else if deop == Opcode.MAKE_FUNCTION {
                    argrepr = Self.makeFunctionFlags.enumerated().filter { arg & (1 << $0.offset) != 0 }
                        .map(\.element).joined(separator: ", ")
                } else if deop == Opcode.BINARY_OP {
                    argrepr = try Self.pyIndex(Opcode.binaryOperators, arg, "list").symbol
                }
            }
            out.append(DisInstruction(opname: Opcode.names[Int(op)], opcode: op, arg: arg, argrepr: argrepr,
                                      offset: offset, startsLine: linestarts[offset],
                                      isJumpTarget: labels.contains(offset)))
            guard showCaches, let format = Opcode.cacheFormat[deop] else { continue }
            var cacheOffset = offset
            for (name, size) in format {
                for i in 0..<size {
                    cacheOffset += 2
                    var cacheRepr = ""
                    if i == 0 && op != deop {
                        var value: UInt64 = 0
                        var shift: UInt64 = 0
                        for b in cacheOffset..<min(cacheOffset + 2 * size, code.count) where b >= 0 {
                            value |= UInt64(code[b]) << shift
                            shift += 8
                        }
                        cacheRepr = "\(name): \(value)"
                    }
                    out.append(DisInstruction(opname: "CACHE", opcode: Opcode.CACHE, arg: 0, argrepr: cacheRepr,
                                              offset: cacheOffset, startsLine: nil, isJumpTarget: false))
                }
            }
        }
        return out
    }

    /// `dis.disassemble(code)` for one code object (no recursion). CPython: _disassemble_bytes
    public func disassemble(_ co: CodeObject, into out: inout String) throws {
        let lineStarts = LocationTable.lineStarts(co.lineTable, firstLineNumber: Int(co.firstLineNumber))
        let showLineno = !lineStarts.isEmpty
        var linenoWidth = 0
        if showLineno {
            let maxLine = lineStarts.map(\.line).max()!
            linenoWidth = maxLine >= 1000 ? String(maxLine).count : 3
        }
        let maxOffset = co.code.count - 2
        let offsetWidth = maxOffset >= 10000 ? String(maxOffset).count : 4
        let exceptionEntries = ExceptionTable.decode(co.exceptionTable)
        for instr in try instructions(co) {
            if showLineno && instr.startsLine != nil && instr.offset > 0 { out += "\n" }
            var line = ""
            if linenoWidth > 0 {
                line += Self.rjust(instr.startsLine.map { String($0) } ?? "", linenoWidth)
                line += " "
            }
            line += "   "
            line += instr.isJumpTarget ? " >> " : "    "
            line += Self.rjust(String(instr.offset), offsetWidth)
            line += " "
            line += Self.ljust(instr.opname, 20)
            if let arg = instr.arg {
                line += " " + Self.rjust(String(arg), 5)
                if !instr.argrepr.isEmpty { line += " (" + instr.argrepr + ")" }
            }
            // ' '.join(fields).rstrip()
            while let last = line.unicodeScalars.last, Self.isPythonWhitespace(last) {
                line.unicodeScalars.removeLast()
            }
            out += line
            out += "\n"
        }
        if !exceptionEntries.isEmpty {
            out += "ExceptionTable:\n"
            for e in exceptionEntries {
                out += "  \(e.start) to \(e.end - 2) -> \(e.target) [\(e.depth)]\(e.lasti ? " lasti" : "")\n"
            }
        }
    }

    static func isPythonWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default: return false
        }
    }

    static func rjust(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        return n >= width ? s : String(repeating: " ", count: width - n) + s
    }

    static func ljust(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        return n >= width ? s : s + String(repeating: " ", count: width - n)
    }
}

extension PyString {
    /// The text for output; lone surrogates are kept as-is by callers that write bytes (see `DisModule`), here they
    /// become U+FFFD.
    var swiftStringLossless: String { swiftString }
}
