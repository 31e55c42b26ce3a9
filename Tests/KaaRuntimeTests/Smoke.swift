import XCTest
@testable import KaaRuntime
final class KaaRuntimeSmokeTests: XCTestCase { func testLoads() {} }
