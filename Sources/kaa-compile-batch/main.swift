// kaa-compile-batch: compiles many files in one process for scripts/conformance-compiler.
// Usage: kaa-compile-batch OUTDIR [OPTIMIZE] < paths   (one path per line)
// For the N-th path (0-based) writes OUTDIR/N.marshal (marshal.dumps of the module's code object) and prints
// "N OK", or prints "N ERR <Class>: <message> (<line>, <offset>)" when parsing or compiling raises.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaSyntax
import KaaBytecode
import KaaCompiler

let args = CommandLine.arguments
guard args.count >= 2 else {
    fputs("usage: kaa-compile-batch OUTDIR < paths\n", stderr)
    exit(2)
}
let outdir = args[1]
// Optional second argument: the optimization level (compile(..., optimize=N)).
let optimize = args.count >= 3 ? Int(args[2]) ?? 0 : 0
var index = 0
// KAA_COMPILE_TIMES=1: print the time spent parsing, compiling and marshalling to stderr at the end.
let showTimes = getenv("KAA_COMPILE_TIMES") != nil
var tParse = 0.0, tCompile = 0.0, tMarshal = 0.0
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The whole file, or nil (no Foundation in this tool either).
func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
        if n > 0 { out.append(contentsOf: chunk[0..<n]) }
        if n < chunk.count { return ferror(f) != 0 ? nil : out }
    }
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    guard let f = fopen(path, "wb") else { return }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}
while let line = readLine() {
    let path = line
    defer { index += 1 }
    guard let source = readFile(path) else {
        print("\(index) ERR OSError: cannot read")
        continue
    }
    do {
        let t0 = now()
        // The conformance script compares with compile(bytes, ...): the tokenizer's bytes input mode.
        let mod = try parseSource(source, filename: path, mode: .file, inputMode: .bytes)
        let t1 = now()
        let co = try Compiler.compile(mod, filename: path, source: source, optimize: optimize)
        let t2 = now()
        let bytes = try Marshal.dumps(.code(co))
        tParse += t1 - t0
        tCompile += t2 - t1
        tMarshal += now() - t2
        writeFile("\(outdir)/\(index).marshal", bytes)
        print("\(index) OK")
    } catch let e as SyntaxErrorInfo {
        print("\(index) ERR \(e.kind.rawValue): \(e.message) (\(e.lineno ?? 0), \(e.offset ?? 0), \(e.endLineno ?? 0), \(e.endOffset ?? 0))")
    } catch let e as CompilerRecursionError {
        print("\(index) ERR RecursionError: \(e.message)")
    } catch {
        print("\(index) ERR \(error)")
    }
}
if showTimes {
    fputs("parse \(tParse)s compile \(tCompile)s marshal \(tMarshal)s\n", stderr)
}
