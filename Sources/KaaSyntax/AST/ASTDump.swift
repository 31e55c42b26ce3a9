/// A node as `ast.dump` walks it: the generated `dumpValue` properties (AST+Dump.swift) build this tree, and
/// `ASTDump.format` prints it exactly as CPython 3.11's `ast.dump` does.
public indirect enum DumpValue: Sendable {
    /// A node: its class name, its `_fields` then its `_attributes`; a nil value is an optional field holding None,
    /// which `ast.dump` leaves out.
    case node(name: String, fields: [(String, DumpValue?)], attributes: [(String, DumpValue?)])
    case list([DumpValue])
    /// A leaf already in its `repr()` form.
    case repr(String)
    /// A leaf whose `repr()` raises in CPython (an int over 4300 digits): `exception` is the exception line
    /// (`ValueError: ...`), `fallback` the text printed when limits are not enforced.
    case unrepresentable(fallback: String, exception: String)
}

/// Why `ast.dump` raised, with the Python frames of `ast.py` between `dump` and the raise (for the traceback).
public struct ASTDumpFailure: Error, Sendable {
    /// One traceback entry inside Lib/ast.py, innermost last.
    public enum Frame: Sendable, Equatable {
        /// `_format` recursing into a field (line 147) or an attribute (line 161).
        case field, attribute
        /// `_format` of a list calling `sep.join(<genexpr>)` (line 170), and the genexpr's `_format(x)` call.
        case listJoin, listGenexpr
        /// `_format` of a list creating the genexpr (line 170): entering its frame failed.
        case listCreate
        /// `_format` calling `repr(node)` on a leaf (line 171).
        case leafRepr
        /// `_format` of a node joining its arguments: one-line form (line 165) or multi-line form (line 166).
        case joinSimple, joinIndented
    }
    public var frames: [Frame]
    /// The last traceback line, e.g. `RecursionError: maximum recursion depth exceeded`.
    public var exception: String
}

public enum ASTDump {
    /// CPython: Lib/ast.py `dump(node, annotate_fields=True, include_attributes=False, *, indent=None)`.
    /// `indent` is the number of spaces per level (negative counts as 0, as `' ' * n` does), or nil for the one-line
    /// form. Python's limits are not applied here (an over-long int is printed); see `formatChecked`.
    public static func format(_ value: DumpValue, includeAttributes: Bool = false, indent: Int? = nil) -> String {
        var formatter = Formatter(includeAttributes: includeAttributes,
                                  indent: indent.map { String(repeating: " ", count: max(0, $0)) }, checked: false)
        var out = ""
        try? formatter.format(value, level: 0, depth: 0, into: &out)
        return out
    }

    /// As `format`, but failing where CPython 3.11 raises: an int over 4300 digits (ValueError), or recursion past
    /// the interpreter's limit of 1000 frames when run as `python -m ast` (RecursionError).
    /// `formatDepth` is the recursion level of the first `_format` frame: 7 under `python -m ast`, 3 when a
    /// `python -c` script calls `ast.dump` at module level.
    public static func formatChecked(_ value: DumpValue, includeAttributes: Bool = false, indent: Int? = nil,
                                     formatDepth: Int = Formatter.firstFormatDepth) -> Result<String, ASTDumpFailure> {
        var formatter = Formatter(includeAttributes: includeAttributes,
                                  indent: indent.map { String(repeating: " ", count: max(0, $0)) }, checked: true)
        do {
            var out = ""
            try formatter.format(value, level: 0, depth: formatDepth, into: &out)
            return .success(out)
        } catch let failure as ASTDumpFailure {
            return .failure(failure)
        } catch {
            return .failure(ASTDumpFailure(frames: [], exception: "SystemError: \(error)"))
        }
    }

    /// CPython's recursion accounting while `python -m ast` runs `dump`: every Python frame and every call of a
    /// METH_O builtin (`repr`, `str.join`) takes one level, and entering level 1001 raises RecursionError.
    /// The frames below the first `_format`: runpy's two, exec, the module, main(), dump() — the first `_format`
    /// is level 7 (measured with python3: a chain `x=a+…+a` of 986 names dumps, 987 does not).
    public struct Formatter {
        static let recursionLimit = 1000
        public static let firstFormatDepth = 7
        static let recursionMessage = "RecursionError: maximum recursion depth exceeded"

        let includeAttributes: Bool
        let indent: String?
        let checked: Bool
        var path: [ASTDumpFailure.Frame] = []

        init(includeAttributes: Bool, indent: String?, checked: Bool) {
            self.includeAttributes = includeAttributes
            self.indent = indent
            self.checked = checked
        }

        func fail(_ last: ASTDumpFailure.Frame?, _ exception: String) -> ASTDumpFailure {
            var frames = path
            if let last { frames.append(last) }
            return ASTDumpFailure(frames: frames, exception: exception)
        }

        /// Entering a Python frame or a checked builtin call at `depth` (CPython: _Py_EnterRecursiveCallTstate).
        func over(_ depth: Int) -> Bool { checked && depth > Self.recursionLimit }

        /// Whether `_format` would call this value "simple": a leaf, an empty list, or a node with no arguments.
        func isSimple(_ value: DumpValue) -> Bool {
            switch value {
            case .repr, .unrepresentable: return true
            case .list(let items): return items.isEmpty
            case .node(_, let fields, let attributes):
                if fields.contains(where: { $0.1 != nil }) { return false }
                return !(includeAttributes && attributes.contains(where: { $0.1 != nil }))
            }
        }

        /// CPython: `dump._format`, writing into `out` (the layout of a node depends only on whether its arguments
        /// are simple, known before they are formatted, so one pass suffices). `depth` is the recursion level of
        /// this `_format` frame.
        mutating func format(_ value: DumpValue, level: Int, depth: Int, into out: inout String) throws {
            var level = level
            var prefix = "", sep = ", "
            if let indent {
                level += 1
                let pad = String(repeating: indent, count: level)
                prefix = "\n" + pad
                sep = ",\n" + pad
            }
            switch value {
            case .repr(let text):
                try checkRepr(depth)
                out += text
            case .unrepresentable(let fallback, let exception):
                try checkRepr(depth)
                if checked { throw fail(.leafRepr, exception) }
                out += fallback
            case .list(let items):
                if items.isEmpty { out += "[]"; return }
                // Creating the genexpr enters its frame once (depth + 1); join is a METH_O call (depth + 1) that
                // resumes the genexpr (depth + 2), whose `_format(x)` calls run at depth + 3.
                if over(depth + 1) { throw fail(.listCreate, Self.recursionMessage) }
                if over(depth + 2) { throw fail(.listJoin, Self.recursionMessage) }
                out += "["
                out += prefix
                path.append(.listJoin)
                var first = true
                for item in items {
                    if over(depth + 3) { throw fail(.listGenexpr, Self.recursionMessage) }
                    if !first { out += sep }
                    first = false
                    path.append(.listGenexpr)
                    try format(item, level: level, depth: depth + 3, into: &out)
                    path.removeLast()
                }
                path.removeLast()
                out += "]"
            case .node(let name, let fields, let attributes):
                var count = 0
                var allSimple = true
                for (_, v) in fields { if let v { count += 1; allSimple = allSimple && isSimple(v) } }
                if includeAttributes {
                    for (_, v) in attributes { if let v { count += 1; allSimple = allSimple && isSimple(v) } }
                }
                let oneLine = allSimple && count <= 3
                out += name
                out += "("
                if !oneLine { out += prefix }
                var first = true
                func argument(_ field: String, _ value: DumpValue, _ frame: ASTDumpFailure.Frame) throws {
                    if over(depth + 1) { throw fail(frame, Self.recursionMessage) }
                    if !first { out += oneLine ? ", " : sep }
                    first = false
                    out += field
                    out += "="
                    path.append(frame)
                    try format(value, level: level, depth: depth + 1, into: &out)
                    path.removeLast()
                }
                for (field, value) in fields {
                    guard let value else { continue }
                    try argument(field, value, .field)
                }
                if includeAttributes {
                    for (field, value) in attributes {
                        guard let value else { continue }
                        try argument(field, value, .attribute)
                    }
                }
                // The join of the arguments is a METH_O call.
                if over(depth + 1) {
                    throw fail(oneLine ? .joinSimple : .joinIndented,
                               Self.recursionMessage + " while calling a Python object")
                }
                out += ")"
            }
        }

        /// `repr(node)`: the builtin call (METH_O) then PyObject_Repr each take a level.
        func checkRepr(_ depth: Int) throws {
            if over(depth + 1) { throw fail(.leafRepr, Self.recursionMessage + " while calling a Python object") }
            if over(depth + 2) {
                throw fail(.leafRepr, Self.recursionMessage + " while getting the repr of an object")
            }
        }
    }
}
