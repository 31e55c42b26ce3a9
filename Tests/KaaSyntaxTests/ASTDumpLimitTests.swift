import BigInt
import KaaCore
import Foundation
import XCTest
@testable import KaaSyntax

/// Where `python3 -m ast` fails inside `ast.dump` (tests/ast_limits/cases.json, scripts/gen_dump_limit_fixtures.py):
/// the trees are built here by hand, so ASTDump's model of CPython's recursion accounting and the traceback text
/// are checked without the parser.
final class ASTDumpLimitTests: XCTestCase {
    struct Case: Decodable {
        var shape: String
        var n: Int
        var attributes: Bool
        var status: Int32
        var stderr: String
    }

    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    let r = SourceRange(lineno: 1, colOffset: 0, endLineno: 1, endColOffset: 1)

    func name(_ id: String) -> Expr { Expr(.name(id: id, ctx: .load), range: r) }

    /// `x = <leftmost> + a + ... + a` with `count` more names.
    func module(leftmost: Expr, count: Int) -> Mod {
        var value = leftmost
        for _ in 0..<count { value = Expr(.binOp(left: value, op: .add, right: name("a")), range: r) }
        let target = Expr(.name(id: "x", ctx: .store), range: r)
        return .module(body: [Stmt(.assign(targets: [target], value: value, typeComment: nil), range: r)],
                       typeIgnores: [])
    }

    func tree(_ c: Case) -> Mod {
        switch c.shape {
        case "chain":
            return module(leftmost: name("a"), count: c.n - 1)
        case "list":
            let inner = Expr(.list(elts: [name("a")], ctx: .load), range: r)
            return module(leftmost: Expr(.list(elts: [inner], ctx: .load), range: r), count: c.n)
        case "call":
            return module(leftmost: Expr(.call(func: name("f"), args: [name("a")], keywords: []), range: r),
                          count: c.n)
        default:  // bigint: x=[1, 0xff...f]
            let big = (BigInt(1) << (4 * c.n)) - 1
            let elts = [Expr(.constant(value: .int(1), kind: nil), range: r),
                        Expr(.constant(value: .int(big), kind: nil), range: r)]
            return module(leftmost: Expr(.list(elts: elts, ctx: .load), range: r), count: 0)
        }
    }

    func testAgainstCPython() throws {
        let path = Self.repoRoot + "/tests/ast_limits/cases.json"
        guard let data = FileManager.default.contents(atPath: path) else { return XCTFail("missing \(path)") }
        let cases = try JSONDecoder().decode([Case].self, from: data)
        XCTAssertGreaterThan(cases.count, 40)
        for c in cases {
            let t = tree(c)
            let attrs = c.attributes
            // python3 ran with the default indent 3; where the recursion fails does not depend on it, and the
            // one-line form keeps the big successful dumps cheap.
            let result = withLargeStack { ASTDump.formatChecked(t.dumpValue, includeAttributes: attrs, indent: nil) }
            let label = "\(c.shape) n=\(c.n)\(c.attributes ? " -a" : "")"
            switch result {
            case .success:
                XCTAssertEqual(c.status, 0, "\(label): dumped, python3 failed with \(c.stderr.split(separator: "\n").last ?? "")")
            case .failure(let failure):
                let got = ASTModule.Traceback.dumpFailure(failure)
                XCTAssertEqual(c.status, 1, "\(label): failed, python3 dumped it")
                if c.status == 1 && got != c.stderr {
                    XCTFail("\(label): " + Golden.diff(want: c.stderr, got: got))
                }
            }
        }
    }

    /// Without the limits (`ASTDump.format`) the same trees print.
    func testUncheckedFormatIgnoresLimits() {
        let c = Case(shape: "chain", n: 1000, attributes: false, status: 0, stderr: "")
        let t = tree(c)
        let text = withLargeStack { ASTDump.format(t.dumpValue, indent: nil) }
        XCTAssertTrue(text.hasPrefix("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp("))
    }
}
