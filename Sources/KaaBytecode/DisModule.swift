/// `kaa -m dis`: CPython 3.11's `python -m dis` for .pyc files.
///
/// `kaa -m dis FILE.pyc` prints `dis.dis` of the module code object in the file. Disassembling source files needs
/// the compiler, which comes later: a source argument gets a clear error. Hidden batch modes serve
/// `scripts/conformance-bytecode` and `bench/unmarshal/run` (see `DisModule+Batch.swift`).
public enum DisModule {
    static let usage = "usage: dis.py [-h] [infile]\n"

    /// Runs the module with the arguments that follow `-m dis`; returns the exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        if let first = arguments.first, first.hasPrefix("--kaa-batch-") {
            return runBatch(first, Array(arguments.dropFirst()))
        }
        var paths: [String] = []
        var onlyPaths = false
        for arg in arguments {
            if !onlyPaths && (arg == "-h" || arg == "--help") {
                FileIO.writeStdout(usage + "\npositional arguments:\n  infile\n\noptions:\n  -h, --help  show this help message and exit\n")
                return 0
            }
            if !onlyPaths && arg == "--" { onlyPaths = true; continue }
            if !onlyPaths && arg.hasPrefix("-") && arg != "-" {
                FileIO.writeStderr(usage + "dis.py: error: unrecognized arguments: \(arg)\n")
                return 2
            }
            paths.append(arg)
        }
        if paths.count > 1 {
            FileIO.writeStderr(usage + "dis.py: error: unrecognized arguments: \(paths.dropFirst().joined(separator: " "))\n")
            return 2
        }
        guard let path = paths.first, path != "-" else {
            FileIO.writeStderr("kaa -m dis: reading source from standard input needs the compiler, which Kaa does not have yet; give a .pyc file\n")
            return 1
        }
        let data: [UInt8]
        switch FileIO.read(path) {
        case .success(let d): data = d
        case .failure(let e):
            FileIO.writeStderr(usage + "dis.py: error: argument infile: can't open '\(path)': [Errno \(e.code)] \(FileIO.errnoText(e.code)): '\(path)'\n")
            return 2
        }
        let looksCompiled = data.starts(with: PycFile.magicNumber) || path.hasSuffix(".pyc")
        guard looksCompiled else {
            FileIO.writeStderr("kaa -m dis: \(path) is source code; disassembling source needs the compiler, which Kaa does not have yet. Give a .pyc file (e.g. from python3 -m py_compile).\n")
            return 1
        }
        do {
            let pyc = try PycFile.read(data, name: path)
            FileIO.writeStdout(try Disassembler().dis(pyc.code))
            return 0
        } catch let error as BytecodeError {
            FileIO.writeStderr("Traceback (most recent call last):\n  File \"<kaa -m dis>\", line 1, in <module>\n\(error)\n")
            return 1
        } catch {
            FileIO.writeStderr("\(error)\n")
            return 1
        }
    }
}
