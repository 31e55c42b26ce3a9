import Foundation
import XCTest
import KaaCore
import KaaSyntax
import KaaBytecode
@testable import KaaCompiler

/// Golden tests of the compiler: every tests/compile/NAME.py is compiled by Kaa and dumped like
/// scripts/gen-compile-goldens dumps CPython 3.11's code objects (NAME.out).
final class CodeGenGoldenTests: XCTestCase {
    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func hex(_ b: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for x in b { s.append(digits[Int(x >> 4)]); s.append(digits[Int(x & 15)]) }
        return s
    }

    static func dump(_ co: CodeObject, _ out: inout [String]) {
        func names(_ xs: [PyString]) -> String { xs.map(\.swiftString).joined(separator: " ") }
        out.append("code \(co.qualname.swiftString)")
        out.append("  name \(co.name.swiftString) firstlineno \(co.firstLineNumber) flags \(co.flags) stacksize \(co.stackSize)")
        out.append("  argcount \(co.argCount) posonly \(co.posOnlyArgCount) kwonly \(co.kwOnlyArgCount) nlocals \(co.nlocals)")
        out.append("  varnames \(names(co.varnames))")
        out.append("  cellvars \(names(co.cellvars))")
        out.append("  freevars \(names(co.freevars))")
        out.append("  names \(names(co.names))")
        for (i, c) in co.consts.enumerated() {
            if case .code(let sub) = c {
                out.append("  const \(i) <code \(sub.qualname.swiftString)>")
            } else {
                out.append("  const \(i) \(c.repr)")
            }
        }
        out.append("  code \(hex(co.code))")
        out.append("  linetable \(hex(co.lineTable))")
        out.append("  exceptiontable \(hex(co.exceptionTable))")
        for sub in co.nestedCode { dump(sub, &out) }
    }

    /// Kaa's text for one input: the dump, or the SyntaxError line.
    static func run(_ name: String, _ source: [UInt8]) -> String {
        var out: [String] = []
        do {
            let mode: Parser.Mode = name.contains("_eval_") ? .eval : name.contains("_single_") ? .single : .file
            let mod = try parseSource(source, filename: name, mode: mode)
            let co = try Compiler.compile(mod, filename: name, source: source, optimize: 0)
            dump(co, &out)
        } catch let e as SyntaxErrorInfo {
            func opt(_ v: Int?) -> String { v.map(String.init) ?? "None" }
            out.append("\(e.kind.rawValue): \(e.message) (\(opt(e.lineno)), \(opt(e.offset)), \(opt(e.endLineno)), \(opt(e.endOffset)))")
        } catch {
            out.append("error: \(error)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    func testGoldens() throws {
        let dir = CodeGenGoldenTests.repoRoot + "/tests/compile"
        let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(inputs.isEmpty, "no inputs in \(dir)")
        var failures: [String] = []
        for name in inputs {
            guard let src = FileManager.default.contents(atPath: dir + "/" + name),
                  let want = FileManager.default.contents(atPath: dir + "/" + name.dropLast(3) + ".out") else {
                failures.append("\(name): missing input or .out")
                continue
            }
            let got = CodeGenGoldenTests.run(name, [UInt8](src))
            let wantText = String(decoding: want, as: UTF8.self)
            if got != wantText {
                let w = wantText.split(separator: "\n", omittingEmptySubsequences: false)
                let g = got.split(separator: "\n", omittingEmptySubsequences: false)
                var i = 0
                while i < w.count && i < g.count && w[i] == g[i] { i += 1 }
                let wl = i < w.count ? String(w[i]) : "<end>", gl = i < g.count ? String(g[i]) : "<end>"
                failures.append("\(name): line \(i + 1):\n  want \(wl.prefix(300))\n  got  \(gl.prefix(300))")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count) of \(inputs.count) goldens differ:\n" + failures.joined(separator: "\n"))
    }
}
