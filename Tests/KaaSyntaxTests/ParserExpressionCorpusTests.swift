import XCTest
@testable import KaaSyntax

/// A development aid, skipped unless KAA_PARSE_CORPUS names a file of NUL-separated paths: parses each file and
/// writes, to KAA_PARSE_CORPUS_OUT, what scripts/conformance-ast's python batch prints for it ("\0PATH\0" then the
/// indented dump with attributes, or "!Class: msg (lineno, offset, end_lineno, end_offset)"), so a whole corpus can
/// be compared without the CLI.
final class ParserExpressionCorpusTests: XCTestCase {
    func testCorpus() throws {
        guard let list = ProcessInfo.processInfo.environment["KAA_PARSE_CORPUS"],
              let outPath = ProcessInfo.processInfo.environment["KAA_PARSE_CORPUS_OUT"] else {
            throw XCTSkip("KAA_PARSE_CORPUS not set")
        }
        let paths = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\0").map(String.init)
        var out = Data()
        let sources = paths.map { FileManager.default.contents(atPath: $0) }
        if ProcessInfo.processInfo.environment["KAA_PARSE_CORPUS_TIME"] != nil {
            // Parse only (no dump), to time the parser.
            let start = Date()
            var ok = 0
            for (path, data) in zip(paths, sources) {
                guard let data else { continue }
                if (try? parseSource([UInt8](data), filename: path, mode: .file)) != nil { ok += 1 }
            }
            print("parsed \(paths.count) files (\(ok) ok) in \(Date().timeIntervalSince(start)) s")
            return
        }
        let start = Date()
        for (path, data) in zip(paths, sources) {
            guard let data else { continue }
            var text: String
            do {
                let mod = try parseSource([UInt8](data), filename: path, mode: .file, typeComments: true)
                text = ASTDump.format(mod.dumpValue, includeAttributes: true, indent: 3) + "\n"
            } catch let e as SyntaxErrorInfo {
                func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
                text = "!\(e.kind.rawValue): \(e.message) (\(s(e.lineno)), \(s(e.offset)), \(s(e.endLineno)), \(s(e.endOffset)))\n"
            } catch {
                text = "!\(error)\n"
            }
            out.append(0)
            out.append(contentsOf: Array(path.utf8))
            out.append(0)
            out.append(contentsOf: Array(text.utf8))
        }
        print("parsed \(paths.count) files in \(Date().timeIntervalSince(start)) s")
        try out.write(to: URL(fileURLWithPath: outPath))
    }
}
