#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KaaCore
import KaaSyntax
import KaaCompiler
import KaaBytecode
import KaaRuntime
import KaaStdlib

/// `kaa`: what `python3` does with its command line, stage by stage as Kaa grows.
/// A program is decoded, parsed, compiled to CPython 3.11's bytecode and run on the VM; a `.pyc` compiled by CPython
/// 3.11 runs on the VM directly. The stage views (`-m tokenize`, `-m ast`, `-m dis`) are built in.
enum KaaCommand {
    static let pythonVersion = "3.11.7"
    static let kaaVersion = "0.1.0"

    static func run(_ arguments: [String]) -> Int32 {
        let programName = arguments.first ?? "kaa"
        let options: LaunchOptions
        do {
            options = try LaunchOptions.parse(arguments)
        } catch let error as LaunchOptions.UsageError {
            writeStderr(error.message + "\n" + usageLine(programName) + "Try `python -h' for more information.\n")
            return 2
        } catch {
            return 2
        }
        // CPython: config_init_hash_seed — before anything is hashed.
        let seedText = options.ignoreEnvironment ? nil : getenv("PYTHONHASHSEED").map { String(cString: $0) }
        switch Runtime.parseHashSeed(seedText) {
        case .success(let seed):
            Runtime.configureHashSeed(seed)
            InterpreterSetup.configure(options, hashSeed: seed)
        case .failure(let error):
            writeStderr(error.message)
            return 1
        }
        Stdlib.install()
        ImportSetup.configure(options)
        if options.helpRequested {
            writeStdout(usageLine(programName) + helpText)
            return 0
        }
        if options.versionRequests > 0 {
            if options.versionRequests == 1 {
                writeStdout("Python \(pythonVersion)\n")
            } else {
                writeStdout("Python \(pythonVersion) (Kaa \(kaaVersion), a Python implementation in Swift)\n")
            }
            return 0
        }
        switch options.program {
        case .module(let name):
            return runModule(name, arguments: Array(options.programArguments.dropFirst()), programName: programName)
        case .command(let code):
            return runSource(Array(code.utf8), filename: "<string>", arguments: options.programArguments)
        case .file(let path):
            // CPython 3.11 runs the script under its absolute path (the code's co_filename and __file__).
            let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
            guard let bytes = readFile(path) else {
                writeStderr("\(programName): can't open file '\(absolute)': [Errno 2] No such file or directory\n")
                return 2
            }
            // CPython: maybe_pyc_file — a compiled file is recognised by its extension or its magic number.
            if path.hasSuffix(".pyc") || bytes.starts(with: PycFile.magicNumber) {
                return runCompiledFile(path: absolute, bytes: bytes, arguments: options.programArguments)
            }
            return runSource(bytes, filename: absolute, arguments: options.programArguments)
        case .stdin:
            return runSource(readStandardInput(), filename: "<stdin>", arguments: options.programArguments)
        }
    }

    /// Runs a program from source: decode and parse it (KaaSyntax), compile it (KaaCompiler), run the code on the
    /// VM (KaaRuntime). Errors before running print as CPython prints them for a script.
    static func runSource(_ source: [UInt8], filename: String, arguments: [String]) -> Int32 {
        let code: CodeObject
        do {
            // SyntaxWarnings go through the warnings filters (-W): shown, ignored, or made SyntaxErrors.
            let module = try parseSource(source, filename: filename, mode: .file,
                                         warningsAreErrors: syntaxWarningsAreErrors(filename: filename)) { warning in
                reportSyntaxWarning(warning, filename: filename)
            }
            do {
                code = try Compiler.compile(module, filename: filename, source: source, optimize: optimizationLevel,
                                            warnings: compilerWarningSink)
            } catch var error as SyntaxErrorInfo {
                // After parsing, CPython reads the error's line from the file: none for -c and stdin.
                error.text = error.lineno.flatMap { compiledFileLine(filename, $0) }
                throw error
            }
        } catch let error as SyntaxErrorInfo {
            writeStderr(error.formattedForTraceback())
            return 1
        } catch let error as CompilerRecursionError {
            writeStderr("RecursionError: \(error.message)\n")
            return 1
        } catch is ParserMemoryError {
            // CPython 3.11's parser raises a bare MemoryError past its MAXSTACK depth; python3 prints just that.
            writeStderr("MemoryError\n")
            return 1
        } catch {
            writeStderr("\(error)\n")
            return 1
        }
        return withLargeStack { Runtime.runMain(code, path: filename, arguments: arguments) }
    }

    /// `-m NAME`: the stage views Kaa has built in. Other modules need the import system (the VM).
    static func runModule(_ name: String, arguments: [String], programName: String) -> Int32 {
        switch name {
        case "tokenize": return TokenizeModule.main(arguments)
        case "ast":
            if let batch = getenv("KAA_AST_BATCH"), String(cString: batch) == "parse" { return ParseBenchmark.run() }
            return ASTModule.main(arguments)
        case "dis":
            if let batch = getenv("KAA_COMPILE_BATCH"), String(cString: batch) == "compile" {
                return CompileBenchmark.run()
            }
            return DisModule.main(arguments) { source, filename in
                do {
                    // dis.main's compile(): SyntaxWarnings go through the warnings filters, as for a script.
                    let module = try parseSource(source, filename: filename, mode: .file, inputMode: .bytes,
                                                 warningsAreErrors: syntaxWarningsAreErrors(filename: filename)) {
                        reportSyntaxWarning($0, filename: filename)
                    }
                    return try Compiler.compile(module, filename: filename, source: source,
                                                warnings: compilerWarningSink)
                } catch let error as SyntaxErrorInfo {
                    throw DisplayedError(text: error.formattedForTraceback())
                }
            }
        case "py_compile": return PyCompile.main(arguments, optimizeLevel: optimizationLevel)
        case "compileall": return CompileAll.main(arguments, optimizeLevel: optimizationLevel)
        default:
            return withLargeStack {
                Runtime.runModuleAsMain(name, arguments: ["-m"] + arguments, programName: programName)
            }
        }
    }

    static func usageLine(_ programName: String) -> String {
        "usage: \(programName) [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    }

    static let helpText = """
        Options (and corresponding environment variables):
        -b     : issue warnings about str(bytes_instance), str(bytearray_instance)
                 and comparing bytes/bytearray with str. (-bb: issue errors)
        -B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
        -c cmd : program passed in as string (terminates option list)
        -d     : turn on parser debugging output (for experts only, only works on
                 debug builds); also PYTHONDEBUG=x
        -E     : ignore PYTHON* environment variables (such as PYTHONPATH)
        -h     : print this help message and exit (also -? or --help)
        -i     : inspect interactively after running script; forces a prompt even
                 if stdin does not appear to be a terminal; also PYTHONINSPECT=x
        -I     : isolate Python from the user's environment (implies -E and -s)
        -m mod : run library module as a script (terminates option list)
        -O     : remove assert and __debug__-dependent statements; add .opt-1 before
                 .pyc extension; also PYTHONOPTIMIZE=x
        -OO    : do -O changes and also discard docstrings; add .opt-2 before
                 .pyc extension
        -P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
        -q     : don't print version and copyright messages on interactive startup
        -s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
        -S     : don't imply 'import site' on initialization
        -u     : force the stdout and stderr streams to be unbuffered;
                 this option has no effect on stdin; also PYTHONUNBUFFERED=x
        -v     : verbose (trace import statements); also PYTHONVERBOSE=x
                 can be supplied multiple times to increase verbosity
        -V     : print the Python version number and exit (also --version)
                 when given twice, print more information about the build
        -W arg : warning control; arg is action:message:category:module:lineno
                 also PYTHONWARNINGS=arg
        -x     : skip first line of source, allowing use of non-Unix forms of #!cmd
        -X opt : set implementation-specific option
        --check-hash-based-pycs always|default|never:
                 control how Python invalidates hash-based .pyc files
        --help-env      : print help about Python environment variables and exit
        --help-xoptions : print help about implementation-specific -X options and exit
        --help-all      : print complete help information and exit
        Arguments:
        file   : program read from script file
        -      : program read from stdin (default; interactive mode if a tty)
        arg ...: arguments passed to program in sys.argv[1:]

        """
}

/// An error whose text is already what the user should see.
struct DisplayedError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
