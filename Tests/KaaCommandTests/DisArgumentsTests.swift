import XCTest
import Foundation

/// `kaa -m dis ARGS` against `python3 -m dis ARGS` for command lines that exercise dis.main's argparse parser
/// (tests/dis/fixtures/arguments.json, made by scripts/gen_dis_argument_goldens.py): same stdout, stderr and status,
/// run in tests/dis with stdin from /dev/null.
extension CommandGoldenTests {
    func testDisArgumentsLikeArgparse() throws {
        let folder = CommandGoldenTests.root.appendingPathComponent("tests/dis")
        let data = try Data(contentsOf: folder.appendingPathComponent("fixtures/arguments.json"))
        let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertGreaterThan(cases.count, 10)
        for c in cases {
            let args = try XCTUnwrap(c["args"] as? [String])
            let result = try run(["-m", "dis"] + args, in: folder, stdin: URL(fileURLWithPath: "/dev/null"))
            XCTAssertEqual(result.stdout, c["stdout"] as? String, "stdout of \(args)")
            XCTAssertEqual(result.stderr, c["stderr"] as? String, "stderr of \(args)")
            XCTAssertEqual(result.status, Int32(try XCTUnwrap(c["status"] as? Int)), "status of \(args)")
        }
    }
}
