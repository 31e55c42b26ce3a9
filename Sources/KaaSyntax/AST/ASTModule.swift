#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore

/// `python -m ast`: CPython 3.11's Lib/ast.py `main()`.
///
///     parser = argparse.ArgumentParser(prog='python -m ast')  # [-h] [-m MODE] [--no-type-comments] [-a] [-i N] [infile]
///     source = infile.read()                                   # binary; stdin when no file or '-'
///     tree = parse(source, args.infile.name, args.mode, type_comments=args.no_type_comments)
///     print(dump(tree, include_attributes=args.include_attributes, indent=args.indent))
///
/// Errors are printed as python3 prints them: argparse's usage errors (exit 2), and an uncaught exception's
/// traceback through runpy and ast.py (exit 1) for a SyntaxError from `parse` or a ValueError/RecursionError from
/// `dump`. The traceback's frames are fixed text of CPython 3.11.7's files.
public enum ASTModule {
    /// `arguments` are what follows `-m ast` on the command line. Writes to stdout/stderr; returns the exit status.
    /// With KAA_AST_BATCH=1 in the environment it runs the conformance batch mode instead (ASTModule+Batch.swift).
    public static func main(_ arguments: [String]) -> Int32 {
        if batchRequested { return runBatch(io: .process) }
        let result = run(arguments, io: .process)
        writeAll(1, result.stdout)
        writeAll(2, result.stderr)
        return result.status
    }

    /// What `main` would write and return, without touching the process's streams.
    public struct Output: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
        public init(stdout: String, stderr: String, status: Int32) {
            self.stdout = stdout; self.stderr = stderr; self.status = status
        }
    }

    /// The outside world `main` uses, replaceable for tests.
    public struct IO {
        public struct OpenError: Error, Sendable {
            public var code: Int32
            public var message: String
            public init(code: Int32, message: String) { self.code = code; self.message = message }
        }
        public var readStdin: () -> [UInt8]
        public var readFile: (String) -> Result<[UInt8], OpenError>
        /// Terminal width as shutil.get_terminal_size reports it (argparse wraps its texts to this minus 2).
        public var columns: () -> Int

        public init(readStdin: @escaping () -> [UInt8], readFile: @escaping (String) -> Result<[UInt8], OpenError>,
                    columns: @escaping () -> Int = { 80 }) {
            self.readStdin = readStdin; self.readFile = readFile; self.columns = columns
        }

        /// The real process: fd 0, the file system, $COLUMNS or the terminal on fd 1.
        public static var process: IO {
            IO(readStdin: { readFD(0) }, readFile: readPath, columns: terminalColumns)
        }
    }

    public static func run(_ arguments: [String], io: IO) -> Output {
        let width = max(io.columns() - 2, 1)
        let options: Options
        do {
            options = try parseArguments(arguments, io: io)
        } catch ArgumentOutcome.help {
            return Output(stdout: help(width: width), stderr: "", status: 0)
        } catch ArgumentOutcome.error(let message) {
            return Output(stdout: "", stderr: usage(width: width) + "\n" + prog + ": error: " + message + "\n",
                          status: 2)
        } catch {
            return Output(stdout: "", stderr: "\(error)\n", status: 1)
        }

        let filename = options.infile ?? "<stdin>"
        let mode: Parser.Mode
        switch options.mode {
        case "eval": mode = .eval
        case "single": mode = .single
        case "func_type": mode = .funcType
        default: mode = .file
        }
        // compile() refuses NUL bytes before tokenizing (CPython: _Py_SourceAsString).
        if options.source.contains(0) {
            let err = SyntaxErrorInfo(message: "source code string cannot contain null bytes", filename: filename)
            return Output(stdout: "", stderr: Traceback.parseFailure(err), status: 1)
        }
        let tree: Mod
        do {
            let source = options.source
            let typeComments = options.typeComments
            // ast.parse gets the file's bytes: compile() tokenizes them as a bytes source.
            tree = try parseSource(source, filename: filename, mode: mode, typeComments: typeComments,
                                   inputMode: .bytes)
        } catch let err as SyntaxErrorInfo {
            return Output(stdout: "", stderr: Traceback.parseFailure(err), status: 1)
        } catch is ParserMemoryError {
            return Output(stdout: "", stderr: Traceback.render(Traceback.parseEntries) + "MemoryError\n", status: 1)
        } catch {
            return Output(stdout: "", stderr: Traceback.header + "SystemError: \(error)\n", status: 1)
        }
        let includeAttributes = options.includeAttributes
        // dump: `indent = ' ' * indent` — Python's int has no bound, its str repeat has.
        guard let indent = options.indent else {
            return Output(stdout: "", stderr: Traceback.indentFailure(
                "OverflowError: cannot fit 'int' into an index-sized integer"), status: 1)
        }
        if indent >= 1 << 32 {
            return Output(stdout: "", stderr: Traceback.indentFailure("MemoryError"), status: 1)
        }
        let dumped = withLargeStack {
            ASTDump.formatChecked(tree.dumpValue, includeAttributes: includeAttributes, indent: indent)
        }
        switch dumped {
        case .success(let text):
            return Output(stdout: text + "\n", stderr: "", status: 0)
        case .failure(let failure):
            return Output(stdout: "", stderr: Traceback.dumpFailure(failure), status: 1)
        }
    }

    // MARK: - Process I/O

    static func readFD(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                out.append(contentsOf: buffer[0..<n])
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return out
    }

    /// open(name, 'rb') then read(): the OSError's errno and strerror when it fails (a directory is EISDIR).
    static func readPath(_ path: String) -> Result<[UInt8], IO.OpenError> {
        func failure(_ code: Int32) -> Result<[UInt8], IO.OpenError> {
            .failure(IO.OpenError(code: code, message: String(cString: strerror(code))))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return failure(errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return failure(EISDIR) }
        return .success(readFD(fd))
    }

    /// shutil.get_terminal_size().columns: $COLUMNS when a positive int, else the terminal on stdout, else 80.
    static func terminalColumns() -> Int {
        if let env = getenv("COLUMNS"), let n = Int(String(cString: env)), n > 0 { return n }
        var ws = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        if ioctl(1, request, &ws) == 0 && ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }

    static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
    }
}
