import KaaCore

/// The command line of `python -m dis`: dis.main's
/// `ArgumentParser()` with `add_argument('infile', type=argparse.FileType('rb'), nargs='?', default='-')`,
/// following argparse's order of events (CPython 3.11 Lib/argparse.py, _parse_known_args): arguments are taken from
/// left to right; the first positional one is opened at once (FileType), so a file that cannot be opened is reported
/// before an unrecognized option further on; -h prints the help and exits as soon as it is reached; the unrecognized
/// arguments are reported at the end.
extension DisModule {
    enum Parsed {
        /// The infile, read: the path (`-` for stdin) and its bytes.
        case file(path: String, data: [UInt8])
        /// Exit now with this status (the message is written).
        case exit(Int32)
    }

    static let help = usage + "\npositional arguments:\n  infile\n\noptions:\n  -h, --help  show this help message and exit\n"

    static func parseArguments(_ arguments: [String]) -> Parsed {
        var infile: (path: String, data: [UInt8])?
        var extras: [String] = []
        var afterDoubleDash = false
        func fail(_ message: String) -> Parsed {
            FileIO.writeStderr(usage + "dis.py: error: " + message + "\n")
            return .exit(2)
        }
        for arg in arguments {
            if !afterDoubleDash && arg == "--" { afterDoubleDash = true; continue }
            if !afterDoubleDash, let help = helpOption(arg) {
                if let explicit = help { return fail("argument -h/--help: ignored explicit argument \(PyRepr.string(explicit))") }
                FileIO.writeStdout(self.help)
                return .exit(0)
            }
            if !afterDoubleDash && isOptionLike(arg) {
                extras.append(arg)
                continue
            }
            if infile != nil {
                extras.append(arg)
                continue
            }
            if arg == "-" {
                infile = ("-", FileIO.readStdin())
                continue
            }
            switch FileIO.read(arg) {
            case .success(let data): infile = (arg, data)
            case .failure(let e):
                return fail("argument infile: can't open '\(arg)': [Errno \(e.code)] \(FileIO.errnoText(e.code)): "
                            + PyRepr.string(arg))
            }
        }
        // The default '-' goes through FileType too (stdin), before the unrecognized arguments are reported.
        let file = infile ?? ("-", FileIO.readStdin())
        if !extras.isEmpty { return fail("unrecognized arguments: " + extras.joined(separator: " ")) }
        return .file(path: file.path, data: file.data)
    }

    /// -h and --help, also abbreviated (`--h`, `--he`, `--hel`) and with an argument argparse refuses:
    /// nil when `arg` is not the help option, .some(nil) for the help, .some(text) for an ignored explicit argument.
    private static func helpOption(_ arg: String) -> String?? {
        if arg.hasPrefix("--") {
            let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            guard name.count >= 3, "--help".hasPrefix(name) else { return nil }
            return .some(parts.count > 1 ? String(parts[1]) : nil)
        }
        guard arg.hasPrefix("-h") else { return nil }
        var rest = arg.dropFirst(2)
        if rest.first == "=" { return .some(String(rest.dropFirst())) }
        // `-hhh` is -h three times; any other letter after them is an explicit argument of the last one.
        while rest.first == "h" { rest = rest.dropFirst() }
        return .some(rest.isEmpty ? nil : String(rest))
    }

    /// argparse's _parse_optional for this parser: does `arg` read as an (unknown) option rather than a positional?
    private static func isOptionLike(_ arg: String) -> Bool {
        guard arg.hasPrefix("-"), arg != "-" else { return false }
        // A negative number is a positional when the parser has no option that looks like one.
        let body = arg.utf8.dropFirst()
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        if !body.isEmpty && body.allSatisfy(isDigit) { return false }
        if let dot = body.firstIndex(of: UInt8(ascii: ".")) {
            let before = body[..<dot], after = body[body.index(after: dot)...]
            if before.allSatisfy(isDigit) && !after.isEmpty && after.allSatisfy(isDigit) { return false }
        }
        if arg.utf8.contains(UInt8(ascii: " ")) { return false }
        return true
    }
}
