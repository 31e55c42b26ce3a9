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

    /// CPython 3.11 raises MemoryError past MAXSTACK (6000) nested rule calls; each `elif` nests one level, and
    /// python3 gives MemoryError from 5967 `elif`s on (`ast.parse('if x: pass\n' + 'elif x: pass\n' * 5967)`).
    func testDeepElifChainIsMemoryError() {
        func parse(_ n: Int) -> Error? {
            let source = "if x: pass\n" + String(repeating: "elif x: pass\n", count: n)
            do {
                _ = try parseSource(Array(source.utf8), filename: "<unknown>", mode: .file, inputMode: .string)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertNil(parse(5000))
        XCTAssert(parse(6100) is ParserMemoryError, "\(String(describing: parse(6100)))")
    }
}
