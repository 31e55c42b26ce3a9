import XCTest
import BigInt
@testable import KaaCore

/// Compares PyRepr with reprs CPython 3.11 produced (tests/repr/*.txt, made by scripts/gen_repr_fixtures.py).
final class ReprTests: XCTestCase {
    static let repoRoot: String = {
        // #filePath = <root>/Tests/KaaCoreTests/ReprTests.swift
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    func fixtureLines(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Substring] {
        let path = Self.repoRoot + "/tests/repr/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("missing fixture \(path)", file: file, line: line)
            return []
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    func double(_ hex: Substring) -> Double { Double(bitPattern: UInt64(hex, radix: 16)!) }

    func testFloatFixture() {
        let lines = fixtureLines("float_repr.txt")
        XCTAssertGreaterThan(lines.count, 5000)
        var failures = 0
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1)
            let got = PyRepr.float(double(parts[0]))
            if got != parts[1] {
                failures += 1
                if failures <= 20 { XCTFail("float \(parts[0]): got \(got), want \(parts[1])") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testComplexFixture() {
        let lines = fixtureLines("complex_repr.txt")
        XCTAssertGreaterThan(lines.count, 100)
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2)
            let got = PyRepr.complex(real: double(parts[0]), imag: double(parts[1]))
            XCTAssertEqual(got, String(parts[2]), "complex \(parts[0]) \(parts[1])")
        }
    }

    func testStringFixture() {
        let lines = fixtureLines("str_repr.txt")
        XCTAssertGreaterThan(lines.count, 10000)
        var failures = 0
        for line in lines {
            guard let tab = line.firstIndex(of: "\t") else { XCTFail("bad fixture line \(line)"); continue }
            let cps = line[..<tab].split(separator: ",").map { UInt32($0, radix: 16)! }
            let want = line[line.index(after: tab)...]
            let got = PyRepr.string(PyString(codePoints: cps))
            if got != want {
                failures += 1
                if failures <= 20 { XCTFail("str \(line[..<tab]): got \(got), want \(want)") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testBytesFixture() {
        let lines = fixtureLines("bytes_repr.txt")
        XCTAssertGreaterThan(lines.count, 100)
        for line in lines {
            guard let tab = line.firstIndex(of: "\t") else { XCTFail("bad fixture line \(line)"); continue }
            let hex = Array(line[..<tab].utf8)
            var bytes: [UInt8] = []
            var i = 0
            while i + 1 < hex.count {
                bytes.append(UInt8(String(decoding: hex[i...i + 1], as: UTF8.self), radix: 16)!)
                i += 2
            }
            XCTAssertEqual(PyRepr.bytes(bytes), String(line[line.index(after: tab)...]), "bytes \(line[..<tab])")
        }
    }

    func testSwiftStringOverloadAndPrintable() {
        XCTAssertEqual(PyRepr.string("it's"), "\"it's\"")
        XCTAssertEqual(PyRepr.string("a\u{85}b"), "'a\\x85b'")
        XCTAssertTrue(PyRepr.isPrintable(codePoint: 0x41))
        XCTAssertFalse(PyRepr.isPrintable(codePoint: 0x10FFFF))
        XCTAssertFalse(PyRepr.isPrintable(codePoint: 0x110000))
        // U+1FAF0..U+1FAF6 are new in Unicode 14.0 (Python 3.11), U+1FAF7 only in 15.0.
        XCTAssertTrue(PyRepr.isPrintable(codePoint: 0x1FAF0))
        XCTAssertFalse(PyRepr.isPrintable(codePoint: 0x1FAF7))
    }

    // python3: repr(10**4299) works, repr(10**4300) raises ValueError (4301 digits).
    func testIntDigitLimit() {
        let ok = BigInt(10).power(4299)
        XCTAssertEqual(PyRepr.int(ok)?.count, 4300)
        XCTAssertEqual(PyRepr.int(-ok)?.count, 4301)
        XCTAssertNil(PyRepr.int(BigInt(10).power(4300)))
        XCTAssertNil(PyRepr.int(-BigInt(10).power(4300)))
        XCTAssertEqual(PyRepr.int(BigInt(-12345)), "-12345")
        XCTAssertEqual(PyRepr.int(BigInt(0)), "0")
    }
}
