// Test-only tool for scripts/conformance-symtable: prints Kaa's symbol table of Python files in the text form of
// `SymbolTable.dump()` (the one scripts/symtable_dump.py prints from CPython).
//   kaa-symtable-dump FILE...   one dump per file
//   kaa-symtable-dump --batch   NUL-separated paths on stdin; prints "\0PATH\0" then the dump of each
//   --code (first argument)     also the `code:` line of each function and class block (see SymbolTable+Dump.swift)
//   kaa-symtable-dump --fold    NUL-separated expressions on stdin; for each, "\0" then the repr of the constant the AST
//                               optimizer folds it to, or `not folded` (for scripts/conformance-optimizer)
// A file that fails prints `!Class: msg (lineno, offset, end_lineno, end_offset)`.
import KaaSyntax
import KaaCompiler
import KaaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}

func opt(_ v: Int?) -> String { v.map(String.init) ?? "None" }

func dumpFile(_ path: String, code: Bool) -> String {
    guard let source = readFile(path) else { return "!OSError: cannot read \(path)\n" }
    do {
        let mod = try parseSource(source, filename: path, mode: .file)
        let future = try FutureFeatures.parse(mod, filename: path)
        let table = try withLargeStackResult { try SymbolTable.build(module: mod, filename: path, future: future) }
        return table.dump(code: code)
    } catch let e as SyntaxErrorInfo {
        return "!\(e.kind.rawValue): \(e.message) (\(opt(e.lineno)), \(opt(e.offset)), \(opt(e.endLineno)), \(opt(e.endOffset)))\n"
    } catch is CompilerRecursionError {
        return "!RecursionError: maximum recursion depth exceeded during compilation\n"
    } catch is ParserMemoryError {
        return "!MemoryError: \n"
    } catch {
        return "!Error: \(error)\n"
    }
}

func withLargeStackResult<T>(_ body: @escaping () throws -> T) throws -> T {
    let r: Result<T, Error> = withLargeStack { Result { try body() } }
    return try r.get()
}

func write(_ s: String) {
    var s = s
    s.withUTF8 { b in _ = fwrite(b.baseAddress, 1, b.count, stdout) }
}

var args = Array(CommandLine.arguments.dropFirst())
let withCode = args.first == "--code"
if withCode { args.removeFirst() }
var output = ""
func foldExpression(_ source: String) -> String {
    do {
        let mod = try parseSource(Array(source.utf8), filename: "f", mode: .eval, inputMode: .string)
        let opt = try withLargeStackResult { try ASTOptimizer.optimize(mod) }
        if case .expression(let body) = opt, case .constant(let v, _) = body.kind { return v.repr }
        return "not folded"
    } catch is SyntaxErrorInfo {
        return "SyntaxError"
    } catch {
        return "error"
    }
}

func readStdin() -> [UInt8] {
    var input: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, stdin)
        if n <= 0 { break }
        input.append(contentsOf: buf[0..<n])
    }
    return input
}

if args == ["--fold"] {
    for part in readStdin().split(separator: 0) {
        write("\0" + foldExpression(String(decoding: part, as: UTF8.self)))
    }
} else if args == ["--batch"] {
    for part in readStdin().split(separator: 0) {
        let path = String(decoding: part, as: UTF8.self)
        write("\0" + path + "\0" + dumpFile(path, code: withCode))
    }
} else {
    for path in args {
        if args.count > 1 { write("== \(path)\n") }
        write(dumpFile(path, code: withCode))
    }
}
