import XCTest
@testable import KaaBytecode
final class KaaBytecodeSmokeTests: XCTestCase { func testLoads() {} }
