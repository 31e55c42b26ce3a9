import XCTest
import KaaBytecode
@testable import KaaCompiler

/// The compiler's switch-based opcode tables (OpTable) must agree with KaaBytecode's tables for every opcode, and
/// NameMap with a dictionary.
final class OpcodeTableTests: XCTestCase {
    func testJumpsAndCachesMatchOpcodeTables() {
        for op in 0..<256 {
            let kinds = Opcode.kinds[op]
            XCTAssertEqual(OpTable.isRelativeJump(op), kinds.contains(.jrel), "hasjrel \(op)")
            XCTAssertFalse(kinds.contains(.jabs), "3.11 has no absolute jumps: \(op)")
            XCTAssertEqual(Instr.isJumpOpcode(op), kinds.contains(.jrel) || kinds.contains(.jabs), "is_jump \(op)")
            if Opcode.deoptimized[op] == UInt8(op) {
                XCTAssertEqual(OpTable.caches(op), Opcode.caches(UInt8(op)), "caches \(op)")
            }
        }
        for op in [Op.JUMP, Op.JUMP_NO_INTERRUPT, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE, Op.POP_JUMP_IF_FALSE,
                   Op.POP_JUMP_IF_TRUE] {
            XCTAssertTrue(Instr.isJumpOpcode(op))
        }
        for op in [Op.SETUP_FINALLY, Op.SETUP_CLEANUP, Op.SETUP_WITH, Op.POP_BLOCK] {
            XCTAssertFalse(Instr.isJumpOpcode(op))
            XCTAssertEqual(OpTable.caches(op), 0)
        }
    }

    func testNameMapAgreesWithDictionary() {
        var map = NameMap()
        var dict: [String: Int] = [:]
        let names = (0..<500).map { "n\($0 % 137)_\($0 % 7)" } + ["", "é", "__class__", "ß", "n1_1"]
        for n in names {
            let (i, isNew) = map.insert(n)
            XCTAssertEqual(isNew, dict[n] == nil)
            if isNew { dict[n] = i }
            XCTAssertEqual(dict[n], i)
            XCTAssertEqual(map.keys[i], n)
        }
        for (n, i) in dict { XCTAssertEqual(map.find(n), i) }
        XCTAssertNil(map.find("absent"))
        XCTAssertEqual(map.count, dict.count)
    }
}
