import Foundation
import XCTest
import KaaSyntax

/// Tokenizes every .py file under $KAA_LEXER_BENCH (e.g. CPython's Lib/) and prints the time; does nothing
/// without the variable. Run in release: `swift test -c release -Xswiftc -enable-testing --filter LexerBench`.
final class LexerBenchTests: XCTestCase {
    func testTokenizeTree() throws {
        guard let root = ProcessInfo.processInfo.environment["KAA_LEXER_BENCH"] else { return }
        var files: [[UInt8]] = []
        let fm = FileManager.default
        if let e = fm.enumerator(atPath: root) {
            for case let p as String in e where p.hasSuffix(".py") {
                if let d = fm.contents(atPath: root + "/" + p) { files.append(Array(d)) }
            }
        }
        let bytes = files.reduce(0) { $0 + $1.count }
        // Thread CPU time: the machine is shared, wall time is noise.
        func cpu() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        var tokens = 0, errors = 0
        var lexers: [Lexer] = []
        let t0 = cpu()
        for f in files {
            do { lexers.append(try Lexer(source: f, filename: "f.py")) } catch { errors += 1 }
        }
        let t1 = cpu()
        for lexer in lexers {
            do {
                while try lexer.nextToken().kind != .endmarker { tokens += 1 }
            } catch {
                errors += 1
            }
        }
        let t2 = cpu()
        print("LEXER BENCH: \(files.count) files, \(bytes) bytes, \(tokens) tokens, \(errors) errors, "
              + String(format: "decode %.3f s, tokens %.3f s (thread CPU)", t1 - t0, t2 - t1))
    }
}
