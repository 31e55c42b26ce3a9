/// A node as `ast.dump` walks it: the generated `dumpValue` properties (AST+Dump.swift) build this tree, and
/// `ASTDump.format` prints it exactly as CPython 3.11's `ast.dump` does.
public indirect enum DumpValue: Sendable {
    /// A node: its class name, its `_fields` then its `_attributes`; a nil value is an optional field holding None,
    /// which `ast.dump` leaves out.
    case node(name: String, fields: [(String, DumpValue?)], attributes: [(String, DumpValue?)])
    case list([DumpValue])
    /// A leaf already in its `repr()` form.
    case repr(String)
}

public enum ASTDump {
    /// CPython: Lib/ast.py `dump(node, annotate_fields=True, include_attributes=False, *, indent=None)`.
    /// `indent` is the number of spaces per level, or nil for the one-line form.
    public static func format(_ value: DumpValue, includeAttributes: Bool = false, indent: Int? = nil) -> String {
        let unit = indent.map { String(repeating: " ", count: $0) }
        return format(value, level: 0, includeAttributes: includeAttributes, indent: unit).text
    }

    /// CPython: `dump._format`; returns the text and whether it is "simple" (a leaf or a node with no arguments).
    private static func format(_ value: DumpValue, level: Int, includeAttributes: Bool,
                               indent: String?) -> (text: String, simple: Bool) {
        var level = level
        let prefix: String, sep: String
        if let indent {
            level += 1
            let pad = String(repeating: indent, count: level)
            prefix = "\n" + pad
            sep = ",\n" + pad
        } else {
            prefix = ""
            sep = ", "
        }
        switch value {
        case .repr(let text):
            return (text, true)
        case .list(let items):
            if items.isEmpty { return ("[]", true) }
            let parts = items.map { format($0, level: level, includeAttributes: includeAttributes, indent: indent).text }
            return ("[" + prefix + parts.joined(separator: sep) + "]", false)
        case .node(let name, let fields, let attributes):
            var args: [String] = []
            var allSimple = true
            for (field, value) in fields {
                guard let value else { continue }
                let (text, simple) = format(value, level: level, includeAttributes: includeAttributes, indent: indent)
                allSimple = allSimple && simple
                args.append(field + "=" + text)
            }
            if includeAttributes {
                for (field, value) in attributes {
                    guard let value else { continue }
                    let (text, simple) = format(value, level: level, includeAttributes: includeAttributes,
                                                indent: indent)
                    allSimple = allSimple && simple
                    args.append(field + "=" + text)
                }
            }
            if allSimple && args.count <= 3 {
                return (name + "(" + args.joined(separator: ", ") + ")", args.isEmpty)
            }
            return (name + "(" + prefix + args.joined(separator: sep) + ")", false)
        }
    }
}
