import XCTest
import KaaCore
@testable import KaaSyntax

/// Differential tests of the expression half of the parser: each case of ParserExpressionCases.swift (made by
/// scripts/gen-parser-expr-tests.py with python3) is parsed and compared with CPython's AST dump or SyntaxError.
final class ParserExpressionTests: XCTestCase {
    static func outcome(_ source: String) -> String {
        // Deep trees are dumped (and freed) on a large stack too.
        withLargeStack { outcomeOnThisStack(source) }
    }

    static func outcomeOnThisStack(_ source: String) -> String {
        do {
            let mod = try parseSource(Array(source.utf8), filename: "<unknown>", mode: .file, inputMode: .string)
            return "ok|" + ASTDump.format(mod.dumpValue, includeAttributes: true)
        } catch let e as SyntaxErrorInfo {
            func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
            return "err|\(e.kind.rawValue)|\(e.message)|\(s(e.lineno))|\(s(e.offset))|\(s(e.endLineno))|\(s(e.endOffset))"
        } catch {
            return "err|\(error)"
        }
    }

    func testExpressionCases() {
        var failures: [String] = []
        for (source, expected) in parserExpressionCases {
            let got = Self.outcome(source)
            if got != expected {
                failures.append("\(source.debugDescription)\n  expected: \(expected)\n  got:      \(got)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(parserExpressionCases.count) cases differ:\n"
                  + failures.joined(separator: "\n"))
    }

    /// Development aid: KAA_PARSE_SNIPPET=source prints what the parser gives for it.
    func testSnippetFromEnvironment() throws {
        guard let src = ProcessInfo.processInfo.environment["KAA_PARSE_SNIPPET"] else {
            throw XCTSkip("KAA_PARSE_SNIPPET not set")
        }
        print("SNIPPET:", Self.outcome(src))
    }
}
