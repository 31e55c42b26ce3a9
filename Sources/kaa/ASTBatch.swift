#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaSyntax

/// Batch modes of `kaa -m ast` for the conformance script and the parse benchmark (scripts/conformance-ast,
/// bench/parse/run), chosen by the KAA_AST_BATCH environment variable; stdin holds NUL-separated paths.
///   KAA_AST_BATCH=1      for each path: "\0PATH\0" then what `kaa -m ast -a PATH` prints, or for a SyntaxError
///                        "!Class: msg (lineno, offset, end_lineno, end_offset)".
///   KAA_AST_BATCH=parse  reads every file, then parses them all; prints "SECONDS FILES_PARSED".
enum ASTBatch {
    static func run(mode: String) -> Int32 {
        let paths = readStandardInput().split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        if mode == "parse" {
            let sources = paths.map { (path: $0, bytes: readFile($0) ?? []) }
            var parsed = 0
            let start = monotonicSeconds()
            for (path, bytes) in sources {
                if (try? parseSource(bytes, filename: path, mode: .file)) != nil { parsed += 1 }
            }
            let elapsed = monotonicSeconds() - start
            writeStdout("\(elapsed) \(parsed)\n")
            return 0
        }
        for path in paths {
            var out = "\0" + path + "\0"
            if let bytes = readFile(path) {
                do {
                    let tree = try parseSource(bytes, filename: path, mode: .file, typeComments: true)
                    out += ASTDump.format(tree.dumpValue, includeAttributes: true, indent: 3) + "\n"
                } catch let error as SyntaxErrorInfo {
                    func field(_ v: Int?) -> String { v.map(String.init) ?? "None" }
                    out += "!\(error.kind.rawValue): \(error.message) (\(field(error.lineno)), \(field(error.offset)), "
                        + "\(field(error.endLineno)), \(field(error.endOffset)))\n"
                } catch {
                    out += "!\(error)\n"
                }
            } else {
                out += "!FileNotFoundError\n"
            }
            writeStdout(out)
        }
        return 0
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
