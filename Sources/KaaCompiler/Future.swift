import KaaSyntax

/// The `from __future__ import ...` features of a module that change compilation, and the line of the last future
/// statement. (CPython 3.11: PyFutureFeatures, Python/future.c)
public struct FutureFeatures: Hashable, Sendable {
    /// CO_FUTURE_* flags, as CPython's code flags.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// CO_FUTURE_BARRY_AS_BDFL
        public static let barryAsBDFL = Flags(rawValue: 0x400000)
        /// CO_FUTURE_ANNOTATIONS
        public static let annotations = Flags(rawValue: 0x1000000)
    }

    public var features: Flags
    /// Line of the last `from __future__` statement at the top of the module (0 if none). compile.c uses it to reject a
    /// later one: "from __future__ imports must occur at the beginning of the file". (CPython: ff_lineno)
    public var lineno: Int

    public init(features: Flags = [], lineno: Int = 0) { self.features = features; self.lineno = lineno }

    /// `from __future__ import annotations` is in effect: annotations are not evaluated (compiled as strings).
    public var annotations: Bool { features.contains(.annotations) }

    /// The features whose import is accepted but changes nothing in 3.11.
    static let noOpFeatures: Set<String> = [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
        "unicode_literals", "generator_stop",
    ]

    /// Reads the future statements at the start of `module` (after an optional docstring).
    /// Errors, with CPython's messages and locations: "not a chance" (braces), "future feature X is not defined", and
    /// "from __future__ imports must occur at the beginning of the file" for a future import that follows another
    /// statement on the same line (the general late-import case is compile.c's, at codegen).
    /// (CPython 3.11: _PyFuture_FromAST → future_parse, future_check_features)
    public static func parse(_ module: Mod, filename: String, sourceLines: [String] = []) throws -> FutureFeatures {
        var ff = FutureFeatures()
        let body: [Stmt]
        switch module {
        case .module(let b, _): body = b
        case .interactive(let b): body = b
        default: return ff
        }
        guard !body.isEmpty else { return ff }

        func error(_ message: String, _ s: Stmt, offset: Int) -> SyntaxErrorInfo {
            // PyErr_SyntaxLocationObject: end_lineno = lineno, no end offset.
            let line = s.range.lineno
            let text = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : nil
            return SyntaxErrorInfo(message: message, filename: filename, lineno: line, offset: offset,
                                   endLineno: line, endOffset: nil, text: text)
        }

        var i = hasDocstring(body) ? 1 : 0
        var done = false
        var prevLine = 0
        while i < body.count {
            let s = body[i]
            i += 1
            // A series of statements joined by semicolons is checked to its end: a future import there after a
            // regular statement is an error here.
            if done && s.range.lineno > prevLine { return ff }
            prevLine = s.range.lineno
            guard case .importFrom(let module, let names, _) = s.kind, module == "__future__" else {
                done = true
                continue
            }
            if done {
                // CPython passes col_offset without +1 here.
                throw error("from __future__ imports must occur at the beginning of the file", s,
                            offset: s.range.colOffset)
            }
            for alias in names {
                let feature = alias.name
                if noOpFeatures.contains(feature) {
                    continue
                } else if feature == "barry_as_FLUFL" {
                    ff.features.insert(.barryAsBDFL)
                } else if feature == "annotations" {
                    ff.features.insert(.annotations)
                } else if feature == "braces" {
                    throw error("not a chance", s, offset: s.range.colOffset + 1)
                } else {
                    throw error("future feature \(feature) is not defined", s, offset: s.range.colOffset + 1)
                }
            }
            ff.lineno = s.range.lineno
        }
        return ff
    }
}

/// True if the first statement is an expression statement holding a str constant. (CPython: _PyAST_GetDocString)
func hasDocstring(_ body: [Stmt]) -> Bool {
    guard let first = body.first, case .expr(let value) = first.kind,
          case .constant(.str, _) = value.kind else { return false }
    return true
}
