import Foundation
import XCTest
@testable import KaaSyntax

/// `SyntaxErrorInfo.formattedForTraceback()` against what CPython 3.11 prints for the same SyntaxError fields
/// (tests/syntax_display/cases.json, made by scripts/gen_syntax_display_fixtures.py).
final class SyntaxErrorDisplayTests: XCTestCase {
    struct Case: Decodable {
        var kind: String
        var message: String
        var filename: String
        var lineno: Int?
        var offset: Int?
        var text: String?
        var endLineno: Int?
        var endOffset: Int?
        var expected: String
    }

    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    func testAgainstCPython() throws {
        let path = Self.repoRoot + "/tests/syntax_display/cases.json"
        guard let data = FileManager.default.contents(atPath: path) else { return XCTFail("missing \(path)") }
        let cases = try JSONDecoder().decode([Case].self, from: data)
        XCTAssertGreaterThan(cases.count, 300)
        var failures = 0
        for c in cases {
            guard let kind = SyntaxErrorInfo.Kind(rawValue: c.kind) else { XCTFail("kind \(c.kind)"); continue }
            let info = SyntaxErrorInfo(kind: kind, message: c.message, filename: c.filename, lineno: c.lineno,
                                       offset: c.offset, endLineno: c.endLineno, endOffset: c.endOffset,
                                       text: c.text)
            let got = info.formattedForTraceback()
            if got != c.expected {
                failures += 1
                if failures <= 15 {
                    XCTFail("\(c.kind) offset \(String(describing: c.offset)) end \(String(describing: c.endLineno)):\(String(describing: c.endOffset)) text \(String(reflecting: c.text))\n--- got\n\(got)--- want\n\(c.expected)")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    // python3 -c 'x = (1,'
    func testStringFilename() {
        let info = SyntaxErrorInfo(message: "'(' was never closed", filename: "<string>", lineno: 1, offset: 5,
                                   endLineno: 1, endOffset: 6, text: "x = (1,")
        XCTAssertEqual(info.formattedForTraceback(),
                       "  File \"<string>\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n")
    }
}
