import XCTest
@testable import KaaCompiler
final class KaaCompilerSmokeTests: XCTestCase { func testLoads() {} }
