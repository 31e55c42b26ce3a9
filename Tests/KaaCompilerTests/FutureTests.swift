import XCTest
import KaaSyntax
@testable import KaaCompiler

/// `from __future__` parsing (CPython: Python/future.c); expectations from python3's compile().
final class FutureTests: XCTestCase {
    func outcome(_ source: String) -> String {
        func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
        do {
            let mod = try parseSource(Array(source.utf8), filename: "<string>", mode: .file, inputMode: .string)
            let ff = try FutureFeatures.parse(mod, filename: "<string>")
            return "ok \(ff.features.rawValue) \(ff.lineno)"
        } catch let e as SyntaxErrorInfo {
            return "\(e.message) (\(s(e.lineno)), \(s(e.offset)), \(s(e.endLineno)), \(s(e.endOffset)))"
        } catch {
            return "\(error)"
        }
    }

    func testFutureErrors() {
        // python3: compile(src, '<string>', 'exec') → SyntaxError (msg, lineno, offset, end_lineno, end_offset)
        XCTAssertEqual(outcome("from __future__ import braces"), "not a chance (1, 1, 1, None)")
        XCTAssertEqual(outcome("import os; from __future__ import division"),
                       "from __future__ imports must occur at the beginning of the file (1, 11, 1, None)")
        XCTAssertEqual(outcome("from __future__ import division, nope"),
                       "future feature nope is not defined (1, 1, 1, None)")
        XCTAssertEqual(outcome("\"doc\"\nfrom __future__ import annotations; import os; from __future__ import division"),
                       "from __future__ imports must occur at the beginning of the file (2, 47, 2, None)")
    }

    func testFutureFeatures() {
        XCTAssertEqual(outcome("from __future__ import annotations"), "ok 16777216 1")
        XCTAssertEqual(outcome("'''doc'''\nfrom __future__ import (generators, division)\nfrom __future__ import barry_as_FLUFL"),
                       "ok 4194304 3")
        XCTAssertEqual(outcome("from __future__ import generator_stop, nested_scopes, with_statement, print_function, unicode_literals, absolute_import"),
                       "ok 0 1")
        // After another statement (on a later line) it is compile.c's error, not future.c's: not an error here.
        XCTAssertEqual(outcome("x = 1\nfrom __future__ import annotations"), "ok 0 0")
        XCTAssertEqual(outcome(""), "ok 0 0")
    }
}
