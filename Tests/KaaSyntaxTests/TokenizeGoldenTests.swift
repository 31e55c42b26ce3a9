// Golden tests of `kaa -m tokenize`: every tests/tokenize/NAME.py against NAME.out (what `python3 -m tokenize NAME.py`
// printed, stdout then stderr, run inside the folder) and NAME.rc (its exit code when not 0), made by
// scripts/regen-goldens tests/tokenize.
import XCTest
@testable import KaaSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class TokenizeGoldenTests: XCTestCase {
    static var folder: String {
        // #filePath = <repo>/Tests/KaaSyntaxTests/TokenizeGoldenTests.swift
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/tests/tokenize"
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }

    static func inputs() -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".py") { names.append(name) }
        }
        return names.sorted()
    }

    func testGoldens() throws {
        let names = Self.inputs()
        XCTAssertGreaterThan(names.count, 30, "golden inputs not found under \(Self.folder)")
        var failures: [String] = []
        for name in names {
            let base = String(name.dropLast(3))
            guard let expected = Self.readBytes(Self.folder + "/" + base + ".out") else {
                failures.append("\(name): no .out (run scripts/regen-goldens tests/tokenize)")
                continue
            }
            var expectedCode: Int32 = 0
            if let rc = Self.readBytes(Self.folder + "/" + base + ".rc") {
                expectedCode = Int32(String(decoding: rc.filter { $0 > 0x20 }, as: UTF8.self)) ?? -1
            }
            let r = TokenizeModule.run([name], directory: Self.folder, stdin: { [] })
            let got = r.stdout + r.stderr
            if got != expected || r.code != expectedCode {
                failures.append("\(name): exit \(r.code) (want \(expectedCode))\n--- got:\n"
                                + String(decoding: got.prefix(3000), as: UTF8.self) + "\n--- want:\n"
                                + String(decoding: expected.prefix(3000), as: UTF8.self))
            }
        }
        XCTAssert(failures.isEmpty, failures.joined(separator: "\n\n"))
    }
}
