import XCTest
import BigInt
import KaaCore
@testable import KaaBytecode

final class MarshalTests: XCTestCase {
    /// Every kind of value: Kaa reads CPython's bytes to the same value (repr) and writes them back.
    func testValuesFromCPython() throws {
        var identical = 0, total = 0
        for line in try Fixtures.lines("fixtures/marshal.txt") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            let expr = String(f[0]), data = Fixtures.hex(f[1])
            let expectedRepr = unescape(String(f[2]))
            let value = try Marshal.loads(data)
            XCTAssertEqual(value.repr, expectedRepr, expr)
            let written = try Marshal.dumps(value)
            XCTAssertEqual(try Marshal.loads(written), value, expr)
            total += 1
            if written == data { identical += 1 } else {
                // Writing differs from CPython only in FLAG_REF bits (reference counts).
                XCTAssertEqual(written.count, data.count, expr)
            }
        }
        XCTAssertGreaterThan(identical, total * 3 / 4)
    }

    /// Decodes the `unicode_escape` text the fixture generator wrote.
    func unescape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let u = Array(s.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i] == "\\" && i + 1 < u.count {
                let c = u[i + 1]
                func hexAt(_ n: Int) -> Unicode.Scalar {
                    let v = UInt32(String(String.UnicodeScalarView(u[(i + 2)..<(i + 2 + n)])), radix: 16)!
                    i += 2 + n
                    return Unicode.Scalar(v) ?? "\u{FFFD}"
                }
                switch c {
                case "x": out.append(hexAt(2)); continue
                case "u": out.append(hexAt(4)); continue
                case "U": out.append(hexAt(8)); continue
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                default: out.append(c)
                }
                i += 2
            } else {
                out.append(u[i]); i += 1
            }
        }
        return String(out)
    }

    /// Bad data raises what CPython raises (class and message), never traps or allocates what the data claims.
    func testBadDataLikeCPython() throws {
        var checked = 0
        for line in try Fixtures.lines("fixtures/marshal_bad.txt") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            let data = Fixtures.hex(f[0])
            let expected = String(f[1])
            let got: String
            do {
                _ = try Marshal.loads(data)
                got = "OK"
            } catch let e as BytecodeError {
                got = e.description
            }
            XCTAssertEqual(got, expected, "data \(f[0].prefix(80))")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testRandomCorruptionNeverTraps() throws {
        let pyc = try Fixtures.bytes("dis_basics.pyc")
        let body = Array(pyc[16...])
        var g = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var data = body
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                data[Int.random(in: 0..<data.count, using: &g)] = UInt8.random(in: 0...255, using: &g)
            }
            if Bool.random(using: &g) { data = Array(data.prefix(Int.random(in: 0..<data.count, using: &g))) }
            _ = try? Marshal.loads(data)
        }
    }

    /// 1999 nested tuples (CPython's limit is 2000 levels) read and written back on the test thread's stack.
    func testDeepNesting() throws {
        let data = [UInt8](repeating: 0, count: 0) + Array([[UInt8]](repeating: [0x29, 0x01], count: 1999).joined()) + [0x4E]
        let value = try Marshal.loads(data)
        let written = try Marshal.dumps(value)
        XCTAssertEqual(written.count, data.count)
        XCTAssertEqual(try Marshal.loads(written).repr.count, value.repr.count)
        XCTAssertThrowsError(try Marshal.loads([0x29, 0x01] + data)) {
            XCTAssertEqual(($0 as? BytecodeError)?.description, "ValueError: recursion limit exceeded")
        }
    }

    func testLongs() throws {
        for v in [BigInt(0), 1, -1, BigInt(1) << 15, (BigInt(1) << 15) - 1, BigInt(1) << 30, BigInt(1) << 64,
                  -(BigInt(1) << 64) + 1, BigInt(10).power(100), -BigInt(7).power(333)] {
            let data = try Marshal.dumps(.int(v))
            XCTAssertEqual(try Marshal.loads(data), .int(v))
        }
        // 2**31 as `marshal.dumps(2**31)` writes it: TYPE_LONG | FLAG_REF, 3 digits (0, 0, 2).
        XCTAssertEqual(try Marshal.dumps(.int(BigInt(1) << 31)), [0xec, 3, 0, 0, 0, 0, 0, 0, 0, 2, 0])
    }

    func testReferencesShareValues() throws {
        // ('abc', 'abc') written by CPython with a FLAG_REF'd string and a TYPE_REF.
        let value = BytecodeConstant.tuple([.str("abc"), .str("abc")])
        let data = try Marshal.dumps(value)
        XCTAssertTrue(data.contains(Marshal.TypeCode.ref))
        XCTAssertEqual(try Marshal.loads(data), value)
    }

    func testPycHeaderAndSourceHash() throws {
        for line in try Fixtures.lines("fixtures/source_hash.txt") {
            let f = line.split(separator: "\t")
            XCTAssertEqual(PycFile.sourceHash(Fixtures.hex(f[0])), Fixtures.hex(f[1]))
        }
        let data = try Fixtures.bytes("dis_basics.pyc")
        let pyc = try PycFile.read(data)
        guard case .hash(let checked, let hash) = pyc.validation else { return XCTFail("expected a hash-based pyc") }
        XCTAssertFalse(checked)
        XCTAssertEqual(hash, PycFile.sourceHash(try Fixtures.bytes("dis_basics.py")))
        XCTAssertEqual(pyc.header, Array(data[0..<16]))
        let again = try PycFile.read(try pyc.bytes())
        XCTAssertEqual(again.code, pyc.code)
        XCTAssertEqual(again.validation, pyc.validation)
        let stamped = PycFile(validation: .timestamp(mtime: 0x01020304, sourceSize: 77), code: pyc.code)
        XCTAssertEqual(stamped.header, PycFile.magicNumber + [0, 0, 0, 0, 4, 3, 2, 1, 77, 0, 0, 0])
        XCTAssertThrowsError(try PycFile.read([0x42, 0x0d, 0x0d, 0x0a] + data[4...])) {
            XCTAssertEqual(($0 as? BytecodeError)?.description, "ImportError: bad magic number in '<pyc>': b'B\\r\\r\\n'")
        }
        XCTAssertThrowsError(try PycFile.read(Array(data[0..<10]))) {
            XCTAssertEqual(($0 as? BytecodeError)?.pythonClass, "EOFError")
        }
    }

    func testCodeObjectViews() throws {
        let pyc = try PycFile.read(try Fixtures.bytes("dis_basics.pyc"))
        let outer = pyc.code.nestedCode.first { $0.name == PyString("outer") }!
        XCTAssertEqual(outer.cellvars, [PyString("v")])
        let inner = outer.nestedCode.first!
        XCTAssertEqual(inner.freevars, [PyString("v")])
        XCTAssertEqual(inner.nlocals, 0)
        let f = pyc.code.nestedCode.first { $0.name == PyString("f") }!
        XCTAssertEqual(f.argCount, 2)
        XCTAssertEqual(f.posOnlyArgCount, 1)
        XCTAssertEqual(f.kwOnlyArgCount, 2)
        XCTAssertEqual(f.varnames.prefix(4).map(\.swiftString), ["a", "b", "c", "d"])
    }
}
