/// The PEG parser's machinery: a lazily filled token buffer with backtracking, the two passes, and error raising.
/// The grammar itself lives in the `Parser+*.swift` extensions, one area of Grammar/python.gram each.
/// (CPython: Parser/pegen.c, Parser/pegen_errors.c)
///
/// Conventions for grammar rules (see docs/ARCHITECTURE.md):
/// - A rule is a method `func ruleName() throws -> T?`: it returns nil when the rule does not match, and then leaves
///   `pos` where it found it. It throws a `SyntaxErrorInfo` only to stop the whole parse (a tokenizer error, an
///   invalid_* rule or an action that raises).
/// - Alternatives are tried in grammar order: `let m = mark()` ... `reset(m)`.
/// - `invalid_*` alternatives run only when `callInvalidRules` is true (the second pass), as in CPython.
public final class Parser {
    public enum Mode: Sendable { case file, eval, single, funcType }

    let lexer: Lexer
    let mode: Mode
    // The parser's hot state opts out of Swift's dynamic exclusivity checks (each access otherwise costs a
    // runtime call; they were a third of the parse time). Rules never hold an access across a call that could
    // touch the same property, so the checks could never fire.
    @exclusivity(unchecked) var tokens: [ParserToken] = []
    /// Index of the next token to consume (CPython: p->mark).
    @exclusivity(unchecked) var pos = 0
    /// Second pass: the `invalid_*` rules are active (CPython: p->call_invalid_rules).
    @exclusivity(unchecked) var callInvalidRules = false
    /// Recursion depth of rule calls (CPython: p->level, checked against MAXSTACK).
    @exclusivity(unchecked) var level = 0
    /// State of the expression rules (memo table, f-string sub-parser offsets); see Parser+ActionHelpers.swift.
    @exclusivity(unchecked) var exprState = ExprParserState()

    // Statement-half state (pstmt): see Parser+Entry.swift.
    /// The lexer threw: its error is final (CPython: tok->done != E_OK, so no second pass result can replace it).
    var tokenizerFailed = false
    /// `# type: ignore` comments met while filling the buffer (CPython: p->type_ignore_comments).
    var typeIgnores: [TypeIgnore] = []
    /// Single-input mode: the first ENDMARKER after some token becomes NEWLINE (CPython: p->parsing_started).
    var parsingStarted = false
    /// Memo tables of the statement rules CPython marks `(memo)`, keyed by start position; emptied for pass two.
    @exclusivity(unchecked) var stmtMemo = StatementMemo()
    /// PyCF_ALLOW_INCOMPLETE_INPUT (codeop): a first pass that fails at the end of the source is "incomplete input".
    var allowIncompleteInput = false

    public init(lexer: Lexer, mode: Mode) {
        self.lexer = lexer
        self.mode = mode
        // Grown by doubling, the token buffer and memo tables were copied ~log2(n) times per file (4% of the parse).
        tokens.reserveCapacity(lexer.buf.count / 5 + 16)
        exprState.reserve(sourceBytes: lexer.buf.count)
    }

    public var filename: String { lexer.filename }

    // MARK: - Token buffer

    @inline(__always) func mark() -> Int { pos }
    @inline(__always) func reset(_ m: Int) { pos = m }

    /// CPython: _PyPegen_fill_token — the buffer grows only as far as the parser looks.
    func fill() throws {
        var t: ParserToken
        do {
            t = try lexer.nextParserToken()
            // CPython: _PyPegen_fill_token collects TYPE_IGNORE tokens and never hands them to the grammar.
            while t.kind == .typeIgnore {
                typeIgnores.append(TypeIgnore(lineno: t.start.line, tag: text(t)))
                t = try lexer.nextParserToken()
            }
        } catch {
            tokenizerFailed = true
            throw error
        }
        // CPython: in single-input mode the first ENDMARKER after any token is read as NEWLINE.
        if mode == .single && t.kind == .endmarker && parsingStarted {
            t.kind = .newline
            parsingStarted = false
        } else {
            parsingStarted = true
        }
        if exprState.isFStringParser { exprState.shift(&t) }
        t.level = Int32(truncatingIfNeeded: lexer.parenLevel)
        tokens.append(t)
    }

    /// The token at `pos`, reading it if needed.
    @inline(__always) func peek() throws -> ParserToken {
        if pos == tokens.count { try fill() }
        return tokens[pos]
    }

    /// The last token consumed (CPython: _PyPegen_get_last_nonnwhitespace_token is a refinement of this).
    var lastToken: ParserToken { tokens[pos - 1] }

    /// Consumes and returns the next token if it is of `kind` (CPython: _PyPegen_expect_token).
    @inline(__always) func expect(_ kind: TokenKind) throws -> ParserToken? {
        let t = try peek()
        guard t.kind == kind else { return nil }
        pos += 1
        return t
    }

    /// Positive lookahead `&kind` (CPython: _PyPegen_lookahead_with_int).
    @inline(__always) func check(_ kind: TokenKind) throws -> Bool { try peek().kind == kind }

    /// A NAME that is not a keyword (CPython: _PyPegen_name_token).
    func nameToken() throws -> ParserToken? { try expect(.name) }

    /// A soft keyword (`match`, `case`, `_`) spelled `keyword` (CPython: _PyPegen_expect_soft_keyword).
    func expectSoftKeyword(_ keyword: StaticString) throws -> ParserToken? {
        let t = try peek()
        guard t.kind == .name, t.textLength == keyword.utf8CodeUnitCount else { return nil }
        let bytes = lexer.textBytes(of: t)
        let spelling = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
        guard bytes.elementsEqual(spelling) else { return nil }
        pos += 1
        return t
    }

    /// The token's text (its source spelling).
    @inline(__always) func text(_ t: ParserToken) -> String { lexer.text(of: t) }

    /// Start and end of the source range from token `startIndex` to the last consumed token (the `EXTRA` macro).
    func range(from start: ParserToken) -> SourceRange {
        SourceRange(start: start.start, end: lastToken.end)
    }

    // MARK: - Recursion guard

    /// CPython 3.11 guards the parser's C stack with MAXSTACK (6000) and raises MemoryError past it; Kaa reports the
    /// same condition as SyntaxError "too complex" only if CPython would, see `enter()` callers.
    static let maxStack = 6000

    /// Entering a rule (CPython: `if (p->level++ == MAXSTACK)` at the top of every generated rule function).
    /// Pair with `defer { level -= 1 }`.
    @inline(__always) func enter() throws {
        if level == Parser.maxStack { throw ParserMemoryError() }
        level += 1
    }

    // MARK: - Errors (CPython: pegen_errors.c)

    /// The source line `line` (1-based) as text, without its line ending.
    func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lexer.lines.count else { return nil }
        var bytes = lexer.lines[line - 1]
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// CPython: _PyPegen_byte_offset_to_character_offset — a 0-based byte column to a 1-based character offset.
    func characterOffset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lexer.lines.count else { return byteColumn + 1 }
        let bytes = lexer.lines[line - 1]
        let prefix = bytes.prefix(max(0, byteColumn))
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }

    /// CPython: RAISE_ERROR_KNOWN_LOCATION — an error spanning `start`..<`end` (byte positions; a column of -1, as
    /// INDENT/DEDENT/ENDMARKER have, gives offset 0). Offsets become characters only when the source has an
    /// encoding, as in `_PyPegen_raise_error_known_location`.
    func error(_ kind: SyntaxErrorInfo.Kind = .syntaxError, _ message: String, start: SourcePosition,
               end: SourcePosition? = nil) -> SyntaxErrorInfo {
        let end = end ?? start
        if exprState.isFStringParser { return fstringError(kind, message, start: start, end: end) }
        return lexer.pegenError(kind, message, line: start.line, col: start.column + 1, endLine: end.line,
                                endCol: end.column + 1)
    }

    /// CPython: RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg) — from the start of `a` to the end of `b`.
    func error(_ message: String, from a: SourceRange, to b: SourceRange) -> SyntaxErrorInfo {
        error(.syntaxError, message, start: a.start, end: b.end)
    }

    /// CPython: RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg) — the range of node or token `a`.
    func error(_ message: String, at a: SourceRange) -> SyntaxErrorInfo {
        error(.syntaxError, message, start: a.start, end: a.end)
    }
}
