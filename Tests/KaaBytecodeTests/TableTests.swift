import XCTest
@testable import KaaBytecode

/// Location and exception tables of real CPython code objects (fixtures/tables.txt): decoding gives what CPython
/// derives (co_lines, co_positions, co_lnotab, dis's exception entries) and encoding the decoded entries gives the
/// same bytes back.
final class TableTests: XCTestCase {
    struct Case {
        var name: String, firstLine: Int, codeLength: Int, lineTable: [UInt8], exceptionTable: [UInt8]
        var lines = "", positions = "", lnotab = "", exceptions = ""
    }

    func cases() throws -> [Case] {
        var out: [Case] = []
        for line in try Fixtures.lines("fixtures/tables.txt") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let rest = parts.count > 1 ? String(parts[1]) : ""
            switch parts[0] {
            case "CODE":
                let f = rest.split(separator: " ")
                out.append(Case(name: String(f[0]), firstLine: Int(f[1])!, codeLength: Int(f[2])!,
                                lineTable: Fixtures.hex(f[3]), exceptionTable: Fixtures.hex(f[4])))
            case "LINES": out[out.count - 1].lines = rest
            case "POSITIONS": out[out.count - 1].positions = rest
            case "LNOTAB": out[out.count - 1].lnotab = rest
            case "EXCEPTIONS": out[out.count - 1].exceptions = rest
            default: XCTFail("bad fixture line \(line)")
            }
        }
        return out
    }

    func n(_ v: Int?) -> String { v.map(String.init) ?? "N" }

    func testLocationTablesDecodeLikeCPython() throws {
        let all = try cases()
        XCTAssertGreaterThan(all.count, 100)
        for c in all {
            let lines = LocationTable.lines(c.lineTable, firstLineNumber: c.firstLine)
            XCTAssertEqual(lines.map { "\($0.start),\($0.end),\(n($0.line))" }.joined(separator: ";"), c.lines, c.name)
            let positions = LocationTable.positions(c.lineTable, firstLineNumber: c.firstLine)
            XCTAssertEqual(positions.map { "\(n($0.line)),\(n($0.endLine)),\(n($0.column)),\(n($0.endColumn))" }
                .joined(separator: ";"), c.positions, c.name)
            let lnotab = LocationTable.lnotab(c.lineTable, firstLineNumber: c.firstLine)
            XCTAssertEqual(lnotab.isEmpty ? "-" : Fixtures.hexString(lnotab), c.lnotab, c.name)
        }
    }

    func testLocationTablesReencodeByteIdentical() throws {
        for c in try cases() {
            let entries = LocationTable.entries(c.lineTable, firstLineNumber: c.firstLine)
            XCTAssertEqual(entries.reduce(0) { $0 + $1.codeUnits } * 2, c.codeLength, c.name)
            XCTAssertEqual(LocationTable.encode(entries, firstLineNumber: c.firstLine), c.lineTable, c.name)
        }
    }

    func testExceptionTablesDecodeAndReencode() throws {
        var nonEmpty = 0
        for c in try cases() {
            let entries = ExceptionTable.decode(c.exceptionTable)
            XCTAssertEqual(entries.map { "\($0.start),\($0.end),\($0.target),\($0.depth),\($0.lasti ? 1 : 0)" }
                .joined(separator: ";"), c.exceptions, c.name)
            XCTAssertEqual(ExceptionTable.encode(entries), c.exceptionTable, c.name)
            if !entries.isEmpty { nonEmpty += 1 }
        }
        XCTAssertGreaterThan(nonEmpty, 20)
    }

    /// Each entry form: short, one-line (deltas 0-2), no-column, long, no-location, and runs longer than 8 units.
    func testEncoderForms() {
        let p = { (l: Int?, el: Int?, c: Int?, ec: Int?) in SourcePosition(line: l, endLine: el, column: c, endColumn: ec) }
        let entries: [LocationTable.Entry] = [
            .init(codeUnits: 1, position: p(1, 1, 3, 9)),        // short form (code 0)
            .init(codeUnits: 2, position: p(1, 1, 75, 79)),      // short form (code 9)
            .init(codeUnits: 1, position: p(3, 3, 100, 120)),    // one-line, delta 2
            .init(codeUnits: 1, position: p(3, 3, 0, 40)),       // one-line, delta 0 (span ≥ 16)
            .init(codeUnits: 3, position: p(2, 2, nil, nil)),    // no columns, delta -1
            .init(codeUnits: 20, position: p(500, 502, 4, 200)), // long form, split 8+8+4
            .init(codeUnits: 1, position: .none),                // no location
        ]
        let table = LocationTable.encode(entries, firstLineNumber: 1)
        // Entry starts are the bytes with bit 7 set; their codes name the forms chosen.
        let codes = table.filter { $0 & 0x80 != 0 }.map { Int(($0 >> 3) & 15) }
        XCTAssertEqual(codes, [0, 9, 12, 10, 13, 14, 14, 14, 15])
        let lengths = table.filter { $0 & 0x80 != 0 }.map { Int($0 & 7) + 1 }
        XCTAssertEqual(lengths, [1, 2, 1, 1, 3, 8, 8, 4, 1])
        let decoded = LocationTable.entries(table, firstLineNumber: 1)
        XCTAssertEqual(decoded.count, 9)
        XCTAssertEqual(decoded[5].position, p(500, 502, 4, 200))
        XCTAssertEqual(decoded[8].position, .none)
        XCTAssertEqual(LocationTable.encode(decoded, firstLineNumber: 1), table)
    }

    func testExceptionTableVarints() {
        let e = [ExceptionTable.Entry(start: 0, end: 2 * 5000, target: 2 * 70000, depth: 3, lasti: true)]
        let bytes = ExceptionTable.encode(e)
        XCTAssertEqual(bytes.first! & 0x80, 0x80)
        XCTAssertEqual(ExceptionTable.decode(bytes), e)
        // A truncated last entry is dropped, like dis._parse_exception_table.
        XCTAssertEqual(ExceptionTable.decode(Array(bytes.dropLast())), [])
    }

    /// Malformed tables never trap.
    func testGarbageTables() {
        for seed in 0..<200 {
            var g = SystemRandomNumberGenerator()
            let table = (0..<(seed % 40)).map { _ in UInt8.random(in: 0...255, using: &g) }
            _ = LocationTable.lines(table, firstLineNumber: 1)
            _ = LocationTable.positions(table, firstLineNumber: 1)
            // co_lnotab of a garbage table can legitimately be tens of megabytes (CPython's too): sample it.
            if seed % 20 == 0 { _ = LocationTable.lnotab(table, firstLineNumber: 1) }
            _ = ExceptionTable.decode(table)
        }
    }
}
