// `kaa -m tokenize [-e] [FILE]`: Lib/tokenize.py 3.11's main(), byte for byte — the token table on stdout, the
// `perror`/`error` messages on stderr and their exit codes, and the traceback CPython prints when decoding fails.
import KaaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum TokenizeModule {
    /// Where CPython's stdlib lives in the oracle's tracebacks (the frames of tokenize.py).
    static let cpythonLib = "/root/.pyenv/versions/3.11.7/lib/python3.11"

    /// What one run prints and returns.
    public struct Result: Equatable {
        public var stdout: [UInt8] = []
        public var stderr: [UInt8] = []
        public var code: Int32 = 0
    }

    /// Entry point: `arguments` are what follows `-m tokenize`. Reads the file (or stdin), writes to stdout/stderr.
    /// With KAA_TOKENIZE_BATCH=1 in the environment, reads NUL-separated paths on stdin instead and, for each,
    /// prints "\0PATH\0EXITCODE\0STDOUT\0STDERR" of `-m tokenize ARGUMENTS PATH` (scripts/conformance-tokenize).
    public static func main(_ arguments: [String]) -> Int32 {
        if let batch = getenv("KAA_TOKENIZE_BATCH"), String(cString: batch) == "1" {
            return runBatch(arguments)
        }
        // except KeyboardInterrupt: print("interrupted\n") — and main() returns normally.
        signal(SIGINT) { _ in
            let text: StaticString = "interrupted\n\n"
            _ = write(1, text.utf8Start, text.utf8CodeUnitCount)
            _exit(0)
        }
        if case let .run(exact, filename) = TokenizeArguments.parse(arguments), filename?.isEmpty ?? true {
            return streamStdin(exact: exact)
        }
        let result = run(arguments, stdin: { readAll(fd: 0) })
        writeAll(fd: 1, result.stdout)
        writeAll(fd: 2, result.stderr)
        return result.code
    }

    /// Runs main() with the given arguments; `stdin` supplies standard input's bytes when it is read. A relative
    /// FILE is opened in `directory` when one is given (messages still name FILE as given, like a run from there).
    public static func run(_ arguments: [String], directory: String? = nil, stdin: () -> [UInt8]) -> Result {
        var result = Result()
        switch TokenizeArguments.parse(arguments) {
        case let .exit(code, out, err):
            result.stdout = Array(out.utf8)
            result.stderr = Array(err.utf8)
            result.code = code
        case let .run(exact, filename):
            if let filename = filename, !filename.isEmpty {
                var path = filename
                if let dir = directory, !filename.hasPrefix("/") { path = dir + "/" + filename }
                tokenizeFile(filename, path: path, exact: exact, into: &result)
            } else {
                tokenizeStdin(stdin(), exact: exact, into: &result)
            }
        }
        return result
    }

    // MARK: - main()'s two modes

    /// `tokens = list(tokenize(f.readline))`: everything is tokenized before anything is printed.
    static func tokenizeFile(_ filename: String, path: String, exact: Bool, into result: inout Result) {
        let data: [UInt8]
        switch readFile(path, as: filename) {
        case .failure(let e):
            error(e.description, into: &result)  // except OSError as err: error(err)
            return
        case .success(let d):
            data = d
        }
        var sink = TokenPrinter(exact: exact)
        do {
            try data.withUnsafeBufferPointer { p in
                let (encoding, bodyStart) = try TokenizeEncodingDetector.detect(p, filename: filename)
                let decodeName = encoding == "utf-8-sig" ? "utf-8" : encoding
                guard let codec = TokenizeCodec.lookup(decodeName) else {
                    throw TokenizeEncodingError(message: "unknown encoding: " + decodeName)
                }
                var pos = bodyStart
                var line: [UInt8] = []
                try PyTokenizer.run(encoding: encoding, sink: &sink) {
                    line.removeAll(keepingCapacity: true)
                    let end = TokenizeEncodingDetector.lineEnd(p, pos)
                    try codec.decode(UnsafeBufferPointer(rebasing: p[pos..<end]), into: &line)
                    pos = end
                    return line
                }
            }
            result.stdout = sink.out
        } catch {
            report(error, filename: filename, traceback: fileTraceback, into: &result)
        }
    }

    /// `tokens = _tokenize(sys.stdin.readline, None)`: no ENCODING token, lines decoded as UTF-8 with
    /// surrogateescape (the C.UTF-8 locale) and split at '\n' only; tokens are printed as they come.
    static func tokenizeStdin(_ data: [UInt8], exact: Bool, into result: inout Result) {
        let text = data.withUnsafeBufferPointer { TokenizeCodec.decodeSurrogateEscape($0) }
        var sink = TokenPrinter(exact: exact)
        do {
            try text.withUnsafeBufferPointer { p in
                var pos = 0
                try PyTokenizer.run(encoding: nil, sink: &sink) {
                    let end = TokenizeEncodingDetector.lineEnd(p, pos)
                    defer { pos = end }
                    return Array(UnsafeBufferPointer(rebasing: p[pos..<end]))
                }
            }
            result.stdout = sink.out
        } catch {
            result.stdout = sink.out
            report(error, filename: "<stdin>", traceback: "", into: &result)
        }
    }

    /// Stdin mode of `main`: lines are read from fd 0 as they come and their tokens printed before the next read.
    static func streamStdin(exact: Bool) -> Int32 {
        var sink = TokenPrinter(exact: exact)
        sink.streamTo = 1
        var reader = LineReader(fd: 0)
        var result = Result()
        do {
            try PyTokenizer.run(encoding: nil, sink: &sink) {
                reader.nextLine().withUnsafeBufferPointer { TokenizeCodec.decodeSurrogateEscape($0) }
            }
        } catch {
            report(error, filename: "<stdin>", traceback: "", into: &result)
        }
        writeAll(fd: 1, sink.out)
        writeAll(fd: 2, result.stderr)
        return result.code
    }

    /// `sys.stdin.readline()` on raw bytes: up to and including the next '\n', the rest at the end, then [].
    struct LineReader {
        let fd: Int32
        var buffer: [UInt8] = []
        var start = 0
        var eof = false

        init(fd: Int32) { self.fd = fd }

        mutating func nextLine() -> [UInt8] {
            var scanFrom = start
            while true {
                var i = scanFrom
                while i < buffer.count {
                    if buffer[i] == 0x0A {
                        let line = Array(buffer[start...i])
                        start = i + 1
                        return line
                    }
                    i += 1
                }
                if eof {
                    let line = Array(buffer[start...])
                    buffer.removeAll()
                    start = 0
                    return line
                }
                if start > 0 {
                    buffer.removeFirst(start)
                    start = 0
                }
                scanFrom = buffer.count
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    eof = true
                } else {
                    buffer.append(contentsOf: chunk[0..<n])
                }
            }
        }
    }

    /// main()'s except clauses.
    static func report(_ err: Error, filename: String, traceback: String, into result: inout Result) {
        switch err {
        case let PyTokenizeError.indentationError(message, line, column),
             let PyTokenizeError.tokenError(message, line, column):
            error(message, filename: filename, location: (line, column), into: &result)
        case let e as TokenizeEncodingError:  // except SyntaxError as err: error(err, filename)
            error(e.message, filename: filename, into: &result)
        case let e as TokenizeDecodeFailure:  // except Exception: perror("unexpected error: %s" % err); raise
            result.stderr = Array(("unexpected error: \(e.message)\n" + traceback + e.codecFrame
                                   + "\(e.exceptionClass): \(e.message)\n").utf8)
            result.code = 1
        default:
            result.stderr = Array("unexpected error: \(err)\n".utf8)
            result.code = 1
        }
    }

    static let fileTraceback = """
        Traceback (most recent call last):
          File "<frozen runpy>", line 198, in _run_module_as_main
          File "<frozen runpy>", line 88, in _run_code
          File "\(cpythonLib)/tokenize.py", line 694, in <module>
            main()
          File "\(cpythonLib)/tokenize.py", line 656, in main
            tokens = list(tokenize(f.readline))
                     ^^^^^^^^^^^^^^^^^^^^^^^^^^
          File "\(cpythonLib)/tokenize.py", line 459, in _tokenize
            line = line.decode(encoding)
                   ^^^^^^^^^^^^^^^^^^^^^

        """

    /// tokenize.main's `error()`: perror(message) then sys.exit(1).
    static func error(_ message: String, filename: String? = nil, location: (Int, Int)? = nil,
                      into result: inout Result) {
        let text: String
        if let (line, column) = location {
            text = "\(filename ?? "None"):\(line):\(column): error: \(message)"
        } else if let filename = filename, !filename.isEmpty {
            text = "\(filename): error: \(message)"
        } else {
            text = "error: \(message)"
        }
        result.stderr = Array((text + "\n").utf8)
        result.code = 1
    }

    // MARK: - Files

    struct OSErrorInfo: Error {
        var errno: Int32
        var filename: String
        /// str(OSError): "[Errno N] strerror: 'filename'"
        var description: String {
            "[Errno \(errno)] \(String(cString: strerror(errno))): \(PyRepr.string(filename))"
        }
    }

    /// `open(filename, 'rb')` + reading: the bytes, or the OSError Python would raise.
    static func readFile(_ path: String, as filename: String) -> Swift.Result<[UInt8], OSErrorInfo> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(OSErrorInfo(errno: errno, filename: filename)) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(OSErrorInfo(errno: EISDIR, filename: filename))
        }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(OSErrorInfo(errno: errno, filename: filename))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return .success(data)
    }

    static func readAll(fd: Int32) -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }

    static func writeAll(fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                off += n
            }
        }
    }

    // MARK: - Batch mode

    static func runBatch(_ arguments: [String]) -> Int32 {
        let input = readAll(fd: 0)
        var out: [UInt8] = []
        for path in input.split(separator: 0, omittingEmptySubsequences: true) {
            let name = String(decoding: path, as: UTF8.self)
            let r = run(arguments + [name], stdin: { [] })
            out.append(0)
            out.append(contentsOf: path)
            out.append(0)
            out.append(contentsOf: Array(String(r.code).utf8))
            out.append(0)
            out.append(contentsOf: r.stdout)
            out.append(0)
            out.append(contentsOf: r.stderr)
            if out.count > 1 << 22 {
                writeAll(fd: 1, out)
                out.removeAll(keepingCapacity: true)
            }
        }
        writeAll(fd: 1, out)
        return 0
    }
}
