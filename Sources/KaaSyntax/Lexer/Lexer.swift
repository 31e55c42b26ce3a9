/// The C tokenizer's interface as the parser uses it. (CPython: Parser/tokenizer.c)
///
/// PLACEHOLDER: the lexer helper replaces this file with the real tokenizer; the signatures below are the contract.
public final class Lexer {
    /// Lines of the decoded source as UTF-8 bytes (the source after PEP 263 decoding), each with its line ending.
    public private(set) var lines: [[UInt8]] = []
    public let filename: String
    /// Open bracket depth (CPython: tok->level); the parser's error pass reads it.
    public private(set) var parenLevel = 0

    /// `source` is the raw file content; the lexer detects its encoding (BOM, coding cookie) itself.
    /// `typeComments` turns on TYPE_COMMENT / TYPE_IGNORE tokens (ast.parse(type_comments=True)).
    public init(source: [UInt8], filename: String, typeComments: Bool = false) throws {
        self.filename = filename
        fatalError("Lexer not written yet")
    }

    /// The next token; throws the tokenizer's SyntaxError (IndentationError, TabError) when the text is bad.
    /// After ENDMARKER it keeps returning ENDMARKER.
    public func nextToken() throws -> Token {
        fatalError("Lexer not written yet")
    }
}
