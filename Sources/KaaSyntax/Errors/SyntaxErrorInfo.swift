/// A syntax error as CPython raises it: the class, the message and the location fields of `SyntaxError`.
///
/// Columns here are 1-based *character* offsets (CPython converts the parser's byte offsets when it builds the
/// exception), and `text` is the offending source line, as `SyntaxError.text` holds it.
public struct SyntaxErrorInfo: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    public var kind: Kind
    public var message: String
    public var filename: String
    public var lineno: Int?
    public var offset: Int?
    public var endLineno: Int?
    public var endOffset: Int?
    public var text: String?

    public init(kind: Kind = .syntaxError, message: String, filename: String = "<unknown>", lineno: Int? = nil,
                offset: Int? = nil, endLineno: Int? = nil, endOffset: Int? = nil, text: String? = nil) {
        self.kind = kind; self.message = message; self.filename = filename; self.lineno = lineno
        self.offset = offset; self.endLineno = endLineno; self.endOffset = endOffset; self.text = text
    }
}
