import XCTest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tracebacks as python3 prints them from source, and Ctrl-C.
/// - tests/traceback/NAME.py runs as `kaa NAME.py` in its folder: stdout, stderr (source lines with CPython 3.11's
///   ~~~^^^ markers; the folder's path removed as scripts/regen-traceback-goldens removes python3's) and the exit
///   code must be python3's (NAME.out, NAME.err, NAME.rc).
/// - SIGINT sent to a running `kaa` raises KeyboardInterrupt in the program; uncaught, kaa prints the traceback
///   and dies by SIGINT, as python3 does.
extension CommandGoldenTests {
    func testTracebacksFromSourceThroughTheCommand() throws {
        let folder = Self.root.appendingPathComponent("tests/traceback")
        let programs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(programs.isEmpty)
        var failures: [String] = []
        for program in programs {
            let base = String(program.dropLast(3))
            func read(_ ext: String) -> String {
                (try? String(contentsOf: folder.appendingPathComponent(base + ext), encoding: .utf8)) ?? ""
            }
            let status = Int32(read(".rc").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            var result = try run([program], in: folder, stdin: URL(fileURLWithPath: "/dev/null"))
            result = Self.relative(result, to: folder)
            if result.stdout != read(".out") || result.stderr != read(".err") || result.status != status {
                failures.append("\(program): exit \(result.status) (expected \(status))\n--- expected\n"
                    + read(".err") + "--- got\n" + result.stdout + result.stderr)
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count)/\(programs.count) differ:\n" + failures.joined(separator: "\n"))
    }

    /// Starts kaa on `source` (a program that prints "ready" when it is running), sends it SIGINT `signals`
    /// times, each after the next line of output, and returns what it wrote and how it ended.
    private func interrupt(_ source: String, signals: Int) throws -> (output: [String], stderr: String,
                                                                       reason: Process.TerminationReason,
                                                                       status: Int32) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaa-sigint-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("prog.py")
        try source.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Self.kaa
        process.arguments = ["prog.py"]
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        var lines: [String] = []
        var pending = Data()
        let reader = out.fileHandleForReading
        func nextLine() -> String? {
            while true {
                if let nl = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<nl], as: UTF8.self)
                    pending = Data(pending[(nl + 1)...])
                    return line
                }
                let chunk = reader.availableData
                if chunk.isEmpty { return nil }
                pending.append(chunk)
            }
        }
        for _ in 0..<signals {
            guard let line = nextLine() else { break }
            lines.append(line)
            usleep(300_000)  // into the loop or the sleep after the line
            kill(process.processIdentifier, SIGINT)
        }
        while let line = nextLine() { lines.append(line) }
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (lines, errText, process.terminationReason, process.terminationStatus)
    }

    func testCtrlCRaisesKeyboardInterrupt() throws {
        // Caught in a loop of calls, then uncaught in time.sleep: the traceback, then death by SIGINT.
        let r = try interrupt("""
            import time
            print("ready", flush=True)
            def f(x):
                return x + 1
            i = 0
            try:
                while True:
                    i = f(i)
            except KeyboardInterrupt as e:
                print("caught", type(e).__name__, repr(e.args), i > 0, flush=True)
            print("sleeping", flush=True)
            time.sleep(30)
            print("not reached")

            """, signals: 2)
        XCTAssertEqual(r.output, ["ready", "caught KeyboardInterrupt () True", "sleeping"])
        XCTAssertEqual(r.stderr, """
            Traceback (most recent call last):
              File "prog.py", line 12, in <module>
                time.sleep(30)
            KeyboardInterrupt

            """.replacingOccurrences(of: "prog.py", with: Self.tempPath("prog.py")))
        XCTAssertEqual(r.reason, .uncaughtSignal)
        XCTAssertEqual(r.status, SIGINT)
    }

    func testCtrlCInATightLoop() throws {
        // `while True: pass` is one backward jump: the eval breaker check there stops it.
        let r = try interrupt("""
            print("ready", flush=True)
            n = 0
            while True:
                n += 1

            """, signals: 1)
        XCTAssertEqual(r.output, ["ready"])
        XCTAssertTrue(r.stderr.hasPrefix("Traceback (most recent call last):\n"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("\nKeyboardInterrupt\n"), r.stderr)
        XCTAssertEqual(r.reason, .uncaughtSignal)
        XCTAssertEqual(r.status, SIGINT)
    }

    func testRaisedKeyboardInterruptEndsBySIGINT() throws {
        // python3 ends by SIGINT for an uncaught KeyboardInterrupt itself (not a subclass), however it was raised.
        let folder = Self.root.appendingPathComponent("tests/traceback")
        let exact = try run(["-c", "raise KeyboardInterrupt"], in: folder)
        XCTAssertEqual(exact.stderr, "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nKeyboardInterrupt\n")
        XCTAssertEqual(exact.status, SIGINT)  // Process reports the signal number of a signalled process
        let subclass = try run(["-c", "class K(KeyboardInterrupt): pass\nraise K"], in: folder)
        XCTAssertEqual(subclass.status, 1)
    }

    /// `name` in the temporary folder `interrupt` runs in, as kaa names the script (its absolute path).
    private static func tempPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kaa-sigint-\(getpid())")
            .resolvingSymlinksInPath().appendingPathComponent(name).path
    }
}
