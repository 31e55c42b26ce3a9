// The command line of `python -m tokenize`, parsed the way argparse 3.11 parses it for tokenize.main's parser:
//   ArgumentParser(prog='python -m tokenize'); filename (nargs='?', metavar 'filename.py'); -e/--exact (store_true)
// (plus the automatic -h/--help). Mirrors _parse_known_args, _parse_optional, _get_option_tuples and
// consume_optional closely enough for every spelling: abbreviations, '=' arguments, joined short flags, '--'.
import KaaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum TokenizeArguments {
    static let prog = "python -m tokenize"

    /// argparse.HelpFormatter's width: shutil.get_terminal_size().columns - 2 (COLUMNS, else the terminal on
    /// stdout, else 80).
    static func formatterWidth() -> Int {
        var columns = 0
        if let env = getenv("COLUMNS") {
            let text = String(cString: env).filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "_" }
            columns = Int(text) ?? 0
        }
        if columns <= 0 {
            var ws = winsize()
            if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 { columns = Int(ws.ws_col) } else { columns = 80 }
        }
        return columns - 2
    }

    /// CPython: HelpFormatter._format_usage for this parser (wrapped when it does not fit the width).
    static func usage(width: Int) -> String {
        let prefix = "usage: "
        let optParts = ["[-h]", "[-e]"], posParts = ["[filename.py]"]
        let flat = ([prog] + optParts + posParts).joined(separator: " ")
        if prefix.count + flat.count <= width { return prefix + flat + "\n" }
        func getLines(_ parts: [String], _ indent: String, _ withPrefix: Bool = false) -> [String] {
            var lines: [String] = []
            var line: [String] = []
            var lineLen = withPrefix ? prefix.count - 1 : indent.count - 1
            for part in parts {
                if lineLen + 1 + part.count > width && !line.isEmpty {
                    lines.append(indent + line.joined(separator: " "))
                    line = []
                    lineLen = indent.count - 1
                }
                line.append(part)
                lineLen += part.count + 1
            }
            if !line.isEmpty { lines.append(indent + line.joined(separator: " ")) }
            if withPrefix, !lines.isEmpty { lines[0] = String(lines[0].dropFirst(indent.count)) }
            return lines
        }
        var lines: [String]
        if Double(prefix.count + prog.count) <= 0.75 * Double(width) {
            let indent = String(repeating: " ", count: prefix.count + prog.count + 1)
            lines = getLines([prog] + optParts, indent, true)
            lines += getLines(posParts, indent)
        } else {
            let indent = String(repeating: " ", count: prefix.count)
            lines = getLines(optParts + posParts, indent)
            if lines.count > 1 {
                lines = getLines(optParts, indent) + getLines(posParts, indent)
            }
            lines = [prog] + lines
        }
        return prefix + lines.joined(separator: "\n") + "\n"
    }

    /// textwrap.wrap for help texts of single-space-separated words no longer than `width`.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// CPython: ArgumentParser.format_help for this parser.
    static func help(width: Int) -> String {
        let maxHelpPosition = Swift.min(24, Swift.max(width - 20, 4))
        let helpPosition = Swift.min(13 + 2, maxHelpPosition)  // longest invocation (11) + indent (2), + 2
        let helpWidth = Swift.max(width - helpPosition, 11)
        let actionWidth = helpPosition - 2 - 2
        func item(_ invocation: String, _ text: String) -> String {
            let lines = wrap(text, helpWidth)
            var out: String
            var rest = lines[...]
            if invocation.count <= actionWidth {
                out = "  " + invocation + String(repeating: " ", count: actionWidth - invocation.count) + "  "
                out += (rest.first ?? "") + "\n"
                rest = rest.dropFirst()
            } else {
                out = "  " + invocation + "\n"
            }
            for l in rest { out += String(repeating: " ", count: helpPosition) + l + "\n" }
            return out
        }
        return usage(width: width) + "\npositional arguments:\n"
            + item("filename.py", "the file to tokenize; defaults to stdin")
            + "\noptions:\n"
            + item("-h, --help", "show this help message and exit")
            + item("-e, --exact", "display token names using the exact type")
    }

    enum Action { case help, exact }

    enum Outcome: Equatable {
        case run(exact: Bool, filename: String?)
        /// argparse printed something and exited (help: stdout, code 0; errors: stderr, code 2).
        case exit(code: Int32, stdout: String, stderr: String)
    }

    struct Exit: Error { var outcome: Outcome }

    /// `parser._option_string_actions`, in insertion order.
    static let optionStrings: [(String, Action)] = [("-h", .help), ("--help", .help), ("-e", .exact), ("--exact", .exact)]

    static func action(for option: String) -> Action? {
        for (s, a) in optionStrings where s == option { return a }
        return nil
    }

    static func name(of action: Action) -> String { action == .help ? "-h/--help" : "-e/--exact" }

    static func error(_ message: String) -> Exit {
        Exit(outcome: .exit(code: 2, stdout: "", stderr: usage(width: formatterWidth()) + prog + ": error: " + message + "\n"))
    }

    typealias OptionTuple = (action: Action?, option: String, explicit: String?)

    static func splitAtEquals(_ s: String) -> (String, String)? {
        guard let i = s.firstIndex(of: "=") else { return nil }
        return (String(s[..<i]), String(s[s.index(after: i)...]))
    }

    // CPython: ArgumentParser._get_option_tuples
    static func optionTuples(_ arg: String) -> [OptionTuple] {
        var result: [OptionTuple] = []
        let chars = Array(arg)
        guard chars.count >= 2 else { return result }
        if chars[0] == "-" && chars[1] == "-" {
            var prefix = arg
            var explicit: String? = nil
            if let (p, e) = splitAtEquals(arg) {
                prefix = p
                explicit = e
            }
            for (s, a) in optionStrings where s.hasPrefix(prefix) {
                result.append((a, s, explicit))
            }
        } else if chars[0] == "-" {
            let shortPrefix = String(chars[0..<2])
            let shortExplicit = String(chars[2...])
            for (s, a) in optionStrings {
                if s == shortPrefix {
                    result.append((a, s, shortExplicit))
                } else if s.hasPrefix(arg) {
                    result.append((a, s, nil))
                }
            }
        }
        return result
    }

    /// `^-\d+$|^-\d*\.\d+$` (\d: Unicode decimal digits)
    static func looksLikeNegativeNumber(_ arg: String) -> Bool {
        let scalars = Array(arg.unicodeScalars)
        guard scalars.first == "-" else { return false }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.numericType == .decimal }
        let rest = scalars.dropFirst()
        if !rest.isEmpty && rest.allSatisfy(isDigit) { return true }
        guard let dot = rest.firstIndex(of: ".") else { return false }
        let before = rest[rest.startIndex..<dot], after = rest[(dot + 1)...]
        return before.allSatisfy(isDigit) && !after.isEmpty && after.allSatisfy(isDigit)
    }

    // CPython: ArgumentParser._parse_optional. nil: a positional argument.
    static func parseOptional(_ arg: String) throws -> OptionTuple? {
        guard let first = arg.first, first == "-" else { return nil }
        if let a = action(for: arg) { return (a, arg, nil) }
        if arg.count == 1 { return nil }
        if let (option, explicit) = splitAtEquals(arg), let a = action(for: option) {
            return (a, option, explicit)
        }
        let tuples = optionTuples(arg)
        if tuples.count > 1 {
            let matches = tuples.map { $0.option }.joined(separator: ", ")
            throw error("ambiguous option: \(arg) could match \(matches)")
        }
        if tuples.count == 1 { return tuples[0] }
        if looksLikeNegativeNumber(arg) { return nil }
        if arg.contains(" ") { return nil }
        return (nil, arg, nil)
    }

    // CPython: ArgumentParser.parse_args → _parse_known_args, then "unrecognized arguments".
    static func parse(_ args: [String]) -> Outcome {
        do {
            return try parseOrThrow(args)
        } catch let e as Exit {
            return e.outcome
        } catch {
            return .exit(code: 2, stdout: "", stderr: usage(width: formatterWidth()))
        }
    }

    static func parseOrThrow(_ args: [String]) throws -> Outcome {
        var pattern: [Character] = []
        var tuples: [Int: OptionTuple] = [:]
        var afterDashDash = false
        for (i, arg) in args.enumerated() {
            if afterDashDash {
                pattern.append("A")
            } else if arg == "--" {
                pattern.append("-")
                afterDashDash = true
            } else if let t = try parseOptional(arg) {
                pattern.append("O")
                tuples[i] = t
            } else {
                pattern.append("A")
            }
        }
        let optionIndices = tuples.keys.sorted()
        var exact = false
        var filename: String? = nil
        var positionalPending = true
        var extras: [String] = []

        // consume_positionals: the only positional has nargs='?', pattern '(-*A?-*)'.
        func consumePositionals(_ start: Int) -> Int {
            guard positionalPending else { return start }
            var j = start
            while j < pattern.count && pattern[j] == "-" { j += 1 }
            if j < pattern.count && pattern[j] == "A" { j += 1 }
            while j < pattern.count && pattern[j] == "-" { j += 1 }
            var values = Array(args[start..<j])
            if let k = values.firstIndex(of: "--") { values.remove(at: k) }  // _get_values strips the first '--'
            filename = values.first
            positionalPending = false
            return j
        }

        func consumeOptional(_ start: Int) throws -> Int {
            guard let tuple = tuples[start], var action = tuple.action else {
                extras.append(args[start])
                return start + 1
            }
            var option = tuple.option
            var explicit = tuple.explicit
            var actions: [Action] = []
            while true {
                if let ex = explicit {
                    // Both actions take no argument (arg_count == 0).
                    let chars = Array(option)
                    if chars.count > 1 && chars[1] != "-" && !ex.isEmpty {
                        actions.append(action)
                        option = "-" + String(ex.first!)
                        let rest = String(ex.dropFirst())
                        if let next = Self.action(for: option) {
                            action = next
                            explicit = rest.isEmpty ? nil : rest
                        } else {
                            throw error("argument \(name(of: action)): ignored explicit argument \(PyRepr.string(ex))")
                        }
                    } else {
                        throw error("argument \(name(of: action)): ignored explicit argument \(PyRepr.string(ex))")
                    }
                } else {
                    actions.append(action)
                    break
                }
            }
            for a in actions {
                switch a {
                case .exact: exact = true
                case .help: throw Exit(outcome: .exit(code: 0, stdout: help(width: formatterWidth()), stderr: ""))
                }
            }
            return start + 1
        }

        var start = 0
        let maxOption = optionIndices.last ?? -1
        while start <= maxOption {
            let nextOption = optionIndices.first { $0 >= start } ?? maxOption
            if start != nextOption {
                let end = consumePositionals(start)
                if end > start {
                    start = end
                    continue
                }
                start = end
            }
            if tuples[start] == nil {
                extras.append(contentsOf: args[start..<nextOption])
                start = nextOption
            }
            start = try consumeOptional(start)
        }
        let stop = consumePositionals(start)
        extras.append(contentsOf: args[stop...])
        if !extras.isEmpty {
            throw error("unrecognized arguments: " + extras.joined(separator: " "))
        }
        return .run(exact: exact, filename: filename)
    }
}
