/// argparse's usage and help text for `python -m ast`, wrapped to the terminal width as argparse.HelpFormatter does
/// (width = COLUMNS or the terminal's columns, else 80, minus 2). (CPython: Lib/argparse.py HelpFormatter)
extension ASTModule {
    static let optionalUsageParts = ["[-h]", "[-m {exec,single,eval,func_type}]", "[--no-type-comments]", "[-a]",
                                     "[-i INDENT]"]
    static let positionalUsageParts = ["[infile]"]

    /// (invocation, help) per action, in the order the sections list them.
    static let positionalHelp = [("infile", "the file to parse; defaults to stdin")]
    static let optionalHelp = [
        ("-h, --help", "show this help message and exit"),
        ("-m {exec,single,eval,func_type}, --mode {exec,single,eval,func_type}",
         "specify what kind of code must be parsed"),
        ("--no-type-comments", "don't add information about type comments"),
        ("-a, --include-attributes", "include attributes such as line numbers and column offsets"),
        ("-i INDENT, --indent INDENT", "indentation of nodes (number of spaces)"),
    ]

    // CPython: HelpFormatter._format_usage (the "usage: ..." block, without the trailing blank line)
    static func usage(width: Int) -> String {
        let prefix = "usage: "
        let allParts = [prog] + optionalUsageParts + positionalUsageParts
        let oneLine = allParts.joined(separator: " ")
        let textWidth = width   // current_indent is 0 at the top level
        if prefix.count + oneLine.count <= textWidth { return prefix + oneLine }

        func getLines(_ parts: [String], indent: String, prefix: String? = nil) -> [String] {
            var lines: [String] = []
            var line: [String] = []
            var lineLen = (prefix.map { $0.count } ?? indent.count) - 1
            for part in parts {
                if lineLen + 1 + part.count > textWidth && !line.isEmpty {
                    lines.append(indent + line.joined(separator: " "))
                    line = []
                    lineLen = indent.count - 1
                }
                line.append(part)
                lineLen += part.count + 1
            }
            if !line.isEmpty { lines.append(indent + line.joined(separator: " ")) }
            if prefix != nil, !lines.isEmpty { lines[0] = String(lines[0].dropFirst(indent.count)) }
            return lines
        }

        var lines: [String]
        if Double(prefix.count + prog.count) <= 0.75 * Double(textWidth) {
            let indent = String(repeating: " ", count: prefix.count + prog.count + 1)
            lines = getLines([prog] + optionalUsageParts, indent: indent, prefix: prefix)
            lines += getLines(positionalUsageParts, indent: indent)
        } else {
            let indent = String(repeating: " ", count: prefix.count)
            lines = getLines(optionalUsageParts + positionalUsageParts, indent: indent)
            if lines.count > 1 {
                lines = getLines(optionalUsageParts, indent: indent) + getLines(positionalUsageParts, indent: indent)
            }
            lines = [prog] + lines
        }
        return prefix + lines.joined(separator: "\n")
    }

    // CPython: ArgumentParser.format_help
    static func help(width: Int) -> String {
        let maxHelpPosition = min(24, max(width - 20, 4))
        let actionMaxLength = (positionalHelp + optionalHelp).map { $0.0.count + 2 }.max() ?? 0
        let helpPosition = min(actionMaxLength + 2, maxHelpPosition)
        let helpWidth = max(width - helpPosition, 11)
        let actionWidth = helpPosition - 2 - 2

        func formatAction(_ invocation: String, _ help: String) -> String {
            var out = ""
            let lines = wrap(help, width: helpWidth)
            if invocation.count <= actionWidth {
                out += "  " + invocation + String(repeating: " ", count: actionWidth - invocation.count) + "  "
                out += (lines.first ?? "") + "\n"
            } else {
                out += "  " + invocation + "\n"
                out += String(repeating: " ", count: helpPosition) + (lines.first ?? "") + "\n"
            }
            for line in lines.dropFirst() { out += String(repeating: " ", count: helpPosition) + line + "\n" }
            return out
        }

        var out = usage(width: width) + "\n\n"
        out += "positional arguments:\n"
        for (inv, h) in positionalHelp { out += formatAction(inv, h) }
        out += "\noptions:\n"
        for (inv, h) in optionalHelp { out += formatAction(inv, h) }
        return out
    }

    /// textwrap.wrap for text made of single-space separated words none longer than `width`.
    static func wrap(_ text: String, width: Int) -> [String] {
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
}
