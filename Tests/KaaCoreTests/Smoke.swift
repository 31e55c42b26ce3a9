import XCTest
@testable import KaaCore
final class KaaCoreSmokeTests: XCTestCase { func testLoads() {} }
