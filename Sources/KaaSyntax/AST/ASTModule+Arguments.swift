import KaaCore

/// The command line of `python -m ast` as Lib/ast.py 3.11 declares it with argparse, and argparse's parsing,
/// errors and help text for exactly that parser. (CPython: Lib/argparse.py ArgumentParser._parse_known_args,
/// _parse_optional, _get_option_tuples, consume_optional, HelpFormatter)
extension ASTModule {
    struct Options {
        var infile: String? = nil          // nil: stdin ('-')
        var source: [UInt8] = []
        var mode = "exec"
        var typeComments = true
        var includeAttributes = false
        /// `-i`: nil when the int does not fit 64 bits (Python then fails at `' ' * indent`).
        var indent: Int? = 3
    }

    /// How parsing the arguments ended when it did not give options.
    enum ArgumentOutcome: Error {
        case help                    // -h: help printed to stdout, exit 0
        case error(String)           // usage + "python -m ast: error: MSG" on stderr, exit 2
    }

    enum Action: Int, CaseIterable {
        case help, mode, noTypeComments, includeAttributes, indent

        var optionStrings: [String] {
            switch self {
            case .help: return ["-h", "--help"]
            case .mode: return ["-m", "--mode"]
            case .noTypeComments: return ["--no-type-comments"]
            case .includeAttributes: return ["-a", "--include-attributes"]
            case .indent: return ["-i", "--indent"]
            }
        }
        var takesArgument: Bool { self == .mode || self == .indent }
        /// argparse's `_get_action_name`.
        var name: String { optionStrings.joined(separator: "/") }
    }

    static let prog = "python -m ast"
    static let modeChoices = ["exec", "single", "eval", "func_type"]

    /// `parser._option_string_actions` in insertion order.
    static let optionStringActions: [(String, Action)] = Action.allCases.flatMap { a in a.optionStrings.map { ($0, a) } }

    static func action(for optionString: String) -> Action? {
        optionStringActions.first { $0.0 == optionString }?.1
    }

    /// (action or nil for an unknown option, the option string, the explicit argument)
    typealias OptionTuple = (action: Action?, optionString: String, explicitArg: String?)

    // CPython: ArgumentParser._parse_optional
    static func parseOptional(_ arg: String) throws -> OptionTuple? {
        guard let first = arg.first, first == "-" else { return nil }
        if let a = action(for: arg) { return (a, arg, nil) }
        if arg.count == 1 { return nil }
        if let eq = arg.firstIndex(of: "=") {
            let optionString = String(arg[..<eq])
            if let a = action(for: optionString) { return (a, optionString, String(arg[arg.index(after: eq)...])) }
        }
        let tuples = optionTuples(arg)
        if tuples.count > 1 {
            let options = tuples.map(\.optionString).joined(separator: ", ")
            throw ArgumentOutcome.error("ambiguous option: \(arg) could match \(options)")
        } else if tuples.count == 1 {
            return tuples[0]
        }
        if looksLikeNegativeNumber(arg) { return nil }
        if arg.contains(" ") { return nil }
        return (nil, arg, nil)
    }

    // CPython: ArgumentParser._get_option_tuples (allow_abbrev=True)
    static func optionTuples(_ arg: String) -> [OptionTuple] {
        var result: [OptionTuple] = []
        let chars = Array(arg)
        if chars.count >= 2 && chars[1] == "-" {
            var prefix = arg
            var explicit: String? = nil
            if let eq = arg.firstIndex(of: "=") {
                prefix = String(arg[..<eq])
                explicit = String(arg[arg.index(after: eq)...])
            }
            for (s, a) in optionStringActions where s.hasPrefix(prefix) { result.append((a, s, explicit)) }
        } else {
            let shortPrefix = String(chars.prefix(2))
            let shortExplicit = String(chars.dropFirst(2))
            for (s, a) in optionStringActions {
                if s == shortPrefix {
                    result.append((a, s, shortExplicit))
                } else if s.hasPrefix(arg) {
                    result.append((a, s, nil))
                }
            }
        }
        return result
    }

    /// argparse's `^-\d+$|^-\d*\.\d+$` (\d: any Unicode decimal digit).
    static func looksLikeNegativeNumber(_ arg: String) -> Bool {
        let s = Array(arg.unicodeScalars)
        guard s.first == "-" else { return false }
        let rest = s.dropFirst()
        func isDigit(_ u: Unicode.Scalar) -> Bool { u.properties.numericType == .decimal }
        if !rest.isEmpty && rest.allSatisfy(isDigit) { return true }
        guard let dot = rest.firstIndex(of: ".") else { return false }
        let before = rest[..<dot], after = rest[rest.index(after: dot)...]
        return before.allSatisfy(isDigit) && !after.isEmpty && after.allSatisfy(isDigit)
    }

    /// CPython: ArgumentParser.parse_args for ast.main's parser. Reads the infile as argparse.FileType('rb') does
    /// (when its argument is consumed).
    static func parseArguments(_ args: [String], io: IO) throws -> Options {
        var options = Options()
        // Classify: 'O' option, 'A' argument, '-' for the first "--".
        var pattern: [Character] = []
        var optionIndices: [Int: OptionTuple] = [:]
        var i = 0
        while i < args.count {
            if args[i] == "--" {
                pattern.append("-")
                pattern.append(contentsOf: repeatElement("A", count: args.count - i - 1))
                break
            }
            if let t = try parseOptional(args[i]) {
                optionIndices[i] = t
                pattern.append("O")
            } else {
                pattern.append("A")
            }
            i += 1
        }

        var extras: [String] = []
        var positionalPending = true   // `infile` not consumed yet
        var infileSeen = false

        func takeInfile(_ values: [String]) throws {
            infileSeen = true
            var values = values
            if let dd = values.firstIndex(of: "--") { values.remove(at: dd) }
            let name = values.first ?? "-"
            try openInfile(name, into: &options, io: io)
        }

        func takeAction(_ action: Action, _ values: [String], _ optionString: String) throws {
            switch action {
            case .help: throw ArgumentOutcome.help
            case .noTypeComments: options.typeComments = false
            case .includeAttributes: options.includeAttributes = true
            case .mode:
                let v = values[0]
                guard modeChoices.contains(v) else {
                    let choices = modeChoices.map { PyRepr.string($0) }.joined(separator: ", ")
                    throw ArgumentOutcome.error(
                        "argument \(action.name): invalid choice: \(PyRepr.string(v)) (choose from \(choices))")
                }
                options.mode = v
            case .indent:
                guard let n = pythonInt(values[0]) else {
                    throw ArgumentOutcome.error("argument \(action.name): invalid int value: \(PyRepr.string(values[0]))")
                }
                options.indent = n.value
            }
        }

        // CPython: consume_optional
        func consumeOptional(_ start: Int) throws -> Int {
            guard let tuple = optionIndices[start] else { return start + 1 }
            guard var action = tuple.action else {
                extras.append(args[start])
                return start + 1
            }
            var optionString = tuple.optionString
            var explicitArg = tuple.explicitArg
            var tuples: [(Action, [String], String)] = []
            var stop = start + 1
            while true {
                if let explicit = explicitArg {
                    let argCount = action.takesArgument ? 1 : 0
                    let second = optionString.dropFirst().first
                    if argCount == 0 && second != "-" && !explicit.isEmpty {
                        tuples.append((action, [], optionString))
                        optionString = "-" + String(explicit.first!)
                        let rest = String(explicit.dropFirst())
                        if let next = self.action(for: optionString) {
                            action = next
                            explicitArg = rest.isEmpty ? nil : rest
                        } else {
                            throw ArgumentOutcome.error(
                                "argument \(action.name): ignored explicit argument \(PyRepr.string(explicit))")
                        }
                    } else if argCount == 1 {
                        stop = start + 1
                        tuples.append((action, [explicit], optionString))
                        break
                    } else {
                        throw ArgumentOutcome.error(
                            "argument \(action.name): ignored explicit argument \(PyRepr.string(explicit))")
                    }
                } else {
                    let from = start + 1
                    if action.takesArgument {
                        guard from < pattern.count, pattern[from] == "A" else {
                            throw ArgumentOutcome.error("argument \(action.name): expected one argument")
                        }
                        tuples.append((action, [args[from]], optionString))
                        stop = from + 1
                    } else {
                        tuples.append((action, [], optionString))
                        stop = from
                    }
                    break
                }
            }
            for (a, values, s) in tuples { try takeAction(a, values, s) }
            return stop
        }

        // CPython: consume_positionals — `infile` (nargs='?') matches -*A?-* at the start.
        func consumePositionals(_ start: Int) throws -> Int {
            guard positionalPending else { return start }
            var end = start
            while end < pattern.count, pattern[end] == "-" { end += 1 }
            if end < pattern.count, pattern[end] == "A" { end += 1 }
            while end < pattern.count, pattern[end] == "-" { end += 1 }
            positionalPending = false
            try takeInfile(Array(args[start..<end]))
            return end
        }

        var start = 0
        let maxOptionIndex = optionIndices.keys.max() ?? -1
        while start <= maxOptionIndex {
            let next = optionIndices.keys.filter { $0 >= start }.min()!
            if start != next {
                let end = try consumePositionals(start)
                if end > start {
                    start = end
                    continue
                }
                start = end
            }
            if optionIndices[start] == nil {
                extras.append(contentsOf: args[start..<next])
                start = next
            }
            start = try consumeOptional(start)
        }
        let stop = try consumePositionals(start)
        extras.append(contentsOf: args[min(stop, args.count)...])
        // A string default goes through the type when the positional was never consumed.
        if !infileSeen { try openInfile("-", into: &options, io: io) }
        if !extras.isEmpty {
            throw ArgumentOutcome.error("unrecognized arguments: " + extras.joined(separator: " "))
        }
        return options
    }

    /// argparse.FileType('rb'): '-' is stdin, anything else is opened now.
    static func openInfile(_ name: String, into options: inout Options, io: IO) throws {
        if name == "-" {
            options.infile = nil
            options.source = io.readStdin()
            return
        }
        switch io.readFile(name) {
        case .success(let bytes):
            options.infile = name
            options.source = bytes
        case .failure(let err):
            throw ArgumentOutcome.error(
                "argument infile: can't open '\(name)': [Errno \(err.code)] \(err.message): \(PyRepr.string(name))")
        }
    }

    /// Python's `int(text)` for base 10: surrounding whitespace, a sign, decimal digits (any script) with single
    /// underscores between them. nil where Python raises ValueError; `value` nil when it does not fit an Int.
    static func pythonInt(_ text: String) -> (value: Int?, Void)? {
        var ascii: [UInt8] = []
        for u in text.unicodeScalars {
            if u.properties.isWhitespace {
                ascii.append(0x20)
            } else if u.value < 0x80 {
                ascii.append(UInt8(u.value))
            } else if u.properties.numericType == .decimal, let v = u.properties.numericValue {
                ascii.append(UInt8(48 + Int(v)))
            } else {
                return nil
            }
        }
        var s = ascii[...]
        while let f = s.first, f == 0x20 || (f >= 0x09 && f <= 0x0D) || (f >= 0x1C && f <= 0x1F) { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || (l >= 0x09 && l <= 0x0D) || (l >= 0x1C && l <= 0x1F) { s = s.dropLast() }
        var negative = false
        if let f = s.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        guard let first = s.first, first >= 48, first <= 57 else { return nil }
        var value = 0
        var overflow = false
        var lastWasUnderscore = false
        for c in s {
            if c == UInt8(ascii: "_") {
                if lastWasUnderscore { return nil }
                lastWasUnderscore = true
                continue
            }
            guard c >= 48, c <= 57 else { return nil }
            lastWasUnderscore = false
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 { overflow = true } else { value = a }
        }
        if lastWasUnderscore { return nil }
        return (overflow ? nil : (negative ? -value : value), ())
    }
}
