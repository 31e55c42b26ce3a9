/// `co_exceptiontable`: CPython 3.11's zero-cost exception handling table (Objects/exception_handling_notes.txt).
///
/// Each entry is four varints — start, length, target (in code units) and `depth << 1 | lasti` — where a varint
/// is big-endian 6-bit groups with 0x40 as continuation bit, and the first byte of an entry carries 0x80.
public enum ExceptionTable {
    /// One handler range, in bytes as `dis` shows it: `start to end-2 -> target [depth] lasti`.
    public struct Entry: Equatable, Sendable {
        public var start: Int
        /// Exclusive end offset in bytes.
        public var end: Int
        public var target: Int
        public var depth: Int
        public var lasti: Bool

        public init(start: Int, end: Int, target: Int, depth: Int, lasti: Bool) {
            self.start = start
            self.end = end
            self.target = target
            self.depth = depth
            self.lasti = lasti
        }
    }

    /// Decodes like `dis._parse_exception_table`: stops at the end of the data, dropping an incomplete last entry.
    public static func decode(_ table: [UInt8]) -> [Entry] {
        var entries: [Entry] = []
        var i = 0
        func varint() -> Int? {
            guard i < table.count else { return nil }
            var b = Int(table[i]); i += 1
            var value = b & 63
            while b & 64 != 0 {
                guard i < table.count else { return nil }
                b = Int(table[i]); i += 1
                value = (value << 6) | (b & 63)
                if value > Int.max >> 7 { return nil }
            }
            return value
        }
        while true {
            guard let start = varint(), let length = varint(), let target = varint(), let dl = varint() else {
                return entries
            }
            entries.append(Entry(start: start * 2, end: (start + length) * 2, target: target * 2, depth: dl >> 1,
                                 lasti: dl & 1 != 0))
        }
    }

    /// Encodes entries (byte offsets, as `decode` returns them) like CPython's assembler.
    /// CPython: assemble_emit_exception_table_entry
    public static func encode(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        for e in entries {
            writeItem(&out, e.start / 2, msb: 0x80)
            writeItem(&out, (e.end - e.start) / 2, msb: 0)
            writeItem(&out, e.target / 2, msb: 0)
            writeItem(&out, (e.depth << 1) | (e.lasti ? 1 : 0), msb: 0)
        }
        return out
    }

    // CPython: assemble_emit_exception_table_item (values below 2**30)
    static func writeItem(_ out: inout [UInt8], _ value: Int, msb: UInt8) {
        var msb = msb
        for shift in stride(from: 24, through: 6, by: -6) where value >= 1 << shift {
            out.append(UInt8((value >> shift) & 0x3f) | 64 | msb)
            msb = 0
        }
        out.append(UInt8(value & 0x3f) | msb)
    }
}
