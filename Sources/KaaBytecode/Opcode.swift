/// CPython 3.11's instruction set: opcode numbers, names and classification (Lib/opcode.py, Lib/dis.py).
///
/// Code is a sequence of 16-bit code units, each an opcode byte followed by an oparg byte. Opcodes from
/// `HAVE_ARGUMENT` on use their oparg; `EXTENDED_ARG` prefixes supply its higher bytes. Some opcodes are followed by
/// inline `CACHE` code units (`inlineCacheEntries`) which the adaptive interpreter fills; jumps are relative in code
/// units, forward or backward by opcode. The numbered constants and tables are in `Opcode+Tables.swift`, generated
/// from CPython itself.
public enum Opcode {
    public static let HAVE_ARGUMENT: UInt8 = 90

    /// Classification bits, one byte per opcode (for base opcodes only, as in opcode.py).
    public struct Kind: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let const = Kind(rawValue: 1)
        public static let name = Kind(rawValue: 2)
        public static let jrel = Kind(rawValue: 4)
        public static let jabs = Kind(rawValue: 8)
        public static let local = Kind(rawValue: 16)
        public static let compare = Kind(rawValue: 32)
        public static let free = Kind(rawValue: 64)
        /// `'JUMP_BACKWARD' in opname[op]`: the relative jump goes backward (dis: `_is_backward_jump`).
        public static let backward = Kind(rawValue: 128)
    }

    public static let kinds: [Kind] = {
        var k = [Kind](repeating: [], count: 256)
        for op in hasConstList { k[Int(op)].insert(.const) }
        for op in hasNameList { k[Int(op)].insert(.name) }
        for op in hasJrelList { k[Int(op)].insert(.jrel) }
        for op in hasJabsList { k[Int(op)].insert(.jabs) }
        for op in hasLocalList { k[Int(op)].insert(.local) }
        for op in hasCompareList { k[Int(op)].insert(.compare) }
        for op in hasFreeList { k[Int(op)].insert(.free) }
        for op in 0..<256 where baseNames[op].contains("JUMP_BACKWARD") { k[op].insert(.backward) }
        return k
    }()

    /// `opcode.opname`: base names only; unused numbers and specialized opcodes read `<N>`.
    public static let baseNames: [String] = {
        var n = names
        for op in 0..<256 where deoptimized[op] != UInt8(op) || n[op].hasPrefix("<") { n[op] = "<\(op)>" }
        // Specialized opcodes deoptimize to another opcode; names of base opcodes are kept.
        return n
    }()

    /// Opcode number by name, base and specialized (`dis._all_opmap`).
    public static let byName: [String: UInt8] = {
        var m: [String: UInt8] = [:]
        for op in 0..<256 where !names[op].hasPrefix("<") { m[names[op]] = UInt8(op) }
        return m
    }()

    @inlinable public static func hasArgument(_ op: UInt8) -> Bool { op >= HAVE_ARGUMENT }
    public static func isSpecialized(_ op: UInt8) -> Bool { deoptimized[Int(op)] != op }
    /// True for numbers that name an opcode (base or specialized).
    public static func isDefined(_ op: UInt8) -> Bool { !names[Int(op)].hasPrefix("<") }
    /// CACHE code units after `op` (looked up through its base opcode).
    public static func caches(_ op: UInt8) -> Int { Int(inlineCacheEntries[Int(deoptimized[Int(op)])]) }
}
