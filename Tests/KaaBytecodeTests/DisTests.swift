import XCTest
@testable import KaaBytecode

/// Golden disassemblies (tests/dis/NAME.py compiled by python3 into NAME.pyc; NAME.out is `dis.dis` of its code
/// object, NAME.caches.out with show_caches=True), and adaptive (quickened) code.
final class DisTests: XCTestCase {
    func goldenNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.path)
            .filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }

    func testGoldens() throws {
        let names = try goldenNames()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        for name in names {
            let code = try PycFile.read(try Fixtures.bytes(name + ".pyc")).code
            XCTAssertEqual(Fixtures.maskAddresses(try Disassembler().dis(code)), try Fixtures.text(name + ".out"), name)
            XCTAssertEqual(Fixtures.maskAddresses(try Disassembler(showCaches: true).dis(code)),
                           try Fixtures.text(name + ".caches.out"), name + " show_caches")
        }
    }

    func testAdaptiveCode() throws {
        let code = try PycFile.read(try Fixtures.bytes("fixtures/adaptive.pyc")).code
        XCTAssertEqual(try Disassembler(adaptive: true).dis(code), try Fixtures.text("fixtures/adaptive.out"))
        XCTAssertEqual(try Disassembler(showCaches: true, adaptive: true).dis(code),
                       try Fixtures.text("fixtures/adaptive.caches.out"))
        XCTAssertEqual(try Disassembler().dis(code), try Fixtures.text("fixtures/adaptive.deopt.out"))
    }

    func testDepthAndBadOparg() throws {
        let code = try PycFile.read(try Fixtures.bytes("dis_basics.pyc")).code
        XCTAssertFalse(try Disassembler(depth: 0).dis(code).contains("Disassembly of"))
        // LOAD_CONST with an index past co_consts: IndexError, as dis raises.
        let bad = CodeObject(code: [Opcode.RESUME, 0, Opcode.LOAD_CONST, 9, Opcode.RETURN_VALUE, 0], consts: [.none])
        XCTAssertThrowsError(try Disassembler().dis(bad)) {
            XCTAssertEqual(($0 as? BytecodeError)?.description, "IndexError: tuple index out of range")
        }
    }

    func testFrozensetReprOrder() {
        // CPython (PYTHONHASHSEED=0): frozenset({'abc', None, 'functools'}), frozenset({0, None}).
        XCTAssertEqual(BytecodeConstant.frozenset([.str("abc"), .str("functools"), .none]).repr,
                       "frozenset({'abc', None, 'functools'})")
        XCTAssertEqual(BytecodeConstant.frozenset([.none, .int(0)]).repr, "frozenset({0, None})")
    }
}
