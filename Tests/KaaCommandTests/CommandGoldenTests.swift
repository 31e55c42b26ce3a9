import XCTest
import Foundation

/// End-to-end goldens through the real `kaa` executable (built beside the test bundle by `swift build --build-tests`):
/// every tests/syntax_errors/NAME.py and tests/compile_errors/NAME.py runs as `kaa NAME.py` in its folder, and
/// stderr and the exit code must be what `python3 NAME.py` gave (NAME.err, NAME.rc). python3 names the script by its
/// absolute path; the goldens hold it without the folder (scripts/regen-goldens), which is put back here.
/// Also: `kaa NAME.pyc` for the VM programs of tests/vm.
final class CommandGoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `kaa` binary next to this test bundle.
    static var kaa: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension != "xctest" {
            dir = URL(fileURLWithPath: CommandLine.arguments[0])
        }
        while dir.pathExtension != "xctest" && dir.path != "/" { dir = dir.deletingLastPathComponent() }
        return dir.deletingLastPathComponent().appendingPathComponent("kaa")
    }

    /// Runs `kaa` with the goldens' PYTHONHASHSEED=0 (they were made with it) unless `environment` says otherwise.
    /// `stdin`: a file to read standard input from (else the test process's own).
    func run(_ arguments: [String], in folder: URL,
             environment: [String: String] = ["PYTHONHASHSEED": "0"],
             unset: [String] = [], stdin: URL? = nil) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
        process.executableURL = Self.kaa
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        for name in unset { env.removeValue(forKey: name) }
        process.environment = env
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
                process.terminationStatus)
    }

    func checkErrorFolder(_ name: String) throws {
        let folder = Self.root.appendingPathComponent("tests/\(name)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(files.isEmpty, "no goldens in \(folder.path)")
        var failures: [String] = []
        for file in files {
            let base = String(file.dropLast(3))
            let expectedErr = try String(contentsOf: folder.appendingPathComponent(base + ".err"), encoding: .utf8)
                .replacingOccurrences(of: "File \"", with: "File \"\(folder.path)/")
                .replacingOccurrences(of: "in file \(file)", with: "in file \(folder.path)/\(file)")
            let rcFile = folder.appendingPathComponent(base + ".rc")
            let expectedStatus = (try? String(contentsOf: rcFile, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
            let result = try run([file], in: folder)
            if result.stderr != expectedErr || result.status != expectedStatus {
                failures.append("\(name)/\(file): exit \(result.status) (expected \(expectedStatus))\n"
                    + "--- expected\n\(expectedErr)--- got\n\(result.stderr)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(files.count) differ:\n" + failures.joined(separator: "\n"))
    }

    func testSyntaxErrorsThroughTheCommand() throws { try checkErrorFolder("syntax_errors") }

    func testCompileErrorsThroughTheCommand() throws { try checkErrorFolder("compile_errors") }

    func testCompiledProgramsThroughTheCommand() throws {
        let folder = Self.root.appendingPathComponent("tests/vm")
        let programs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".pyc") }.sorted()
        XCTAssertFalse(programs.isEmpty)
        var failures: [String] = []
        for program in programs {
            let base = String(program.dropLast(4))
            func read(_ ext: String) -> String? {
                try? String(contentsOf: folder.appendingPathComponent(base + ext), encoding: .utf8)
            }
            // As scripts/regen-vm-goldens ran python3: from a folder holding only the .pyc (no source lines), plus
            // the helper modules for import programs, run twice: the first run writes __pycache__, the second
            // reads it.
            let alone = try Self.programFolder(for: program, from: folder)
            defer { try? FileManager.default.removeItem(at: alone) }
            let status = read(".rc").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
            for pass in base.hasPrefix("imp_") ? [1, 2] : [1] {
                var result = try run(Self.vmFlags(folder, base) + [program, "arg1"], in: alone,
                                     unset: ["PYTHONDONTWRITEBYTECODE"], stdin: Self.vmStdin(folder, base))
                result = Self.relative(result, to: alone)
                if result.stdout != (read(".out") ?? "") || result.stderr != (read(".err") ?? "")
                    || result.status != status {
                    failures.append("\(program) (run \(pass)): exit \(result.status) (expected \(status))\n"
                        + "\(result.stdout)\n\(result.stderr)")
                }
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(programs.count) differ:\n" + failures.joined(separator: "\n"))
    }

    /// The interpreter options a VM program runs with (NAME.flags, e.g. `-O`), as scripts/regen-vm-goldens uses them.
    static func vmFlags(_ folder: URL, _ base: String) -> [String] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(base + ".flags"), encoding: .utf8)
        else { return [] }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// The standard input a VM program reads (NAME.stdin), if it has one.
    static func vmStdin(_ folder: URL, _ base: String) -> URL? {
        let url = folder.appendingPathComponent(base + ".stdin")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The same VM programs from source: `kaa NAME.py` parses, compiles (KaaCompiler) and runs them; stdout and the
    /// exit code must be CPython's. (Tracebacks differ from the .pyc goldens: from source they show source lines.)
    func testProgramsFromSourceThroughTheCommand() throws {
        let folder = Self.root.appendingPathComponent("tests/vm")
        let programs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(programs.isEmpty)
        var failures: [String] = []
        for program in programs {
            let base = String(program.dropLast(3))
            func read(_ ext: String) -> String? {
                try? String(contentsOf: folder.appendingPathComponent(base + ext), encoding: .utf8)
            }
            var result: (stdout: String, stderr: String, status: Int32)
            let stdin = Self.vmStdin(folder, base)
            if base.hasPrefix("imp_") {
                // Import programs run beside their helper modules, in a temporary folder (it gets __pycache__).
                let alone = try Self.programFolder(for: program, from: folder)
                defer { try? FileManager.default.removeItem(at: alone) }
                result = Self.relative(try run(Self.vmFlags(folder, base) + [program, "arg1"], in: alone,
                                               stdin: stdin), to: alone)
            } else {
                result = try run(Self.vmFlags(folder, base) + [program, "arg1"], in: folder, stdin: stdin)
            }
            let status = read(".rc").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
            var out = read(".out") ?? ""
            // sys.argv[0] is the script as given: NAME.py here, NAME.pyc in the goldens.
            out = out.replacingOccurrences(of: "'\(base).pyc'", with: "'\(base).py'")
            if result.stdout != out || result.status != status {
                failures.append("\(program): exit \(result.status) (expected \(status))\n\(result.stderr)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(programs.count) differ:\n" + failures.joined(separator: "\n"))
    }

    /// A fresh temporary folder holding `program` (from tests/vm) and, for an import program (imp_*), the helper
    /// modules and packages of tests/vm/imp_modules.
    static func programFolder(for program: String, from folder: URL) throws -> URL {
        let fm = FileManager.default
        let alone = fm.temporaryDirectory.appendingPathComponent("kaa-vm-\(getpid())-\(program)")
        try? fm.removeItem(at: alone)
        try fm.createDirectory(at: alone, withIntermediateDirectories: true)
        try fm.copyItem(at: folder.appendingPathComponent(program), to: alone.appendingPathComponent(program))
        if program.hasPrefix("imp_") {
            let helpers = folder.appendingPathComponent("imp_modules")
            for item in try fm.contentsOfDirectory(atPath: helpers.path) {
                try fm.copyItem(at: helpers.appendingPathComponent(item), to: alone.appendingPathComponent(item))
            }
        }
        return alone
    }

    /// Output with the temporary folder's path removed, as scripts/regen-vm-goldens removes python3's.
    static func relative(_ r: (stdout: String, stderr: String, status: Int32), to folder: URL)
        -> (stdout: String, stderr: String, status: Int32) {
        let prefix = folder.resolvingSymlinksInPath().path + "/"
        return (r.stdout.replacingOccurrences(of: prefix, with: ""), r.stderr.replacingOccurrences(of: prefix, with: ""),
                r.status)
    }

    /// str hashes and set order follow PYTHONHASHSEED exactly as python3's (expected values printed by python3 3.11.7
    /// with the same seeds); an invalid seed is CPython's fatal error.
    func testHashSeed() throws {
        let code = "print(hash('a'), hash('h\u{e9}llo\u{20ac}'), {'a','b','c','d','e','f'})"
        let expected = [
            "0": "4644417185603328019 1850932367300227059 {'d', 'c', 'f', 'a', 'e', 'b'}\n",
            "123": "-4226623170815027173 -2953423050228073019 {'f', 'e', 'b', 'c', 'a', 'd'}\n",
            "4294967295": "-5989683813037840249 -4260165495916966482 {'b', 'e', 'f', 'a', 'd', 'c'}\n",
        ]
        for (seed, output) in expected {
            XCTAssertEqual(try run(["-c", code], in: Self.root, environment: ["PYTHONHASHSEED": seed]).stdout, output)
        }
        let bad = try run(["-c", "pass"], in: Self.root, environment: ["PYTHONHASHSEED": "abc"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasPrefix("Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be"))
    }

    /// `kaa -m dis NAME.py` (compiled by KaaCompiler) prints what `PYTHONHASHSEED=0 python3 -m dis NAME.py` printed
    /// (tests/dis/NAME.src.out, code object addresses shown as 0x?). It can differ from NAME.out, the dis of the
    /// .pyc: a frozenset rebuilt by marshal iterates in another order.
    func testDisOfSourceThroughTheCommand() throws {
        let folder = Self.root.appendingPathComponent("tests/dis")
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(sources.isEmpty)
        let address = try NSRegularExpression(pattern: " at 0x[0-9a-f]+")
        for source in sources {
            let expected = try String(contentsOf: folder.appendingPathComponent(source.dropLast(3) + ".src.out"),
                                      encoding: .utf8)
            let result = try run(["-m", "dis", source], in: folder)
            let masked = address.stringByReplacingMatches(
                in: result.stdout, range: NSRange(result.stdout.startIndex..., in: result.stdout), withTemplate: " at 0x?")
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(masked, expected, source)
        }
    }

    func testVersionAndUsage() throws {
        let here = Self.root
        XCTAssertEqual(try run(["-V"], in: here).stdout, "Python 3.11.7\n")
        let bad = try run(["-z"], in: here)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("Unknown option: -z\nusage: "), bad.stderr)
        XCTAssertTrue(bad.stderr.hasSuffix("Try `python -h' for more information.\n"), bad.stderr)
        let missing = try run(["-c"], in: here)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("Argument expected for the -c option\n"), missing.stderr)
        let nofile = try run(["no_such_file.py"], in: here)
        XCTAssertEqual(nofile.status, 2)
        XCTAssertTrue(nofile.stderr.hasSuffix(
            ": can't open file '\(here.path)/no_such_file.py': [Errno 2] No such file or directory\n"), nofile.stderr)
    }
}
