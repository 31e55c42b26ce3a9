import Foundation
import XCTest
@testable import KaaSyntax

/// `ASTModule.run` against `python3 -m ast` runs recorded in tests/ast_cli/cases.json
/// (scripts/gen_ast_cli_fixtures.py): argparse behaviour, help at several widths, usage errors, and runs that parse.
final class ASTModuleTests: XCTestCase {
    struct Fixture: Decodable {
        var files: [String: String]
        var cases: [Case]
    }
    struct Case: Decodable {
        var args: [String]
        var stdin: String
        var columns: Int
        var stdout: String
        var stderr: String
        var status: Int32
        var parses: Bool
    }

    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    func loadFixture() throws -> Fixture {
        let path = Self.repoRoot + "/tests/ast_cli/cases.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XCTSkip("missing \(path)")
        }
        return try JSONDecoder().decode(Fixture.self, from: data)
    }

    /// The scratch folder the fixture was made in: its files, a folder `d`, nothing else.
    func io(_ fixture: Fixture, _ c: Case) -> ASTModule.IO {
        let files = fixture.files
        return ASTModule.IO(
            readStdin: { Array(c.stdin.utf8) },
            readFile: { name in
                if let text = files[name] { return .success(Array(text.utf8)) }
                if name == "d" { return .failure(.init(code: 21, message: "Is a directory")) }
                return .failure(.init(code: 2, message: "No such file or directory"))
            },
            columns: { c.columns })
    }

    func check(parsing: Bool) throws {
        let fixture = try loadFixture()
        let cases = fixture.cases.filter { $0.parses == parsing }
        XCTAssertGreaterThan(cases.count, 10)
        for c in cases {
            let got = ASTModule.run(c.args, io: io(fixture, c))
            let label = "python -m ast \(c.args) (COLUMNS=\(c.columns))"
            XCTAssertEqual(got.status, c.status, "\(label): exit status")
            XCTAssertEqual(got.stdout, c.stdout, "\(label): stdout")
            XCTAssertEqual(got.stderr, c.stderr, "\(label): stderr")
        }
    }

    func testArgumentHandling() throws { try check(parsing: false) }

    /// Needs the parser (branch pstmt); fails with the parse shim.
    func testRunsThatParse() throws { try check(parsing: true) }

    /// scripts/conformance-ast's batch mode, against its Python loop (tests/ast_cli/batch.json).
    func testBatchEntries() throws {
        struct Entry: Decodable { var name: String; var source: String; var expected: String }
        let path = Self.repoRoot + "/tests/ast_cli/batch.json"
        guard let data = FileManager.default.contents(atPath: path) else { return XCTFail("missing \(path)") }
        let entries = try JSONDecoder().decode([Entry].self, from: data)
        XCTAssertGreaterThan(entries.count, 5)
        var files: [String: [UInt8]] = [:]
        for e in entries { files[e.name] = Array(e.source.utf8) }
        let io = ASTModule.IO(readStdin: { [] }, readFile: { name in
            files[name].map { .success($0) } ?? .failure(.init(code: 2, message: "No such file or directory"))
        })
        for e in entries {
            let got = ASTModule.batchEntry(path: e.name, io: io)
            if got != e.expected { XCTFail("batch \(e.name): " + Golden.diff(want: e.expected, got: got)) }
        }
        XCTAssertEqual(ASTModule.batchEntry(path: "missing.py", io: io),
                       "!FileNotFoundError: [Errno 2] No such file or directory: 'missing.py'\n")
    }

    func testPythonInt() {
        XCTAssertEqual(ASTModule.pythonInt(" 12 ")?.value, 12)
        XCTAssertEqual(ASTModule.pythonInt("-1_000")?.value, -1000)
        XCTAssertEqual(ASTModule.pythonInt("\u{663}")?.value, 3)
        XCTAssertNil(ASTModule.pythonInt("1__0"))
        XCTAssertNil(ASTModule.pythonInt("_1"))
        XCTAssertNil(ASTModule.pythonInt("1_"))
        XCTAssertNil(ASTModule.pythonInt(""))
        XCTAssertNil(ASTModule.pythonInt("+"))
        XCTAssertNotNil(ASTModule.pythonInt("99999999999999999999999"))
        XCTAssertNil(ASTModule.pythonInt("99999999999999999999999")!.value)
    }
}
