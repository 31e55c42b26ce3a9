#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore

/// The batch mode scripts/conformance-ast drives: with KAA_AST_BATCH=1, `kaa -m ast` reads NUL-separated paths on
/// stdin and prints for each "\0PATH\0" then what this Python loop prints (run with `python3 -c`):
///
///     tree = ast.parse(open(path, "rb").read(), path, "exec", type_comments=True)
///     out = ast.dump(tree, include_attributes=True, indent=3) + "\n"
///   except SyntaxError as e: "!%s: %s (%s, %s, %s, %s)\n" % (type(e).__name__, e.msg, e.lineno, e.offset,
///                                                           e.end_lineno, e.end_offset)
///   except BaseException as e: "!%s: %s\n" % (type(e).__name__, e)
extension ASTModule {
    static var batchRequested: Bool {
        guard let v = getenv("KAA_AST_BATCH") else { return false }
        return String(cString: v) == "1"
    }

    /// One file of the batch: what follows "\0PATH\0".
    public static func batchEntry(path: String, io: IO) -> String {
        let source: [UInt8]
        switch io.readFile(path) {
        case .success(let bytes): source = bytes
        case .failure(let err):
            let cls: String
            switch err.code {
            case ENOENT: cls = "FileNotFoundError"
            case EISDIR: cls = "IsADirectoryError"
            case EACCES, EPERM: cls = "PermissionError"
            default: cls = "OSError"
            }
            return "!\(cls): [Errno \(err.code)] \(err.message): \(PyRepr.string(path))\n"
        }
        func describe(_ v: Int?) -> String { v.map(String.init) ?? "None" }
        func syntaxError(_ e: SyntaxErrorInfo) -> String {
            "!\(e.kind.rawValue): \(e.message) (\(describe(e.lineno)), \(describe(e.offset)), "
                + "\(describe(e.endLineno)), \(describe(e.endOffset)))\n"
        }
        if source.contains(0) {
            return syntaxError(SyntaxErrorInfo(message: "source code string cannot contain null bytes", filename: path))
        }
        let tree: Mod
        do {
            tree = try parseSource(source, filename: path, mode: .file, typeComments: true, inputMode: .bytes)
        } catch let e as SyntaxErrorInfo {
            return syntaxError(e)
        } catch is ParserMemoryError {
            return "!MemoryError: \n"
        } catch {
            return "!SystemError: \(error)\n"
        }
        // `python3 -c`: the module frame calls dump, so the first `_format` is at recursion level 3.
        let result = withLargeStack {
            ASTDump.formatChecked(tree.dumpValue, includeAttributes: true, indent: 3, formatDepth: 3)
        }
        switch result {
        case .success(let text): return text + "\n"
        case .failure(let failure): return "!" + failure.exception + "\n"
        }
    }

    static func runBatch(io: IO) -> Int32 {
        let input = io.readStdin()
        for raw in input.split(separator: 0, omittingEmptySubsequences: true) {
            let path = String(decoding: raw, as: UTF8.self)
            writeAll(1, "\u{0}" + path + "\u{0}" + batchEntry(path: path, io: io))
        }
        return 0
    }
}
