/// A source span: `dis.Positions` (lineno, end_lineno, col_offset, end_col_offset); nil where unknown.
public struct SourcePosition: Equatable, Hashable, Sendable {
    public var line: Int?
    public var endLine: Int?
    public var column: Int?
    public var endColumn: Int?

    public init(line: Int?, endLine: Int?, column: Int?, endColumn: Int?) {
        self.line = line
        self.endLine = endLine
        self.column = column
        self.endColumn = endColumn
    }

    /// No location at all (`PY_CODE_LOCATION_INFO_NONE`).
    public static let none = SourcePosition(line: nil, endLine: nil, column: nil, endColumn: nil)
}

/// `co_linetable`, the PEP 626/657 location table of CPython 3.11 (Objects/locations.md).
///
/// A sequence of entries, each covering 1-8 code units. The first byte of an entry has bit 7 set, the code
/// `(b >> 3) & 15` and the length in code units `(b & 7) + 1`:
///   0-9   short form: same line; one more byte: column = code*8 + (b2 >> 4), end column = column + (b2 & 15)
///   10-12 one-line form: line delta code-10; column and end column as one byte each
///   13    no columns: line delta (signed varint)
///   14    long form: line delta (signed varint), end line delta, column+1, end column+1 (varints)
///   15    no location
/// Varints here are little-endian 6-bit groups with 0x40 as continuation bit; signed ones keep the sign in bit 0.
public enum LocationTable {
    public static let shortForm0 = 0
    public static let oneLine0 = 10
    public static let noColumns = 13
    public static let longForm = 14
    public static let noLocation = 15

    /// One run of code units sharing a location, as the compiler emits them.
    public struct Entry: Equatable, Sendable {
        public var codeUnits: Int
        public var position: SourcePosition
        public init(codeUnits: Int, position: SourcePosition) {
            self.codeUnits = codeUnits
            self.position = position
        }
    }

    // MARK: Decoding

    /// A cursor over the table mirroring CPython's PyCodeAddressRange; reads past the end yield 0 so malformed
    /// tables never trap.
    struct Cursor {
        let table: [UInt8]
        var next = 0
        var computedLine: Int
        var start = -1
        var end = 0
        var line = -1

        init(_ table: [UInt8], firstLineNumber: Int) {
            self.table = table
            computedLine = firstLineNumber
        }

        var atEnd: Bool { next >= table.count }

        /// C `int` arithmetic of CPython's computed line.
        func wrap(_ v: Int) -> Int { Int(Int32(truncatingIfNeeded: v)) }

        mutating func readByte() -> Int {
            guard next < table.count else { next += 1; return 0 }
            defer { next += 1 }
            return Int(table[next])
        }

        /// CPython reads varints into a C `unsigned int`; so does this (bits beyond 32 are dropped), which keeps
        /// line numbers of malformed tables within 32 bits as in CPython.
        mutating func readVarint() -> Int {
            var read = readByte()
            var value = UInt32(read & 63)
            var shift: UInt32 = 0
            while read & 64 != 0 {
                read = readByte()
                shift += 6
                if shift < 32 { value |= UInt32(read & 63) << shift }
                if next > table.count { break }
            }
            return Int(value)
        }

        mutating func readSignedVarint() -> Int {
            let u = UInt32(readVarint())
            return u & 1 != 0 ? -Int(Int32(bitPattern: u >> 1)) : Int(u >> 1)
        }

        /// CPython: advance (used by co_lines): line only.
        mutating func advance() {
            let first = Int(table[next])
            let code = (first >> 3) & 15
            var probe = self
            probe.next += 1
            switch code {
            case LocationTable.noColumns, LocationTable.longForm: computedLine = wrap(computedLine + probe.readSignedVarint())
            case 11: computedLine += 1
            case 12: computedLine += 2
            default: break
            }
            line = (first >> 3) == 0x1f ? -1 : computedLine
            start = end
            end += ((first & 7) + 1) * 2
            repeat { next += 1 } while next < table.count && table[next] & 128 == 0
        }

        /// CPython: advance_with_locations (used by co_positions).
        mutating func advanceWithLocations() -> SourcePosition {
            let first = readByte()
            let code = (first >> 3) & 15
            start = end
            end = start + ((first & 7) + 1) * 2
            var endLine = -1, column = -1, endColumn = -1
            switch code {
            case LocationTable.noLocation:
                line = -1
            case LocationTable.longForm:
                computedLine = wrap(computedLine + readSignedVarint())
                line = computedLine
                endLine = wrap(line + readVarint())
                column = readVarint() - 1
                endColumn = readVarint() - 1
            case LocationTable.noColumns:
                computedLine = wrap(computedLine + readSignedVarint())
                line = computedLine
                endLine = line
            case 10, 11, 12:
                computedLine += code - 10
                line = computedLine
                endLine = line
                column = readByte()
                endColumn = readByte()
            default:
                let second = readByte()
                line = computedLine
                endLine = line
                column = code << 3 | (second >> 4)
                endColumn = column + (second & 15)
            }
            func opt(_ v: Int) -> Int? { v == -1 ? nil : v }
            return SourcePosition(line: opt(line), endLine: opt(endLine), column: opt(column), endColumn: opt(endColumn))
        }
    }

    /// `code.co_lines()`. CPython: lineiter_next / _PyLineTable_NextAddressRange
    public static func lines(_ table: [UInt8], firstLineNumber: Int) -> [(start: Int, end: Int, line: Int?)] {
        var cursor = Cursor(table, firstLineNumber: firstLineNumber)
        var out: [(start: Int, end: Int, line: Int?)] = []
        while !cursor.atEnd {
            cursor.advance()
            out.append((cursor.start, cursor.end, cursor.line < 0 ? nil : cursor.line))
        }
        return out
    }

    /// `dis.findlinestarts`: (offset, line) where a new line starts.
    public static func lineStarts(_ table: [UInt8], firstLineNumber: Int) -> [(offset: Int, line: Int)] {
        var out: [(offset: Int, line: Int)] = []
        var last: Int? = nil
        for (start, _, line) in lines(table, firstLineNumber: firstLineNumber) {
            if let line = line, line != last {
                last = line
                out.append((start, line))
            }
        }
        return out
    }

    /// `code.co_positions()`: one position per code unit covered by the table. CPython: positionsiter_next
    public static func positions(_ table: [UInt8], firstLineNumber: Int) -> [SourcePosition] {
        var cursor = Cursor(table, firstLineNumber: firstLineNumber)
        var out: [SourcePosition] = []
        var offset = 0
        var current = SourcePosition.none
        while true {
            if offset >= cursor.end {
                if cursor.atEnd { break }
                current = cursor.advanceWithLocations()
            }
            offset += 2
            out.append(current)
        }
        return out
    }

    /// The table's entries as written: code-unit runs with their positions.
    public static func entries(_ table: [UInt8], firstLineNumber: Int) -> [Entry] {
        var cursor = Cursor(table, firstLineNumber: firstLineNumber)
        var out: [Entry] = []
        while !cursor.atEnd {
            let position = cursor.advanceWithLocations()
            out.append(Entry(codeUnits: (cursor.end - cursor.start) / 2, position: position))
        }
        return out
    }

    /// `code.co_lnotab`. CPython: decode_linetable / emit_delta
    public static func lnotab(_ table: [UInt8], firstLineNumber: Int) -> [UInt8] {
        var out: [UInt8] = []
        var codeOffset = 0
        var line = firstLineNumber
        func pair(_ a: Int, _ b: Int) {
            out.append(UInt8(truncatingIfNeeded: a))
            out.append(UInt8(truncatingIfNeeded: b))
        }
        var cursor = Cursor(table, firstLineNumber: firstLineNumber)
        while !cursor.atEnd {
            cursor.advance()
            if cursor.computedLine != line {
                var bdelta = cursor.start - codeOffset
                var ldelta = cursor.computedLine - line
                while bdelta > 255 { pair(255, 0); bdelta -= 255 }
                while ldelta > 127 { pair(bdelta, 127); bdelta = 0; ldelta -= 127 }
                while ldelta < -128 { pair(bdelta, -128); bdelta = 0; ldelta += 128 }
                pair(bdelta, ldelta)
                codeOffset = cursor.start
                line = cursor.computedLine
            }
        }
        return out
    }

    // MARK: Encoding

    /// Encodes runs of code units with their positions, choosing the shortest form for each like CPython's
    /// assembler; runs longer than 8 code units are split. CPython 3.11 writes one run per instruction (its
    /// EXTENDED_ARG prefixes and CACHE entries included) without merging equal neighbours, so the compiler
    /// passes one entry per instruction. CPython: write_location_info_entries
    public static func encode(_ entries: [Entry], firstLineNumber: Int) -> [UInt8] {
        var out: [UInt8] = []
        // Most entries take one or two bytes.
        out.reserveCapacity(2 * entries.count + 16)
        var lastLine = firstLineNumber
        for entry in entries {
            var remaining = entry.codeUnits
            while remaining > 8 {
                writeEntry(&out, entry.position, length: 8, lastLine: &lastLine)
                remaining -= 8
            }
            if remaining > 0 { writeEntry(&out, entry.position, length: remaining, lastLine: &lastLine) }
        }
        return out
    }

    static func writeFirstByte(_ out: inout [UInt8], _ code: Int, _ length: Int) {
        out.append(UInt8(128 | (code << 3) | (length - 1)))
    }

    static func writeVarint(_ out: inout [UInt8], _ value: Int) {
        var v = UInt(bitPattern: value)
        while v >= 64 {
            out.append(UInt8(64 | (v & 63)))
            v >>= 6
        }
        out.append(UInt8(v))
    }

    static func writeSignedVarint(_ out: inout [UInt8], _ value: Int) {
        writeVarint(&out, value < 0 ? ((-value) << 1) | 1 : value << 1)
    }

    // CPython: write_location_info_entry
    static func writeEntry(_ out: inout [UInt8], _ p: SourcePosition, length: Int, lastLine: inout Int) {
        guard let line = p.line, line >= 0 else {
            writeFirstByte(&out, noLocation, length)
            return
        }
        let lineDelta = line - lastLine
        let column = p.column ?? -1
        let endColumn = p.endColumn ?? -1
        let endLine = p.endLine ?? -1
        if column < 0 || endColumn < 0 {
            if endLine == line || endLine == -1 {
                writeFirstByte(&out, noColumns, length)
                writeSignedVarint(&out, lineDelta)
                lastLine = line
                return
            }
        } else if endLine == line {
            if lineDelta == 0 && column < 80 && endColumn - column < 16 && endColumn >= column {
                writeFirstByte(&out, shortForm0 + (column >> 3), length)
                out.append(UInt8(((column & 7) << 4) | (endColumn - column)))
                return
            }
            if lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128 {
                writeFirstByte(&out, oneLine0 + lineDelta, length)
                out.append(UInt8(column))
                out.append(UInt8(endColumn))
                lastLine = line
                return
            }
        }
        writeFirstByte(&out, longForm, length)
        writeSignedVarint(&out, lineDelta)
        writeVarint(&out, endLine - line)
        writeVarint(&out, column + 1)
        writeVarint(&out, endColumn + 1)
        lastLine = line
    }
}
