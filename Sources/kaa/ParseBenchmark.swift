#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore
import KaaSyntax

/// The Kaa side of bench/parse/run, chosen by KAA_AST_BATCH=parse on `kaa -m ast`: stdin holds NUL-separated
/// paths; every file is read first, then all are parsed to ASTs (each discarded) under the clock. Prints
/// "SECONDS FILES_PARSED". (KAA_AST_BATCH=1, the conformance batch mode, is ASTModule's own.)
enum ParseBenchmark {
    static func run() -> Int32 {
        let paths = readStandardInput().split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let sources = paths.map { (path: $0, bytes: readFile($0) ?? []) }
        // One large-stack thread for the whole batch: parseSource then runs in place instead of starting a thread
        // per file.
        let (elapsed, parsed) = withLargeStack { () -> (Double, Int) in
            var parsed = 0
            let start = monotonicSeconds()
            for (path, bytes) in sources {
                if (try? parseSource(bytes, filename: path, mode: .file)) != nil { parsed += 1 }
            }
            return (monotonicSeconds() - start, parsed)
        }
        writeStdout("\(elapsed) \(parsed)\n")
        return 0
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
