#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaSyntax
import KaaCompiler
import KaaBytecode
import KaaRuntime
import KaaCore

/// `kaa -m py_compile [-q] FILE...` and the `py_compile.compile()` that `-m compileall` uses, written in Swift
/// because CPython's Lib/py_compile.py needs importlib, os and argparse, which the VM does not have yet. Messages,
/// exit codes and written files are those of CPython 3.11's py_compile, with Kaa's cache tag.
/// (CPython: Lib/py_compile.py compile, main; PyCompileError)
enum PyCompile {
    enum InvalidationMode: String {
        case timestamp, checkedHash = "checked-hash", uncheckedHash = "unchecked-hash"
    }

    /// What `compile(..., doraise=True)` raises: PyCompileError (its `msg`) or an OSError (its `str`).
    enum Failure: Error {
        case compile(String)
        case os(String, String)  // the OSError subclass's name, str(exc)
    }

    /// The OSError subclass CPython raises for an errno (PyErr_SetFromErrno's mapping).
    static func osErrorClass(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "PermissionError"
        case ENOENT: return "FileNotFoundError"
        case EEXIST: return "FileExistsError"
        case EISDIR: return "IsADirectoryError"
        case ENOTDIR: return "NotADirectoryError"
        default: return "OSError"
        }
    }

    /// `_get_default_invalidation_mode`: checked hashes when SOURCE_DATE_EPOCH is set (reproducible builds).
    static var defaultInvalidationMode: InvalidationMode {
        if let v = getenv("SOURCE_DATE_EPOCH"), v.pointee != 0 { return .checkedHash }
        return .timestamp
    }

    /// `str(OSError(errno, strerror, filename))`
    static func osError(_ code: Int32, _ filename: String) -> Failure {
        .os(osErrorClass(code), "[Errno \(code)] \(String(cString: strerror(code))): \(PyRepr.string(filename))")
    }

    /// py_compile.compile(file, cfile, dfile, doraise=True, optimize, invalidation_mode): returns the cache path.
    @discardableResult
    static func compile(_ file: String, cfile: String? = nil, dfile: String? = nil, optimize: Int = -1,
                        invalidationMode: InvalidationMode? = nil, optimizeLevel: Int) throws -> String {
        let mode = invalidationMode ?? defaultInvalidationMode
        let level = optimize >= 0 ? optimize : optimizeLevel
        let target = cfile ?? ImportCache.cacheFromSource(file, optimization: level, prefix: ImportCache.pycachePrefix)
        var st = stat()
        if lstat(target, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFLNK {
                throw Failure.os("FileExistsError", "\(target) is a symlink and will be changed into a regular file if import writes a byte-compiled file to it")
            }
            if st.st_mode & S_IFMT != S_IFREG {
                throw Failure.os("FileExistsError", "\(target) is a non-regular file and will be changed into a regular one if import writes a byte-compiled file to it")
            }
        }
        // loader.get_data(file)
        let fd = open(file, O_RDONLY)
        if fd < 0 { throw osError(errno, file) }
        var info = stat()
        if fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR { close(fd); throw osError(EISDIR, file) }
        let source = readAll(fd)
        close(fd)
        let filename = dfile ?? file
        let code = try compileSource(source, filename: filename, optimize: level)
        // makedirs(dirname(cfile)), then the pyc, written atomically with the source's mode (+ owner write).
        let (dir, _) = splitPath(target)
        if !dir.isEmpty { try makeDirectories(dir) }
        let validation: PycFile.Validation
        if mode == .timestamp {
            guard stat(file, &info) == 0 else { throw osError(errno, file) }
            let sec = Int(info.st_mtim.tv_sec)
            let mtime = sec < 0 && info.st_mtim.tv_nsec > 0 ? sec + 1 : sec
            validation = .timestamp(mtime: UInt32(truncatingIfNeeded: mtime),
                                    sourceSize: UInt32(truncatingIfNeeded: Int(info.st_size)))
        } else {
            validation = .hash(checkSource: mode == .checkedHash, sourceHash: PycFile.sourceHash(source))
        }
        let bytes: [UInt8]
        do { bytes = try PycFile(validation: validation, code: code).bytes() } catch {
            throw Failure.compile("Sorry: ValueError: \(error)")
        }
        var fileMode: mode_t = 0o666
        if stat(file, &info) == 0 { fileMode = info.st_mode }
        fileMode |= 0o200
        try writeAtomic(target, bytes, mode: fileMode)
        return target
    }

    /// `loader.source_to_code(source, filename, _optimize=level)`: compile(), with PyCompileError's message for
    /// its exceptions. SyntaxWarnings go to stderr as the warnings module shows them.
    static func compileSource(_ source: [UInt8], filename: String, optimize: Int) throws -> CodeObject {
        let module: Mod
        do {
            module = try parseSource(source, filename: filename, mode: .file, inputMode: .bytes,
                                     warningsAreErrors: syntaxWarningsAreErrors(filename: filename)) { warning in
                reportSyntaxWarning(warning, filename: filename)
            }
        } catch let error as SyntaxErrorInfo {
            throw Failure.compile(message(for: error))
        } catch is ParserMemoryError {
            throw Failure.compile("Sorry: MemoryError: ")
        }
        do {
            return try Compiler.compile(module, filename: filename, source: source, optimize: optimize,
                                        warnings: compilerWarningSink)
        } catch var error as SyntaxErrorInfo {
            // After parsing, CPython reads the error's line from the file (PyErr_ProgramTextObject).
            error.text = error.lineno.flatMap { lineOfFile(filename, $0) }
            throw Failure.compile(message(for: error))
        } catch let error as CompilerRecursionError {
            throw Failure.compile("Sorry: RecursionError: \(error.message)")
        }
    }

    /// PyCompileError's msg: `traceback.format_exception_only` for SyntaxError itself, "Sorry: TYPE: str(exc)" for
    /// other exceptions (IndentationError and TabError included: py_compile tests `exc_type is SyntaxError`).
    static func message(for error: SyntaxErrorInfo) -> String {
        if error.kind != .syntaxError {
            return "Sorry: \(error.kind.rawValue): \(syntaxErrorStr(error))"
        }
        return formatExceptionOnly(error)
    }

    /// SyntaxError.__str__ (CPython: SyntaxError_str): `msg (FILE, line N)` with the file's base name.
    static func syntaxErrorStr(_ e: SyntaxErrorInfo) -> String {
        let base = e.filename.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? e.filename
        switch (e.lineno) {
        case let line?: return "\(e.message) (\(base), line \(line))"
        case nil: return "\(e.message) (\(base))"
        }
    }

    /// traceback.TracebackException._format_syntax_error + the final line (CPython 3.11 Lib/traceback.py).
    static func formatExceptionOnly(_ e: SyntaxErrorInfo) -> String {
        var out = ""
        if let line = e.lineno {
            out += "  File \"\(e.filename.isEmpty ? "<string>" : e.filename)\", line \(line)\n"
        }
        if let text = e.text {
            var rtext = Array(text.unicodeScalars)
            while rtext.last == "\n" { rtext.removeLast() }
            var start = 0
            while start < rtext.count, rtext[start] == " " || rtext[start] == "\n" || rtext[start] == "\u{0C}" { start += 1 }
            let ltext = Array(rtext[start...])
            let spaces = start
            out += "    " + String(String.UnicodeScalarView(ltext)) + "\n"
            if let offset = e.offset {
                var endOffset = (e.endOffset == nil || e.endOffset == 0) ? offset : e.endOffset!
                if offset == endOffset || endOffset == -1 { endOffset = offset + 1 }
                let colno = offset - 1 - spaces
                let endColno = endOffset - 1 - spaces
                if colno >= 0 {
                    var caretSpace = ""
                    for c in ltext.prefix(colno) { caretSpace.unicodeScalars.append(c.properties.isWhitespace ? c : " ") }
                    out += "    " + caretSpace + String(repeating: "^", count: max(0, endColno - colno)) + "\n"
                }
            }
        }
        out += "SyntaxError: \(e.message.isEmpty ? "<no detail available>" : e.message)\n"
        return out
    }

    static func lineOfFile(_ filename: String, _ line: Int) -> String? {
        guard let bytes = readFile(filename) else { return nil }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard line >= 1 && line <= lines.count else { return nil }
        return String(decoding: lines[line - 1], as: UTF8.self) + (line < lines.count ? "\n" : "")
    }

    static func splitPath(_ path: String) -> (String, String) {
        guard let i = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<i]), String(path[path.index(after: i)...]))
    }

    /// os.makedirs(dirname) (FileExistsError ignored, as py_compile does).
    static func makeDirectories(_ dir: String) throws {
        var st = stat()
        if stat(dir, &st) == 0 { return }
        let (parent, _) = splitPath(dir)
        if !parent.isEmpty && parent != dir { try makeDirectories(parent) }
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { throw osError(errno, dir) }
    }

    nonisolated(unsafe) static var counter = 0

    /// importlib's `_write_atomic`: PATH.N created exclusively, written, renamed over PATH.
    static func writeAtomic(_ path: String, _ data: [UInt8], mode: mode_t) throws {
        counter += 1
        let temporary = "\(path).\(getpid())\(counter)"
        let fd = open(temporary, O_EXCL | O_CREAT | O_WRONLY, mode & 0o666)
        if fd < 0 { throw osError(errno, temporary) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = errno; return }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw osError(failure, temporary)
        }
    }

    /// `python3 -m py_compile [-q] FILE... | -`: exit 0, or 1 at the first file that fails (message on stderr
    /// unless -q), 2 for a usage error (argparse).
    static func main(_ arguments: [String], optimizeLevel: Int) -> Int32 {
        var quiet = false
        var files: [String] = []
        var onlyPositional = false
        var unknown: [String] = []
        for argument in arguments {
            if !onlyPositional && argument == "--" { onlyPositional = true; continue }
            if !onlyPositional && argument.hasPrefix("-") && argument != "-" {
                switch argument {
                case "-q", "--quiet": quiet = true
                case "-h", "--help":
                    writeStdout(usage + helpText)
                    return 0
                default:
                    if argument.hasPrefix("-q") && argument.dropFirst(2).allSatisfy({ $0 == "q" }) { quiet = true; continue }
                    unknown.append(argument)
                }
                continue
            }
            files.append(argument)
        }
        // argparse: a missing required argument is reported before unrecognized ones.
        if files.isEmpty {
            writeStderr(usage + "py_compile.py: error: the following arguments are required: filenames\n")
            return 2
        }
        if !unknown.isEmpty {
            writeStderr(usage + "py_compile.py: error: unrecognized arguments: \(unknown.joined(separator: " "))\n")
            return 2
        }
        if files == ["-"] {
            let text = String(decoding: readStandardInput(), as: UTF8.self)
            files = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if files.last == "" { files.removeLast() }
        }
        for file in files {
            do {
                try compile(file, optimizeLevel: optimizeLevel)
            } catch Failure.compile(let msg) {
                if !quiet { writeStderr(msg) }
                return 1
            } catch Failure.os(_, let msg) {
                if !quiet { writeStderr(msg) }
                return 1
            } catch {
                return 1
            }
        }
        return 0
    }

    static let usage = "usage: py_compile.py [-h] [-q] filenames [filenames ...]\n"
    static let helpText = """

        A simple command-line interface for py_compile module.

        positional arguments:
          filenames    Files to compile

        options:
          -h, --help   show this help message and exit
          -q, --quiet  Suppress error output

        """
}

