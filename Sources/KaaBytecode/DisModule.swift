/// `kaa -m dis`: CPython 3.11's `python -m dis`.
///
/// `kaa -m dis FILE.py` (or stdin) prints `dis.dis(compile(source, FILE, "exec"))`, compiling with the `compile`
/// function the caller passes (KaaBytecode does not depend on the compiler); `kaa -m dis FILE.pyc`, an extension,
/// prints `dis.dis` of the module code object in the file. Hidden batch modes serve
/// `scripts/conformance-bytecode` and `bench/unmarshal/run` (see `DisModule+Batch.swift`).
public enum DisModule {
    static let usage = "usage: dis.py [-h] [infile]\n"

    /// Runs the module with the arguments that follow `-m dis`; returns the exit status.
    /// `compile(source, filename)` returns the module's code object, or throws an error whose description is what
    /// the caller wants printed (a formatted SyntaxError).
    public static func main(_ arguments: [String],
                            compile: (([UInt8], String) throws -> CodeObject)? = nil) -> Int32 {
        if let first = arguments.first, first.hasPrefix("--kaa-batch-") {
            return runBatch(first, Array(arguments.dropFirst()), compile: compile)
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
        let path = paths.first ?? "-"
        let data: [UInt8]
        if path == "-" {
            data = FileIO.readStdin()
        } else {
            switch FileIO.read(path) {
            case .success(let d): data = d
            case .failure(let e):
                FileIO.writeStderr(usage + "dis.py: error: argument infile: can't open '\(path)': [Errno \(e.code)] \(FileIO.errnoText(e.code)): '\(path)'\n")
                return 2
            }
        }
        let looksCompiled = data.starts(with: PycFile.magicNumber) || path.hasSuffix(".pyc")
        if !looksCompiled {
            guard let compile else {
                FileIO.writeStderr("kaa -m dis: \(path) is source code and no compiler was given\n")
                return 1
            }
            do {
                // argparse.FileType names stdin '<stdin>'.
                let code = try compile(data, path == "-" ? "<stdin>" : path)
                FileIO.writeStdout(try Disassembler().dis(code))
                return 0
            } catch {
                FileIO.writeStderr("\(error)")
                return 1
            }
        }
        do {
            let pyc = try PycFile.read(data, name: path)
            FileIO.writeStdout(try Disassembler().dis(pyc.code))
            return 0
        } catch let error as BytecodeError {
            // The exception CPython's loader would raise, as the last line of its traceback reads.
            FileIO.writeStderr("\(error)\n")
            return 1
        } catch {
            FileIO.writeStderr("\(error)\n")
            return 1
        }
    }
}
