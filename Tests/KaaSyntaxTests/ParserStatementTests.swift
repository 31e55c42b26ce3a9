import XCTest
@testable import KaaSyntax

/// Differential tests of the statement half of the parser: each case of ParserStatementCases.swift (made by
/// scripts/gen-parser-stmt-tests.py with python3) is parsed and compared with CPython's AST dump or SyntaxError.
final class ParserStatementTests: XCTestCase {
    static func outcome(_ source: String, _ mode: Parser.Mode, _ typeComments: Bool,
                        allowIncompleteInput: Bool = false) -> String {
        do {
            let mod = try parseSource(Array(source.utf8), filename: "<unknown>", mode: mode, typeComments: typeComments,
                                      inputMode: .string, allowIncompleteInput: allowIncompleteInput)
            return "ok|" + ASTDump.format(mod.dumpValue, includeAttributes: true)
        } catch let e as SyntaxErrorInfo {
            func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
            return "err|\(e.kind.rawValue)|\(e.message)|\(s(e.lineno))|\(s(e.offset))|\(s(e.endLineno))|\(s(e.endOffset))"
        } catch {
            return "err|\(error)"
        }
    }

    func testStatementCases() {
        var failures: [String] = []
        for (source, mode, typeComments, expected) in parserStatementCases {
            let got = Self.outcome(source, mode, typeComments)
            if got != expected {
                failures.append("\(source.debugDescription) [\(mode)]\n  expected: \(expected)\n  got:      \(got)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(parserStatementCases.count) cases differ:\n"
                  + failures.joined(separator: "\n"))
    }

    func testIncompleteInputCases() {
        var failures: [String] = []
        for (source, mode, expected) in parserIncompleteInputCases {
            let got = Self.outcome(source, mode, false, allowIncompleteInput: true)
            if got != expected {
                failures.append("\(source.debugDescription) [\(mode)]\n  expected: \(expected)\n  got:      \(got)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(parserIncompleteInputCases.count) cases differ:\n"
                  + failures.joined(separator: "\n"))
    }
}
