import KaaCore
import XCTest
@testable import KaaSyntax

/// Every tests/syntax_errors/NAME.py parsed as `python3 NAME.py` would (filename "NAME.py", file mode): the
/// SyntaxError's display must equal NAME.err, and the exit code NAME.rc (1).
final class SyntaxErrorGoldenTests: XCTestCase {
    func testGoldens() {
        let folder = "syntax_errors"
        let inputs = Golden.inputs(folder)
        XCTAssertFalse(inputs.isEmpty, "no inputs in tests/\(folder)")
        var failed: [String] = []
        for name in inputs {
            let base = String(name.dropLast(3))
            guard let source = Golden.read(folder, name), let want = Golden.readText(folder, base + ".err") else {
                XCTFail("tests/\(folder)/\(name): no \(base).err (run scripts/regen-goldens tests/\(folder))")
                failed.append(name)
                continue
            }
            let wantStatus = Golden.exitCode(folder, base)
            let outcome: Result<Mod, Error> = withLargeStack {
                Result { try parseSource(source, filename: name, mode: .file, typeComments: false) }
            }
            var message: String? = nil
            switch outcome {
            case .success:
                let last = want.split(separator: "\n").last.map(String.init) ?? ""
                message = "parsed without error; python3 exits \(wantStatus) with: \(last)"
            case .failure(let error as SyntaxErrorInfo):
                let got = error.formattedForTraceback()
                if wantStatus != 1 {
                    message = "raised \(error.kind.rawValue) but python3 exits \(wantStatus)"
                } else if got != want {
                    message = Golden.diff(want: want, got: got)
                }
            case .failure(let error):
                message = "threw a non-Python error: \(error)"
            }
            if let message {
                failed.append(name)
                XCTFail("tests/\(folder)/\(name): \(message)")
            }
        }
        if !failed.isEmpty {
            print("SyntaxErrorGoldenTests: \(failed.count) of \(inputs.count) failed: \(failed.joined(separator: " "))")
        }
    }
}
