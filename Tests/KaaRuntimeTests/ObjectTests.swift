import XCTest
@testable import KaaRuntime
import BigInt

/// Unit tests of the object layer: tagged ints, dict order, hashes CPython gives with PYTHONHASHSEED=0.
final class KaaRuntimeObjectTests: XCTestCase {
    override func setUp() { Runtime.bootstrap() }

    func testSmallIntBoundaries() {
        XCTAssertTrue(makeInt(PyValue.smallMax).isSmallInt)
        XCTAssertFalse(makeInt(PyValue.smallMax + 1).isSmallInt)
        XCTAssertEqual(bigOperand(makeInt(PyValue.smallMax + 1)), BigInt(PyValue.smallMax) + 1)
        XCTAssertTrue(makeInt(PyValue.smallMin).isSmallInt)
        XCTAssertEqual(makeInt(-5).smallInt, -5)
        let sum = intBinary(0, makeInt(PyValue.smallMax), .small(1))
        XCTAssertFalse(sum.isSmallInt)
        XCTAssertTrue(intBinary(10, sum, .small(1)).isSmallInt, "results that fit are normalised to small ints")
    }

    func testDictKeepsInsertionOrderThroughDeletesAndResizes() {
        let d = newDict()
        for i in 0..<100 { XCTAssertEqual(dictSetItem(d, .small(i), .small(i * i)), 0) }
        for i in stride(from: 0, to: 100, by: 3) { XCTAssertEqual(dictDelItem(d, .small(i)), 0) }
        for i in 100..<150 { XCTAssertEqual(dictSetItem(d, newStr("k\(i)"), .small(i)), 0) }
        var keys: [String] = []
        var pos = 0
        while let e = dictNext(d, &pos) { keys.append(strSwift(objectRepr(e.key))) }
        let expected = (0..<100).filter { $0 % 3 != 0 }.map(String.init) + (100..<150).map { "'k\($0)'" }
        XCTAssertEqual(keys, expected)
        XCTAssertEqual(dictCount(d), expected.count)
        XCTAssertEqual(dictGetItem(d, .small(4)).smallInt, 16)
        XCTAssertTrue(dictGetItem(d, .small(3)).isNull)
    }

    func testHashesMatchCPython() {
        // PYTHONHASHSEED=0 python3 -c "print(hash('a'), hash('hello'), hash('é'), hash('€'), hash(''), hash((1,2)), hash(1.5), hash(-1))"
        XCTAssertEqual(strHash(newStr("a")), 4644417185603328019)
        XCTAssertEqual(strHash(newStr("hello")), -2096571579003691106)
        XCTAssertEqual(strHash(newStr("é")), 6047309291227476195)
        XCTAssertEqual(strHash(newStr("€")), -5529981157763016009)
        XCTAssertEqual(strHash(newStr("")), 0)
        XCTAssertEqual(objectHash(newTuple([.small(1), .small(2)])), -3550055125485641917)
        XCTAssertEqual(objectHash(newFloat(1.5)), 1152921504606846977)
        XCTAssertEqual(objectHash(.small(-1)), -2)
    }

    func testFloatReprAndFloorDivision() {
        XCTAssertEqual(strSwift(objectRepr(newFloat(0.1 + 0.2))), "0.30000000000000004")
        XCTAssertEqual(floorDiv(-7, 2), -4)
        XCTAssertEqual(floorMod(-7, 2), 1)
        XCTAssertEqual(floorMod(7, -2), -1)
        XCTAssertEqual(floatDivmod(-7.5, 2).0, -4.0)
        XCTAssertEqual(floatDivmod(-7.5, 2).1, 0.5)
    }
}
