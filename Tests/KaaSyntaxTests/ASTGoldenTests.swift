import XCTest
@testable import KaaSyntax

/// Every tests/ast/NAME.py through `kaa -m ast -a NAME.py` (ASTModule) against NAME.out (python3's stdout and
/// stderr) and NAME.rc (its exit code when not 0).
final class ASTGoldenTests: XCTestCase {
    func testGoldens() {
        let folder = "ast"
        let inputs = Golden.inputs(folder)
        XCTAssertFalse(inputs.isEmpty, "no inputs in tests/\(folder)")
        var failed: [String] = []
        for name in inputs {
            let base = String(name.dropLast(3))
            guard let want = Golden.readText(folder, base + ".out") else {
                XCTFail("tests/\(folder)/\(name): no \(base).out (run scripts/regen-goldens tests/\(folder))")
                failed.append(name)
                continue
            }
            let wantStatus = Golden.exitCode(folder, base)
            let io = ASTModule.IO(
                readStdin: { [] },
                readFile: { path in
                    if let bytes = Golden.read(folder, path) { return .success(bytes) }
                    return .failure(.init(code: 2, message: "No such file or directory"))
                },
                columns: { 80 })
            let got = ASTModule.run(["-a", name], io: io)
            let gotText = got.stdout + got.stderr
            if gotText != want || got.status != wantStatus {
                failed.append(name)
                var message = "tests/\(folder)/\(name): "
                if got.status != wantStatus { message += "exit status \(got.status), expected \(wantStatus); " }
                if gotText != want { message += Golden.diff(want: want, got: gotText) }
                XCTFail(message)
            }
        }
        if !failed.isEmpty {
            print("ASTGoldenTests: \(failed.count) of \(inputs.count) failed: \(failed.joined(separator: " "))")
        }
    }
}
