import XCTest
import Foundation
import KaaSyntax
@testable import KaaCompiler

/// The syntax-error goldens of the front half of the compiler, tests/syntax_errors/symtable_*.py (expected stderr of
/// `python3 NAME.py` in NAME.err): each file goes through the parser, the future features and the symbol table, and
/// the error must have the golden's line, source text and final `SyntaxError: message` line. (The caret line is the
/// CLI's rendering, checked where the CLI runs the goldens.)
final class SymtableGoldenTests: XCTestCase {
    func testGoldens() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dir = root.appendingPathComponent("tests/syntax_errors")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("symtable_") && $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let source = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
            let golden = try String(contentsOf: dir.appendingPathComponent(name.dropLast(3) + ".err"), encoding: .utf8)
            let lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0) + "\n" }
            var got = ""
            do {
                let mod = try parseSource(source, filename: name, mode: .file)
                let future = try FutureFeatures.parse(mod, filename: name, sourceLines: lines)
                _ = try SymbolTable.build(module: mod, filename: name, future: future, sourceLines: lines)
                got = "no error"
            } catch let e as SyntaxErrorInfo {
                let text = (e.text ?? "").drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
                    .trimmingCharacters(in: .newlines)
                got = "  File \"\(e.filename)\", line \(e.lineno ?? 0)\n    \(text)\n\(e.kind.rawValue): \(e.message)"
            }
            let g = golden.split(separator: "\n").map(String.init)
            let expected = g.count >= 4 ? [g[0], g[1], g[g.count - 1]].joined(separator: "\n") : golden
            XCTAssertEqual(got, expected, name)
        }
    }
}
