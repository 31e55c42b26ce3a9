import XCTest
@testable import KaaRuntime

/// Runs every tests/vm/NAME.pyc (compiled by CPython 3.11, see scripts/regen-vm-goldens) and compares stdout,
/// stderr and the exit code with CPython's (NAME.out, NAME.err, NAME.rc).
final class VMGoldenTests: XCTestCase {
    static let folder: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)  // Tests/KaaRuntimeTests/VMGoldenTests.swift
        return parts.joined(separator: "/") + "/tests/vm"
    }()

    func read(_ path: String) -> [UInt8]? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        return [UInt8](h.readDataToEndOfFile())
    }

    func testGoldens() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder)
            // Import programs need their helper modules beside them: KaaCommandTests runs those.
            .filter { $0.hasSuffix(".pyc") && !$0.hasPrefix("imp_") }.sorted()
        XCTAssertFalse(names.isEmpty, "no goldens in \(Self.folder)")
        var failures: [String] = []
        for name in names {
            let base = Self.folder + "/" + String(name.dropLast(4))
            guard let pyc = read(base + ".pyc") else { failures.append(name + ": unreadable"); continue }
            let expectedOut = read(base + ".out") ?? []
            let expectedErr = read(base + ".err") ?? []
            let expectedRC = read(base + ".rc").flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
            let r = Runtime.runPycCaptured(bytes: pyc, path: name, arguments: [name, "arg1"])
            if r.stdout != expectedOut {
                failures.append("\(name): stdout differs:\n\(String(decoding: r.stdout, as: UTF8.self))\n--- expected ---\n\(String(decoding: expectedOut, as: UTF8.self))")
            }
            if r.stderr != expectedErr {
                failures.append("\(name): stderr differs:\n\(String(decoding: r.stderr, as: UTF8.self))\n--- expected ---\n\(String(decoding: expectedErr, as: UTF8.self))")
            }
            if r.code != expectedRC { failures.append("\(name): exit code \(r.code), expected \(expectedRC)") }
        }
        XCTAssert(failures.isEmpty, "\(failures.count) of \(names.count) programs differ from CPython:\n" + failures.joined(separator: "\n\n"))
    }
}
