import XCTest
import KaaSyntax
@testable import KaaCompiler

/// Differential tests of the symbol table: each case of SymtableCases.swift (made by scripts/gen-symtable-tests.py
/// with python3) is parsed, its table built and dumped, and compared with CPython's table, code flags, cell and free
/// variables, or the SyntaxError CPython's symtable.c raises.
final class SymtableTests: XCTestCase {
    static func outcome(_ source: String, sourceLines: [String] = []) -> String {
        func s(_ v: Int?) -> String { v.map(String.init) ?? "None" }
        do {
            let mod = try parseSource(Array(source.utf8), filename: "<unknown>", mode: .file, inputMode: .string)
            let future = try FutureFeatures.parse(mod, filename: "<unknown>", sourceLines: sourceLines)
            let table = try SymbolTable.build(module: mod, filename: "<unknown>", future: future,
                                              sourceLines: sourceLines)
            return table.dump(code: true)
        } catch let e as SyntaxErrorInfo {
            return "!\(e.kind.rawValue): \(e.message) (\(s(e.lineno)), \(s(e.offset)), \(s(e.endLineno)), \(s(e.endOffset)))\n"
        } catch {
            return "!\(error)\n"
        }
    }

    /// Where CPython's side has `code: ?` (no unambiguous code object for the block), take the same on ours.
    static func maskUnknownCode(expected: String, got: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var g = got.split(separator: "\n", omittingEmptySubsequences: false)
        guard e.count == g.count else { return got }
        for i in e.indices where e[i].hasSuffix("code: ?") && g[i].contains("code: ") { g[i] = e[i] }
        return g.joined(separator: "\n")
    }

    func testCases() {
        var failures: [String] = []
        for (source, expected) in symtableCases {
            let got = Self.maskUnknownCode(expected: expected, got: Self.outcome(source))
            if got != expected {
                failures.append("\(source.debugDescription)\n--- expected:\n\(expected)--- got:\n\(got)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(symtableCases.count) cases differ:\n"
                  + failures.joined(separator: "\n"))
    }

    /// The error's text is the source line with its newline, as CPython reads it back from the file.
    func testErrorText() throws {
        let source = "def f():\n    x = 1\n    global x\n"
        let lines = ["def f():\n", "    x = 1\n", "    global x\n"]
        let mod = try parseSource(Array(source.utf8), filename: "a.py", mode: .file)
        XCTAssertThrowsError(try SymbolTable.build(module: mod, filename: "a.py", future: FutureFeatures(),
                                                   sourceLines: lines)) { error in
            guard let e = error as? SyntaxErrorInfo else { return XCTFail("\(error)") }
            XCTAssertEqual(e, SyntaxErrorInfo(message: "name 'x' is assigned to before global declaration",
                                              filename: "a.py", lineno: 3, offset: 5, endLineno: 3, endOffset: 13,
                                              text: "    global x\n"))
        }
    }

    /// Blocks are found again from their defining nodes.
    func testEntryLookup() throws {
        let source = "class A:\n    def f(self):\n        return [x for x in (lambda: 1)()]\n"
        let mod = try parseSource(Array(source.utf8), filename: "<unknown>", mode: .file)
        let table = try SymbolTable.build(module: mod, filename: "<unknown>", future: FutureFeatures())
        guard case .module(let body, _) = mod, case .classDef(_, _, _, let classBody, _) = body[0].kind,
              case .functionDef(_, _, let fbody, _, _, _) = classBody[0].kind,
              case .return(let value?) = fbody[0].kind,
              case .listComp(_, let gens) = value.kind,
              case .call(let lam, _, _) = gens[0].iter.kind else { return XCTFail("unexpected tree") }
        XCTAssertEqual(table.entry(for: body[0])?.name, "A")
        XCTAssertEqual(table.entry(for: body[0])?.type, .class)
        XCTAssertEqual(table.entry(for: classBody[0])?.name, "f")
        XCTAssertEqual(table.entry(for: value)?.name, "listcomp")
        XCTAssertEqual(table.entry(for: value)?.varnames, [".0"])
        XCTAssertEqual(table.entry(for: lam)?.name, "lambda")
        XCTAssertTrue(table.entry(for: lam)!.isNested)
        XCTAssertNil(table.entry(for: gens[0].iter))
        XCTAssertEqual(table.entry(for: classBody[0])?.scope(of: "self"), .local)
        XCTAssertEqual(table.top.children.map(\.name), ["A"])
    }

    /// Deeply nested expressions raise CPython's RecursionError, not a crash.
    func testRecursionLimit() throws {
        let deep = Array(repeating: "a", count: 5000).joined(separator: "+")
        let mod = try parseSource(Array(deep.utf8), filename: "<unknown>", mode: .file)
        let result: Result<SymbolTable, Error> = withLargeStackForTest {
            Result { try SymbolTable.build(module: mod, filename: "<unknown>", future: FutureFeatures()) }
        }
        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CompilerRecursionError, "\($0)") }
        let ok = Array(repeating: "a", count: 2990).joined(separator: "+")
        let mod2 = try parseSource(Array(ok.utf8), filename: "<unknown>", mode: .file)
        let result2: Result<SymbolTable, Error> = withLargeStackForTest {
            Result { try SymbolTable.build(module: mod2, filename: "<unknown>", future: FutureFeatures()) }
        }
        XCTAssertNoThrow(try result2.get())
    }

    func testMangle() {
        XCTAssertEqual(pyMangle(privateName: "A", "__x"), "_A__x")
        XCTAssertEqual(pyMangle(privateName: "__A", "__x"), "_A__x")
        XCTAssertEqual(pyMangle(privateName: "___", "__x"), "__x")
        XCTAssertEqual(pyMangle(privateName: "A", "__x__"), "__x__")
        XCTAssertEqual(pyMangle(privateName: "A", "__"), "__")
        XCTAssertEqual(pyMangle(privateName: "A", "__a.b"), "__a.b")
        XCTAssertEqual(pyMangle(privateName: "A", "_x"), "_x")
        XCTAssertEqual(pyMangle(privateName: nil, "__x"), "__x")
        XCTAssertEqual(pyMangle(privateName: "Ä", "__é"), "_Ä__é")
    }
}

import KaaCore
func withLargeStackForTest<T>(_ body: @escaping () -> T) -> T { withLargeStack(body) }
