import Foundation
import KaaCore
import XCTest
@testable import KaaSyntax

/// A batch mode for comparing the parser with CPython over many files (scripts/compare-parse-batch.py drives it):
/// with KAA_PARSE_LIST=<file of NUL-separated paths> and KAA_PARSE_OUT=<file>, every path is parsed as
/// `ast.parse(open(path, 'rb').read(), path, 'exec', type_comments=True)` would, and the same
/// "\0PATH\0dump-or-error" records as scripts/conformance-ast's are written. Without the variables it does nothing.
final class ParserBatchTests: XCTestCase {
    func testBatch() throws {
        let env = ProcessInfo.processInfo.environment
        guard let list = env["KAA_PARSE_LIST"], let out = env["KAA_PARSE_OUT"] else { return }
        let paths = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\0").map(String.init)
        let sources = try paths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
        if env["KAA_PARSE_TIME"] != nil {
            // Parse only, no dump: the figure to set beside CPython's ast.parse over the same bytes.
            let start = Date()
            var ok = 0
            for (path, source) in zip(paths, sources) {
                if (try? parseSource(source, filename: path, mode: .file, inputMode: .bytes)) != nil { ok += 1 }
            }
            let seconds = Date().timeIntervalSince(start)
            try "\(seconds) \(ok)\n".write(toFile: out, atomically: true, encoding: .utf8)
            return
        }
        var result = ""
        for (path, data) in zip(paths, sources) {
            var text: String
            do {
                let mod = try parseSource([UInt8](data), filename: path, mode: .file, typeComments: true,
                                          inputMode: .bytes)
                // Deep trees need a deep stack to dump (CPython's ast module gives RecursionError there instead).
                text = withLargeStack { ASTDump.format(mod.dumpValue, includeAttributes: true, indent: 3) } + "\n"
            } catch let e as SyntaxErrorInfo {
                func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
                text = "!\(e.kind.rawValue): \(e.message) (\(s(e.lineno)), \(s(e.offset)), \(s(e.endLineno)), \(s(e.endOffset)))\n"
            } catch is ParserMemoryError {
                text = "!MemoryError: \n"
            }
            result += "\0" + path + "\0" + text
        }
        try result.write(toFile: out, atomically: true, encoding: .utf8)
    }
}
