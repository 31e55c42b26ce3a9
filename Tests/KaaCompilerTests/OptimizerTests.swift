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

/// The tree rewrites of the optimizer, checked on the optimized AST. The expectations restate what CPython 3.11's
/// bytecode shows for the same sources (dis: `x in [a, b]` builds a tuple, `x in {1, 2}` loads a frozenset constant,
/// `not a is b` is one IS_OP, `'a' + 'b'` is no docstring, annotations stay unfolded under future annotations...).
final class OptimizerTreeTests: XCTestCase {
    func dump(_ source: String, optimize: Int = 0) throws -> String {
        let mod = try parseSource(Array(source.utf8), filename: "f", mode: .file, inputMode: .string)
        let future = try FutureFeatures.parse(mod, filename: "f")
        let opt = try ASTOptimizer.optimize(mod, optimizeLevel: optimize, future: future)
        return ASTDump.format(opt.dumpValue, includeAttributes: false)
    }

    func body(_ source: String) throws -> [Stmt] {
        let mod = try parseSource(Array(source.utf8), filename: "f", mode: .file, inputMode: .string)
        guard case .module(let b, _) = try ASTOptimizer.optimize(mod) else { return [] }
        return b
    }

    func testFoldIter() throws {
        XCTAssertEqual(try dump("x in [a, b]"), "Module(body=[Expr(value=Compare(left=Name(id='x', ctx=Load()), ops=[In()], comparators=[Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())]))], type_ignores=[])")
        XCTAssertEqual(try dump("x not in [1, 2]"), "Module(body=[Expr(value=Compare(left=Name(id='x', ctx=Load()), ops=[NotIn()], comparators=[Constant(value=(1, 2))]))], type_ignores=[])")
        XCTAssertEqual(try dump("x in {1, 2, 1.0, True}"), "Module(body=[Expr(value=Compare(left=Name(id='x', ctx=Load()), ops=[In()], comparators=[Constant(value=frozenset({1, 2}))]))], type_ignores=[])")
        // A set with a non-constant stays a set; a starred list stays a list; only the last comparison counts.
        XCTAssertTrue(try dump("x in {a, 1}").contains("comparators=[Set("))
        XCTAssertTrue(try dump("x in [a, *b]").contains("comparators=[List("))
        XCTAssertTrue(try dump("x in [1, 2] < y").contains("List(elts=[Constant(value=1), Constant(value=2)]"))
        XCTAssertTrue(try dump("for x in [1, 2]: pass").contains("iter=Constant(value=(1, 2))"))
        XCTAssertTrue(try dump("for x in [a]: pass").contains("iter=Tuple(elts=[Name(id='a', ctx=Load())], ctx=Load())"))
        XCTAssertTrue(try dump("async def f():\n    async for x in [1]: pass").contains("iter=List("))
        XCTAssertTrue(try dump("[y for y in [a, b] if y in [1]]").contains("iter=Tuple("))
        XCTAssertTrue(try dump("[y for y in [a, b] if y in [1]]").contains("comparators=[Constant(value=(1,))]"))
    }

    func testNotCompare() throws {
        XCTAssertEqual(try dump("not a is b"), "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])")
        XCTAssertTrue(try dump("not a is not b").contains("ops=[Is()]"))
        XCTAssertTrue(try dump("not a in b").contains("ops=[NotIn()]"))
        XCTAssertTrue(try dump("not a not in b").contains("ops=[In()]"))
        XCTAssertTrue(try dump("not a == b").contains("UnaryOp(op=Not()"))
        XCTAssertTrue(try dump("not a is b is c").contains("UnaryOp(op=Not()"))
        // The node becomes the comparison, with the comparison's position.
        let b = try body("x = 1; y = not a is b")
        guard case .assign(_, let value, _) = b[1].kind else { return XCTFail() }
        XCTAssertEqual(value.range, SourceRange(lineno: 1, colOffset: 15, endLineno: 1, endColOffset: 21))
    }

    func testFoldedKeepsPosition() throws {
        let b = try body("x = (1 +\n  2)")
        guard case .assign(_, let value, _) = b[0].kind, case .constant(.int(3), nil) = value.kind else {
            return XCTFail()
        }
        XCTAssertEqual(value.range, SourceRange(lineno: 1, colOffset: 5, endLineno: 2, endColOffset: 3))
    }

    func testDocstringGuard() throws {
        XCTAssertEqual(try dump("'a' + 'b'"), "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab')]))], type_ignores=[])")
        XCTAssertEqual(try dump("'ab'"), "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])")
        XCTAssertTrue(try dump("def f():\n    'a' * 2").contains("body=[Expr(value=JoinedStr(values=[Constant(value='aa')]))]"))
        XCTAssertTrue(try dump("class C:\n    'a' 'b'").contains("body=[Expr(value=Constant(value='ab'))]"))
        XCTAssertTrue(try dump("x = 1\n'a' + 'b'").contains("Expr(value=Constant(value='ab'))"))
    }

    func testAnnotations() throws {
        XCTAssertTrue(try dump("x: 1 + 2").contains("annotation=Constant(value=3)"))
        XCTAssertTrue(try dump("from __future__ import annotations\nx: 1 + 2 = 3 * 4").contains("annotation=BinOp("))
        XCTAssertTrue(try dump("from __future__ import annotations\nx: 1 + 2 = 3 * 4").contains("value=Constant(value=12)"))
        let f = try dump("from __future__ import annotations\ndef f(a: -1 = -2) -> -3: pass")
        XCTAssertTrue(f.contains("annotation=UnaryOp("))
        XCTAssertTrue(f.contains("returns=UnaryOp("))
        XCTAssertTrue(f.contains("defaults=[Constant(value=-2)]"))
        XCTAssertTrue(try dump("def f(a: -1) -> -3: pass").contains("returns=Constant(value=-3)"))
    }

    func testDebugAndContexts() throws {
        XCTAssertTrue(try dump("__debug__").contains("Constant(value=True)"))
        XCTAssertTrue(try dump("__debug__", optimize: 1).contains("Constant(value=False)"))
        XCTAssertTrue(try dump("(a, b) = (1, 2)").contains("targets=[Tuple("))
        XCTAssertTrue(try dump("(a, b) = (1, 2)").contains("value=Constant(value=(1, 2))"))
        XCTAssertTrue(try dump("match x:\n    case -1 | 1+2j: pass").contains("MatchValue(value=Constant(value=-1))"))
        XCTAssertTrue(try dump("match x:\n    case -1 | 1+2j: pass").contains("MatchValue(value=Constant(value=(1+2j)))"))
        XCTAssertTrue(try dump("'abc'[1:]").contains("Subscript("))
        XCTAssertTrue(try dump("(y := 1 + 1)").contains("NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=2))"))
        XCTAssertTrue(try dump("f(*(1, 2), **{'a': -1})").contains("Starred(value=Constant(value=(1, 2))"))
    }

    func testRecursionLimit() throws {
        let deep = Array(repeating: "1", count: 5000).joined(separator: "+")
        let mod = try parseSource(Array(deep.utf8), filename: "f", mode: .file)
        let r: Result<Mod, Error> = withLargeStackForTest { Result { try ASTOptimizer.optimize(mod) } }
        XCTAssertThrowsError(try r.get()) { XCTAssertTrue($0 is CompilerRecursionError) }
    }
}
