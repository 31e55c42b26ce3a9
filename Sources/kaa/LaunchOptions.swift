/// The command line of `kaa`, read the way CPython's `Python/getopt.c` and `Python/initconfig.c` read `python3`'s:
/// single-letter options may be clustered (`-Bc code`), `-c` and `-m` end the option list, `-W`/`-X` take an argument
/// attached or separate, and everything after the program (file, `-c` code or `-m` module) belongs to it.
struct LaunchOptions {
    enum Program: Equatable {
        case file(String)
        case command(String)
        case module(String)
        case stdin
    }

    var program: Program = .stdin
    /// `sys.argv` as the program will see it.
    var programArguments: [String] = []
    var optimize = 0
    var dontWriteBytecode = false
    var ignoreEnvironment = false
    var isolated = false
    var inspect = false
    var quiet = false
    var unbuffered = false
    var verbose = 0
    var bytesWarning = 0
    var safePath = false
    var noUserSite = false
    var noSite = false
    var skipFirstLine = false
    var warnOptions: [String] = []
    var xOptions: [String] = []
    var checkHashBasedPycs = "default"
    var versionRequests = 0
    var helpRequested = false

    /// A usage error: CPython prints the message, the usage line and a hint, and exits with status 2.
    struct UsageError: Error { var message: String }

    static func parse(_ arguments: [String]) throws -> LaunchOptions {
        var options = LaunchOptions()
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-" {
                options.program = .stdin
                options.programArguments = ["-"] + arguments[(index + 1)...]
                return options
            }
            if argument == "--" {
                index += 1
                break
            }
            if argument.hasPrefix("--") {
                switch argument {
                case "--help": options.helpRequested = true
                case "--version": options.versionRequests += 1
                case "--help-env", "--help-xoptions", "--help-all":
                    // The general help for now; CPython prints topic-specific text for these.
                    options.helpRequested = true
                case "--check-hash-based-pycs":
                    guard index + 1 < arguments.count else {
                        throw UsageError(message: "Argument expected for the --check-hash-based-pycs option")
                    }
                    index += 1
                    let mode = arguments[index]
                    guard ["always", "default", "never"].contains(mode) else {
                        throw UsageError(message: "--check-hash-based-pycs must be one of 'default', 'always', or 'never'")
                    }
                    options.checkHashBasedPycs = mode
                default:
                    throw UsageError(message: "unknown option \(argument)")
                }
                index += 1
                continue
            }
            guard argument.hasPrefix("-"), argument.count > 1 else { break }
            // A cluster of single-letter options.
            let letters = Array(argument.unicodeScalars.dropFirst())
            var position = 0
            while position < letters.count {
                let letter = letters[position]
                position += 1
                let rest = String(String.UnicodeScalarView(letters[position...]))
                func takeArgument() throws -> String {
                    if !rest.isEmpty {
                        position = letters.count
                        return rest
                    }
                    guard index + 1 < arguments.count else {
                        throw UsageError(message: "Argument expected for the -\(letter) option")
                    }
                    index += 1
                    return arguments[index]
                }
                switch letter {
                case "c":
                    let code = try takeArgument()
                    options.program = .command(code)
                    options.programArguments = ["-c"] + arguments[(index + 1)...]
                    return options
                case "m":
                    let module = try takeArgument()
                    options.program = .module(module)
                    options.programArguments = [module] + arguments[(index + 1)...]
                    return options
                case "W": options.warnOptions.append(try takeArgument())
                case "X": options.xOptions.append(try takeArgument())
                case "b": options.bytesWarning += 1
                case "B": options.dontWriteBytecode = true
                case "d": break
                case "E": options.ignoreEnvironment = true
                case "h", "?": options.helpRequested = true
                case "i": options.inspect = true
                case "I": options.isolated = true; options.ignoreEnvironment = true; options.noUserSite = true
                case "O": options.optimize += 1
                case "P": options.safePath = true
                case "q": options.quiet = true
                case "s": options.noUserSite = true
                case "S": options.noSite = true
                case "u": options.unbuffered = true
                case "v": options.verbose += 1
                case "V": options.versionRequests += 1
                case "x": options.skipFirstLine = true
                default:
                    throw UsageError(message: "Unknown option: -\(letter)")
                }
            }
            index += 1
        }
        if index < arguments.count {
            options.program = .file(arguments[index])
            options.programArguments = Array(arguments[index...])
        } else {
            options.program = .stdin
            options.programArguments = [""]
        }
        return options
    }
}
