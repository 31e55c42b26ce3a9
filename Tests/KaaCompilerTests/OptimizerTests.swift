import XCTest
import KaaSyntax
@testable import KaaCompiler

/// Differential tests of the AST optimizer: each case of OptimizerCases.swift (made by scripts/gen-optimizer-tests.py
/// with python3) is parsed in eval mode and optimized; the result must be the constant CPython 3.11 folds it to
/// (its repr), or not a constant when CPython leaves it to run time.
final class OptimizerTests: XCTestCase {
    static func folded(_ source: String, optimize: Int) -> String {
        do {
            let mod = try parseSource(Array(source.utf8), filename: "f", mode: .eval, inputMode: .string)
            let opt = try ASTOptimizer.optimize(mod, optimizeLevel: optimize)
            guard case .expression(let body) = opt else { return "not an expression" }
            if case .constant(let v, _) = body.kind { return v.repr }
            return "not folded"
        } catch {
            return "error: \(error)"
        }
    }

    func testCases() {
        var failures: [String] = []
        for (source, optimize, expected) in optimizerCases {
            let got = Self.folded(source, optimize: optimize)
            if got != expected { failures.append("\(source) [-O\(optimize)]: expected \(expected), got \(got)") }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(optimizerCases.count) cases differ:\n"
                  + failures.joined(separator: "\n"))
    }

    static func optimizedDump(_ source: String, optimize: Int = 0) throws -> String {
        let mod = try parseSource(Array(source.utf8), filename: "f", mode: .file, inputMode: .string)
        let future = try FutureFeatures.parse(mod, filename: "f")
        let opt = try ASTOptimizer.optimize(mod, optimizeLevel: optimize, future: future)
        return ASTDump.format(opt.dumpValue, includeAttributes: true)
    }
}
