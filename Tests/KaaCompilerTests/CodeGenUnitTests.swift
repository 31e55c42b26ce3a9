import XCTest
import BigInt
import KaaCore
import KaaBytecode
@testable import KaaCompiler

/// Pieces of code generation checked against CPython 3.11's behaviour (values shown by python3 in comments).
final class CodeGenUnitTests: XCTestCase {
    /// `_PyCode_ConstantKey`: `0.0`/`-0.0` and `1`/`1.0`/`True` are distinct constants, equal values merge.
    func testConstantKeys() {
        let values: [BytecodeConstant] = [.float(0.0), .float(-0.0), .int(BigInt(1)), .float(1.0), .bool(true),
                                          .complex(real: 0, imag: 0), .complex(real: -0.0, imag: 0),
                                          .str(PyString("1")), .bytes([0x31]), .tuple([.int(BigInt(1))]),
                                          .tuple([.bool(true)])]
        let keys = Set(values.map(ConstKey.init))
        XCTAssertEqual(keys.count, values.count)
        XCTAssertEqual(ConstKey(.tuple([.float(1.5), .none])), ConstKey(.tuple([.float(1.5), .none])))
        XCTAssertEqual(ConstKey(.frozenset([.int(BigInt(1)), .int(BigInt(2))])),
                       ConstKey(.frozenset([.int(BigInt(2)), .int(BigInt(1))])))
    }

    /// `_Py_Mangle`: python3 -c "class C: __x = 1" stores `_C__x`; dunder names, dotted names and classes made
    /// only of underscores are left alone.
    func testMangle() {
        XCTAssertEqual(mangle("C", "__x"), "_C__x")
        XCTAssertEqual(mangle("_C", "__x"), "_C__x")
        XCTAssertEqual(mangle("__C", "__x"), "_C__x")
        XCTAssertEqual(mangle("C", "__x__"), "__x__")
        XCTAssertEqual(mangle("C", "_x"), "_x")
        XCTAssertEqual(mangle("C", "__a.b"), "__a.b")
        XCTAssertEqual(mangle("___", "__x"), "__x")
        XCTAssertEqual(mangle(nil, "__x"), "__x")
    }

    /// Python's `sorted()` of names is code point order.
    func testCodePointOrder() {
        XCTAssertEqual(["b", "a", "B", "é", "_"].sorted(by: codePointLess), ["B", "_", "a", "b", "é"])
    }

    /// CPython: PyObject_IsTrue of constants, which the flow graph uses to fold `LOAD_CONST; POP_JUMP_IF_*`.
    func testTruthiness() {
        XCTAssertFalse(BytecodeConstant.float(-0.0).isTrue)
        XCTAssertTrue(BytecodeConstant.complex(real: 0, imag: 1).isTrue)
        XCTAssertFalse(BytecodeConstant.tuple([]).isTrue)
        XCTAssertTrue(BytecodeConstant.ellipsis.isTrue)
        XCTAssertFalse(BytecodeConstant.str(PyString("")).isTrue)
    }
}
