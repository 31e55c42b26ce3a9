import XCTest
import Foundation

/// `kaa ARGS` against `python3 ARGS` for command lines whose compilation warns: the main program's and -c code's
/// SyntaxWarnings (tokenizer and compiler), py_compile's, under -W filters, -X dev and PYTHONWARNINGS
/// (tests/compile_warnings/cases.json, made by scripts/gen_compile_warning_goldens.py): same stdout, stderr and
/// status, run in a fresh folder holding prog.py, whose path the expected output names TMP.
final class CompileWarningsTests: XCTestCase {
    func testCompileWarningsThroughTheCommand() throws {
        let folder = CommandGoldenTests.root.appendingPathComponent("tests/compile_warnings")
        let data = try Data(contentsOf: folder.appendingPathComponent("cases.json"))
        let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertGreaterThan(cases.count, 5)
        for c in cases {
            let args = try XCTUnwrap(c["args"] as? [String])
            let env = try XCTUnwrap(c["env"] as? [String: String])
            let prog = try XCTUnwrap(c["prog"] as? String)
            let fm = FileManager.default
            let tmp = fm.temporaryDirectory.appendingPathComponent("kaa-warn-\(getpid())")
            try? fm.removeItem(at: tmp)
            try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: tmp) }
            try prog.write(to: tmp.appendingPathComponent("prog.py"), atomically: true, encoding: .utf8)
            let real = tmp.resolvingSymlinksInPath().path
            let process = Process()
            process.executableURL = CommandGoldenTests.kaa
            process.arguments = args
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "PYTHONWARNINGS")
            environment["PYTHONHASHSEED"] = "0"
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            environment.merge(env) { $1 }
            process.environment = environment
            process.currentDirectoryURL = tmp
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let stdout = String(decoding: outData, as: UTF8.self).replacingOccurrences(of: real, with: "TMP")
            let stderr = String(decoding: errData, as: UTF8.self).replacingOccurrences(of: real, with: "TMP")
            XCTAssertEqual(stdout, c["stdout"] as? String, "stdout of \(args) \(env)")
            XCTAssertEqual(stderr, c["stderr"] as? String, "stderr of \(args) \(env)")
            XCTAssertEqual(process.terminationStatus, Int32(try XCTUnwrap(c["status"] as? Int)), "status of \(args)")
        }
    }
}
