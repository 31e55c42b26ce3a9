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
        let path: String, data: [UInt8]
        switch parseArguments(arguments) {
        case .exit(let status): return status
        case .file(let p, let d): path = p; data = d
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
                FileIO.writeStderr(compileTraceback + "\(error)")
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
