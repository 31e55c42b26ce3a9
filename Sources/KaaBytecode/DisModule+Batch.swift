/// Batch modes of `kaa -m dis` for the conformance script and the benchmark: one process over many files.
/// Paths come NUL-separated on standard input.
///   --kaa-batch-dis                for each .pyc: "\0PATH\0" then exactly what `kaa -m dis PATH` prints (or
///                                  "!Class: message\n")
///   --kaa-batch-dis-source         for each .py: "\0PATH\0" then exactly what `kaa -m dis PATH` prints (the
///                                  source compiled by the caller's compiler), or "!" + the error text
///   --kaa-batch-roundtrip OUTDIR   for each .pyc: read it, write it again to OUTDIR/<same file name>, and
///                                  re-encode every code object's location and exception tables from their
///                                  decoded entries; prints "PATH\tOK|!Class: message\tIDENTICAL|DIFFERENT\tTABLES|
///                                  TABLES-DIFFER:<code name>" lines
///   --kaa-batch-views              for each .pyc: "PATH\tDIGEST": FNV-1a (64-bit, hex) of the text
///                                  "QUALNAME|lines:S,E,L;…|positions:L,EL,C,EC;…|lnotab:HEX|varnames:…|cellvars:…|
///                                  freevars:…|nlocals:N\n" of every code object, depth first (None printed as N)
///   --kaa-batch-unmarshal [REPEAT] reads all files, then times unmarshalling their code (bytes after the 16-byte
///                                  header) REPEAT times; prints "SECONDS LOADED" of the best run
extension DisModule {
    static func runBatch(_ mode: String, _ args: [String],
                         compile: (([UInt8], String) throws -> CodeObject)? = nil) -> Int32 {
        let paths = FileIO.readStdin().split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        switch mode {
        case "--kaa-batch-dis-source":
            guard let compile else {
                FileIO.writeStderr("--kaa-batch-dis-source needs a compiler (run it as `kaa -m dis`)\n")
                return 2
            }
            for path in paths {
                var out = "\0" + path + "\0"
                do {
                    guard case .success(let data) = FileIO.read(path) else { throw BytecodeError("OSError", path) }
                    out += try Disassembler().dis(compile(data, path))
                } catch {
                    out += "!\(error)\n"
                }
                FileIO.writeStdout(out)
            }
            return 0
        case "--kaa-batch-dis":
            for path in paths {
                var out = "\0" + path + "\0"
                do {
                    guard case .success(let data) = FileIO.read(path) else { throw BytecodeError("OSError", path) }
                    let pyc = try PycFile.read(data, name: path)
                    out += try Disassembler().dis(pyc.code)
                } catch let e as BytecodeError {
                    out += "!\(e)\n"
                } catch {
                    out += "!\(error)\n"
                }
                FileIO.writeStdout(out)
            }
            return 0
        case "--kaa-batch-roundtrip":
            guard let outDir = args.first else {
                FileIO.writeStderr("--kaa-batch-roundtrip needs an output folder\n")
                return 2
            }
            for path in paths {
                let base = path.split(separator: "/").last.map(String.init) ?? path
                var line = path + "\t"
                do {
                    guard case .success(let data) = FileIO.read(path) else { throw BytecodeError("OSError", path) }
                    let pyc = try PycFile.read(data, name: path)
                    let written = try pyc.bytes()
                    guard FileIO.write(outDir + "/" + base, written) else {
                        throw BytecodeError("OSError", "cannot write \(outDir)/\(base)")
                    }
                    line += "OK\t" + (written == data ? "IDENTICAL" : "DIFFERENT") + "\t"
                    line += tablesReencode(pyc.code).map { "TABLES-DIFFER:" + $0 } ?? "TABLES"
                } catch let e as BytecodeError {
                    line += "!\(e)"
                } catch {
                    line += "!\(error)"
                }
                FileIO.writeStdout(line + "\n")
            }
            return 0
        case "--kaa-batch-views":
            for path in paths {
                var line = path + "\t"
                do {
                    guard case .success(let data) = FileIO.read(path) else { throw BytecodeError("OSError", path) }
                    var digest = FNV1a()
                    viewsDigest(try PycFile.read(data, name: path).code, &digest)
                    line += String(digest.value, radix: 16)
                } catch {
                    line += "!\(error)"
                }
                FileIO.writeStdout(line + "\n")
            }
            return 0
        case "--kaa-batch-unmarshal":
            let repeats = args.first.flatMap { Int($0) } ?? 3
            var blobs: [[UInt8]] = []
            for path in paths {
                if case .success(let data) = FileIO.read(path), data.count >= 16 { blobs.append(Array(data[16...])) }
            }
            var best = Double.infinity
            var loaded = 0
            for _ in 0..<max(1, repeats) {
                loaded = 0
                let start = FileIO.now()
                for blob in blobs {
                    if (try? Marshal.loads(blob)) != nil { loaded += 1 }
                }
                best = min(best, FileIO.now() - start)
            }
            FileIO.writeStdout("\(best) \(loaded)\n")
            return 0
        default:
            FileIO.writeStderr("unknown batch mode \(mode)\n")
            return 2
        }
    }

    /// Re-encodes the location and exception tables of `co` and every nested code object from their decoded
    /// entries; returns the qualname of the first code object whose bytes differ, nil when all agree.
    static func tablesReencode(_ co: CodeObject) -> String? {
        let entries = LocationTable.entries(co.lineTable, firstLineNumber: Int(co.firstLineNumber))
        if LocationTable.encode(entries, firstLineNumber: Int(co.firstLineNumber)) != co.lineTable {
            return co.qualname.swiftString + " (co_linetable)"
        }
        if ExceptionTable.encode(ExceptionTable.decode(co.exceptionTable)) != co.exceptionTable {
            return co.qualname.swiftString + " (co_exceptiontable)"
        }
        for inner in co.nestedCode {
            if let bad = tablesReencode(inner) { return bad }
        }
        return nil
    }
}

/// FNV-1a, 64-bit: a digest both Kaa and the Python side of the conformance script compute.
struct FNV1a {
    var value: UInt64 = 0xcbf29ce484222325
    mutating func add(_ s: String) {
        for b in s.utf8 { value = (value ^ UInt64(b)) &* 0x100000001b3 }
    }
}

extension DisModule {
    static func viewsDigest(_ co: CodeObject, _ digest: inout FNV1a) {
        func n(_ v: Int?) -> String { v.map(String.init) ?? "N" }
        var s = co.qualname.swiftString + "|lines:"
        s += co.lines().map { "\($0.start),\($0.end),\(n($0.line))" }.joined(separator: ";")
        s += "|positions:"
        s += co.positions().map { "\(n($0.line)),\(n($0.endLine)),\(n($0.column)),\(n($0.endColumn))" }
            .joined(separator: ";")
        s += "|lnotab:" + co.lnotab.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        s += "|varnames:" + co.varnames.map(\.swiftString).joined(separator: ",")
        s += "|cellvars:" + co.cellvars.map(\.swiftString).joined(separator: ",")
        s += "|freevars:" + co.freevars.map(\.swiftString).joined(separator: ",")
        s += "|nlocals:\(co.nlocals)\n"
        digest.add(s)
        for inner in co.nestedCode { viewsDigest(inner, &digest) }
    }
}
