import XCTest
@testable import KaaBytecode

final class OpcodeTests: XCTestCase {
    /// Names, deoptimization, inline caches and classification of all 256 opcode numbers, as dis/opcode have them.
    func testOpcodeTableMatchesCPython() throws {
        let lines = try Fixtures.lines("fixtures/opcodes.txt")
        XCTAssertEqual(lines.count, 256)
        for line in lines {
            let f = line.split(separator: " ").map(String.init)
            let op = Int(f[0])!
            XCTAssertEqual(Opcode.names[op], f[1], "name of \(op)")
            XCTAssertEqual(Opcode.baseNames[op], f[2], "opcode.opname[\(op)]")
            XCTAssertEqual(Int(Opcode.deoptimized[op]), Int(f[3]), "deopt of \(op)")
            XCTAssertEqual(Opcode.caches(UInt8(op)), Int(f[4]), "caches of \(op)")
            let k = Opcode.kinds[op]
            var letters = ""
            for (l, kind) in [("c", Opcode.Kind.const), ("n", .name), ("r", .jrel), ("a", .jabs), ("l", .local),
                              ("m", .compare), ("f", .free)] where k.contains(kind) { letters += l }
            XCTAssertEqual(letters.isEmpty ? "-" : letters, f[5], "kinds of \(op)")
        }
        XCTAssertEqual(Opcode.HAVE_ARGUMENT, 90)
        XCTAssertEqual(Opcode.EXTENDED_ARG, 144)
        XCTAssertEqual(Opcode.byName["LOAD_GLOBAL_BUILTIN"], Opcode.LOAD_GLOBAL_BUILTIN)
        XCTAssertTrue(Opcode.kinds[Int(Opcode.JUMP_BACKWARD)].contains(.backward))
        XCTAssertFalse(Opcode.kinds[Int(Opcode.JUMP_FORWARD)].contains(.backward))
    }

    /// `dis.stack_effect` for every opcode (pseudo-instructions included), a spread of opargs and each jump value.
    func testStackEffectMatchesCPython() throws {
        var checked = 0
        for line in try Fixtures.lines("fixtures/stack_effect.txt") {
            let f = line.split(separator: " ").map(String.init)
            let op = Int(f[0])!
            let oparg: Int32? = f[1] == "-" ? nil : Int32(f[1])!
            for (i, jump) in [nil, true, false].enumerated() {
                let expected: Int32? = f[2 + i] == "E" ? nil : Int32(f[2 + i])!
                XCTAssertEqual(Opcode.stackEffect(op, oparg: oparg, jump: jump), expected,
                               "stack_effect(\(op), \(String(describing: oparg)), jump=\(String(describing: jump)))")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20000)
    }
}
