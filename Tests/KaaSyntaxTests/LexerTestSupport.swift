import Foundation
import XCTest
@testable import KaaSyntax

/// Helpers shared by the lexer tests: token dumps and error capture.
enum LexerTestSupport {
    /// All tokens up to ENDMARKER (or the error), one line each: `KIND 'text' l:c-l:c` (keywords as their spelling).
    static func dump(_ source: String, typeComments: Bool = false) -> String {
        dump(bytes: Array(source.utf8), typeComments: typeComments)
    }

    static func dump(bytes: [UInt8], filename: String = "f.py", typeComments: Bool = false) -> String {
        var out: [String] = []
        do {
            let lexer = try Lexer(source: bytes, filename: filename, typeComments: typeComments)
            var n = 0
            while true {
                let t = try lexer.nextToken()
                let name = t.kind.isKeyword ? "KW" : t.kind.pythonName
                out.append("\(name) \(pyRepr(t.text)) \(t.start.line):\(t.start.column)-\(t.end.line):\(t.end.column)")
                if t.kind == .endmarker { break }
                n += 1
                if n > 10_000_000 { out.append("RUNAWAY"); break }
            }
        } catch let e as SyntaxErrorInfo {
            out.append(describe(e))
        } catch {
            out.append("OTHER \(error)")
        }
        return out.joined(separator: "\n")
    }

    /// The error as `Class 'msg' lineno offset end_lineno end_offset 'text'` (None for nil), like the python oracle.
    static func describe(_ e: SyntaxErrorInfo) -> String {
        func f(_ v: Int?) -> String { v.map(String.init) ?? "None" }
        return "\(e.kind.rawValue) \(pyRepr(e.message)) \(f(e.lineno)) \(f(e.offset)) \(f(e.endLineno)) \(f(e.endOffset)) "
            + (e.text.map(pyRepr) ?? "None")
    }

    /// A simplified Python repr of a str (enough for the oracle comparisons: quotes and common escapes).
    static func pyRepr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var r = String(q)
        for u in s.unicodeScalars {
            switch u {
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            default:
                if Character(u) == q { r += "\\" + String(q) }
                else if IdentifierTables.isPrintable(u.value) { r.unicodeScalars.append(u) }
                else if u.value < 0x100 { r += "\\x" + String(format: "%02x", u.value) }
                else if u.value < 0x10000 { r += "\\u" + String(format: "%04x", u.value) }
                else { r += "\\U" + String(format: "%08x", u.value) }
            }
        }
        r.append(q)
        return r
    }

    /// The first error lexing `source` to the end produces (nil if none).
    static func firstError(_ bytes: [UInt8], filename: String = "f.py") -> SyntaxErrorInfo? {
        do {
            let lexer = try Lexer(source: bytes, filename: filename)
            while try lexer.nextToken().kind != .endmarker {}
            return nil
        } catch let e as SyntaxErrorInfo {
            return e
        } catch {
            return nil
        }
    }
}

/// Dumps token streams for an external comparison script (scripts/check_lexer.py): set KAA_LEXER_DUMP to a file
/// with one path per line; each `PATH` gets `PATH.kaatok` beside it in KAA_LEXER_OUT (a directory).
final class LexerDumpTool: XCTestCase {
    func testDumpFromEnvironment() throws {
        guard let list = ProcessInfo.processInfo.environment["KAA_LEXER_DUMP"],
              let outDir = ProcessInfo.processInfo.environment["KAA_LEXER_OUT"] else { return }
        let paths = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n")
        for (i, p) in paths.enumerated() {
            guard let data = FileManager.default.contents(atPath: String(p)) else { continue }
            let d = LexerTestSupport.dump(bytes: Array(data), filename: String(p))
            try d.write(toFile: "\(outDir)/\(i).kaatok", atomically: false, encoding: .utf8)
        }
    }
}
