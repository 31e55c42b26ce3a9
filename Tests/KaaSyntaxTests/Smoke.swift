import XCTest
@testable import KaaSyntax
final class KaaSyntaxSmokeTests: XCTestCase { func testLoads() {} }
