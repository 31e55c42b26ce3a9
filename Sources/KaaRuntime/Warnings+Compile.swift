import KaaCompiler
import KaaSyntax

/// The warnings filters as they apply to the warnings compilation issues (the compiler's and the tokenizer's
/// SyntaxWarnings): what `PyErr_WarnExplicitObject(category, message, filename, lineno, module=NULL,
/// registry=NULL)` decides from `sys.warnoptions` (-W, PYTHONWARNINGS, -X dev, -b) and the default filters.
/// Kaa has no `warnings` module yet; this is the part of it compile() needs. (CPython: Python/_warnings.c
/// warn_explicit, get_filter; Lib/warnings.py _processoptions, _setoption)

enum WarningAction: String {
    case error, ignore, always, `default`, module, once
}

struct WarningFilter {
    var action: WarningAction
    /// Lower-cased message prefix (`-W` escapes the text and matches it case-insensitively at the start).
    var message: String
    var category: String
    /// The module name the filter matches exactly, or "" for any.
    var module: String
    var lineno: Int
}

/// The filters, first match wins: the -W options (the last given first), then CPython 3.11's defaults.
nonisolated(unsafe) private var compileWarningFilters: [WarningFilter]? = nil
/// `(text, category)` pairs shown under the "once" action.
nonisolated(unsafe) private var onceRegistry: Set<String> = []

private func warningFilters() -> [WarningFilter] {
    if let f = compileWarningFilters { return f }
    var filters: [WarningFilter] = [
        WarningFilter(action: .default, message: "", category: "DeprecationWarning", module: "__main__", lineno: 0),
        WarningFilter(action: .ignore, message: "", category: "DeprecationWarning", module: "", lineno: 0),
        WarningFilter(action: .ignore, message: "", category: "PendingDeprecationWarning", module: "", lineno: 0),
        WarningFilter(action: .ignore, message: "", category: "ImportWarning", module: "", lineno: 0),
        WarningFilter(action: .ignore, message: "", category: "ResourceWarning", module: "", lineno: 0),
    ]
    for option in interpreterFlags.warnOptions {
        if let f = parseWarnOption(option) { filters.insert(f, at: 0) }
    }
    compileWarningFilters = filters
    return filters
}

/// CPython: warnings._setoption — `action:message:category:module:lineno`, fields stripped, action by prefix.
/// Options CPython rejects ("Invalid -W option ignored") are skipped.
func parseWarnOption(_ option: String) -> WarningFilter? {
    var parts = option.split(separator: ":", omittingEmptySubsequences: false).map {
        String($0.unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
            .drop { $0.properties.isWhitespace }.reversed().map(Character.init))
    }
    if parts.count > 5 { return nil }
    while parts.count < 5 { parts.append("") }
    let actions: [WarningAction] = [.default, .always, .ignore, .module, .once, .error]
    guard let action = parts[0].isEmpty ? .default : actions.first(where: { $0.rawValue.hasPrefix(parts[0]) })
    else { return nil }
    let category = parts[2].isEmpty ? "Warning" : parts[2]
    guard warningCategories.contains(category) else { return nil }
    var lineno = 0
    if !parts[4].isEmpty {
        guard let n = Int(parts[4]), n >= 0 else { return nil }
        lineno = n
    }
    return WarningFilter(action: action, message: parts[1].lowercased(), category: category, module: parts[3],
                         lineno: lineno)
}

private let warningCategories: Set<String> = [
    "Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning",
    "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning",
]

/// What the filters do with a warning of `category` (a direct subclass of Warning) raised by compiling `filename`.
/// (CPython: get_filter; the module is normalize_module(filename): the file name without its ".py")
func compileWarningAction(category: String, message: String, filename: String, lineno: Int) -> WarningAction {
    var module = filename.isEmpty ? "<unknown>" : filename
    if module.hasSuffix(".py") { module.removeLast(3) }
    let text = message.lowercased()
    for f in warningFilters() {
        if !f.message.isEmpty && !text.hasPrefix(f.message) { continue }
        if f.category != "Warning" && f.category != category { continue }
        if !f.module.isEmpty && f.module != module { continue }
        if f.lineno != 0 && f.lineno != lineno { continue }
        return f.action
    }
    return .default
}

/// Issues a compile-time warning: false when the filters make it an error (the caller raises a SyntaxError with
/// the message), true when it was shown or ignored. (CPython: warn_explicit with registry NULL: "default" and
/// "module" show every time, "once" once per text.)
func issueCompileWarning(category: String, message: String, filename: String, lineno: Int) -> Bool {
    switch compileWarningAction(category: category, message: message, filename: filename, lineno: lineno) {
    case .error: return false
    case .ignore: return true
    case .once:
        if !onceRegistry.insert(category + ":" + message).inserted { return true }
    case .always, .default, .module: break
    }
    writeCompileWarning(category: category, message: message, filename: filename, lineno: lineno)
    return true
}

/// Whether the tokenizer's SyntaxWarnings are errors for `filename` (decided before they are known: filters
/// that name a message or a line are not consulted).
public func syntaxWarningsAreErrors(filename: String) -> Bool {
    compileWarningAction(category: "SyntaxWarning", message: "", filename: filename, lineno: 0) == .error
}

/// Line `line` of the file `filename` as a compile-stage SyntaxError shows it (CPython: PyErr_ProgramTextObject).
public func compiledFileLine(_ filename: String, _ line: Int) -> String? { programText(filename, line) }

/// A tokenizer warning of the main program, through the filters (what the CLI prints before running it).
public func reportSyntaxWarning(_ warning: LexerWarning, filename: String) {
    emitSyntaxWarning(warning, filename: filename)
}

/// The compiler's SyntaxWarnings through the warnings filters (for Compiler.compile's `warnings:`).
public func compilerWarningSink(_ w: CompilerWarning) -> Bool {
    issueCompileWarning(category: "SyntaxWarning", message: w.message, filename: w.filename, lineno: w.lineno)
}
