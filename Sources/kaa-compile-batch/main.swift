// kaa-compile-batch: compiles many files in one process for scripts/conformance-compiler.
// Usage: kaa-compile-batch OUTDIR < paths   (one path per line)
// For the N-th path (0-based) writes OUTDIR/N.marshal (marshal.dumps of the module's code object) and prints
// "N OK", or prints "N ERR <Class>: <message> (<line>, <offset>)" when parsing or compiling raises.
import Foundation
import KaaSyntax
import KaaBytecode
import KaaCompiler

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: kaa-compile-batch OUTDIR < paths\n".data(using: .utf8)!)
    exit(2)
}
let outdir = args[1]
var index = 0
while let line = readLine() {
    let path = line
    defer { index += 1 }
    guard let data = FileManager.default.contents(atPath: path) else {
        print("\(index) ERR OSError: cannot read")
        continue
    }
    let source = [UInt8](data)
    do {
        let mod = try parseSource(source, filename: path, mode: .file)
        let co = try Compiler.compile(mod, filename: path, source: source, optimize: 0)
        let bytes = try Marshal.dumps(.code(co))
        FileManager.default.createFile(atPath: "\(outdir)/\(index).marshal", contents: Data(bytes))
        print("\(index) OK")
    } catch let e as SyntaxErrorInfo {
        print("\(index) ERR \(e.kind.rawValue): \(e.message) (\(e.lineno ?? 0), \(e.offset ?? 0), \(e.endLineno ?? 0), \(e.endOffset ?? 0))")
    } catch {
        print("\(index) ERR \(error)")
    }
}
