import XCTest
@testable import KaaCore

/// NFKC against CPython 3.11's unicodedata.normalize('NFKC', ...) (tests/unicode/*.txt, made by
/// scripts/gen_nfkc_tables.py): every code point, and 40,000 sequences that exercise ordering and composition.
final class NFKCTests: XCTestCase {
    /// Lines "HEX HEX...<TAB>HEX HEX..." of a fixture as (input, NFKC).
    func fixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [([UInt32], [UInt32])] {
        let path = ReprTests.repoRoot + "/tests/unicode/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("missing fixture \(path)", file: file, line: line)
            return []
        }
        func codes(_ s: Substring) -> [UInt32] { s.split(separator: " ").map { UInt32($0, radix: 16)! } }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { row in
            if row.hasPrefix("#") { return nil }
            let parts = row.split(separator: "\t")
            return parts.count == 2 ? (codes(parts[0]), codes(parts[1])) : nil
        }
    }

    func hex(_ s: [UInt32]) -> String { s.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ") }

    func testEveryCodePoint() {
        var expected: [UInt32: [UInt32]] = [:]
        for (input, nfkc) in fixture("nfkc_codepoints.txt") { expected[input[0]] = nfkc }
        XCTAssertEqual(expected.count, 4866)
        var checked = 0, failures = 0
        for cp in UInt32(0)...0x10FFFF where !(0xD800...0xDFFF).contains(cp) {
            let want = expected[cp] ?? [cp]
            let got = NFKC.normalize([cp])
            checked += 1
            if got != want {
                failures += 1
                if failures <= 20 { XCTFail("U+\(hex([cp])): got \(hex(got)), want \(hex(want))") }
            }
        }
        XCTAssertEqual(checked, 0x110000 - 0x800)
        XCTAssertEqual(failures, 0)
    }

    func testSequences() {
        let cases = fixture("nfkc_sequences.txt")
        XCTAssertEqual(cases.count, 40000)
        var failures = 0
        for (input, want) in cases {
            let got = NFKC.normalize(input)
            if got != want {
                failures += 1
                if failures <= 20 { XCTFail("\(hex(input)): got \(hex(got)), want \(hex(want))") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testStrings() {
        XCTAssertEqual(NFKC.normalize("abc"), "abc")
        XCTAssertEqual(NFKC.normalize("\u{FB01}x"), "fix")
        XCTAssertEqual(NFKC.normalize("e\u{0301}"), "\u{00E9}")
        XCTAssertEqual(NFKC.normalize("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}")
    }
}
