import KaaCore

/// CPython 3.11 raises MemoryError (with no message) when the parser nests more than MAXSTACK (6000) rule calls,
/// e.g. `ast.parse('-' * 5970 + '1')`. It is not a SyntaxError: the CLI prints it as `MemoryError`.
/// (CPython: Parser/parser.c, `if (p->level++ == MAXSTACK) { p->error_indicator = 1; PyErr_NoMemory(); }`)
public struct ParserMemoryError: Error, Sendable, Equatable {
    public init() {}
}

/// Parses `source` (raw bytes of a file; the lexer decodes it) the way `compile(source, filename, mode,
/// ast.PyCF_ONLY_AST)` does, on a large stack. Throws `SyntaxErrorInfo` (SyntaxError, IndentationError, TabError)
/// or `ParserMemoryError`.
/// (CPython: _PyParser_ASTFromString → _PyPegen_run_parser_from_string)
public func parseSource(_ source: [UInt8], filename: String, mode: Parser.Mode,
                        typeComments: Bool = false) throws -> Mod {
    let result: Result<Mod, Error> = withLargeStack {
        Result {
            let lexer = try Lexer(source: source, filename: filename, typeComments: typeComments)
            return try Parser(lexer: lexer, mode: mode).run()
        }
    }
    return try result.get()
}

/// The `(memo)` tables of the statement half, cleared between the two passes.
struct StatementMemo {
    var block: [Int: (value: [Stmt]?, end: Int)] = [:]
    var closedPattern: [Int: (value: Pattern?, end: Int)] = [:]
    var starPattern: [Int: (value: Pattern?, end: Int)] = [:]
}

extension Parser {
    /// CPython: _PyPegen_run_parser — a first pass without the invalid_* rules; if it fails, a second pass with
    /// them to find a specialised message; else a generic error at the last token the first pass read.
    public func run() throws -> Mod {
        do {
            if let mod = try startRule() {
                if mode == .single && badSingleStatement() {
                    throw raiseError("multiple statements found while compiling a single statement")
                }
                return mod
            }
        } catch let e as SyntaxErrorInfo {
            throw tokenizerFailed ? e : checkRestForTokenizerErrors(e)
        }
        // The second pass. (CPython: reset_parser_state_for_error_pass)
        guard let lastToken = tokens.last else {
            throw error(.syntaxError, "error at start before reading any input", start: SourcePosition(line: 0, column: -1))
        }
        pos = 0
        level = 0
        callInvalidRules = true
        stmtMemo = StatementMemo()
        resetMemoForErrorPass()
        do {
            _ = try startRule()
        } catch let e as SyntaxErrorInfo {
            throw tokenizerFailed ? e : checkRestForTokenizerErrors(e)
        }
        // CPython: _PyPegen_set_syntax_error with no exception set.
        if lastToken.kind == .indent || lastToken.kind == .dedent {
            throw raiseError(lastToken.kind == .indent ? "unexpected indent" : "unexpected unindent", kind: .indentationError)
        }
        throw checkRestForTokenizerErrors(errorAt(token: lastToken, "invalid syntax"))
    }

    /// The rule the mode starts from (CPython: _PyPegen_parse).
    func startRule() throws -> Mod? {
        switch mode {
        case .file: return try file()
        case .single: return try interactive()
        case .eval: return try eval()
        case .funcType: return try funcType()
        }
    }

    /// Hook for the memo tables of the expression half (none yet): they must be emptied before the second pass.
    func resetMemoForErrorPass() {}

    /// CPython: bad_single_statement — anything but blanks and comments after the statement in single mode.
    func badSingleStatement() -> Bool {
        guard let last = tokens.last else { return false }
        var line = last.end.line
        var column = max(0, last.end.column)
        var inComment = false
        while line >= 1 && line <= lexer.lines.count {
            let bytes = lexer.lines[line - 1]
            while column < bytes.count {
                let c = bytes[column]
                if inComment {
                    if c == 0x0A { inComment = false }
                } else if c == 0x23 {
                    inComment = true
                } else if !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D) {
                    return true
                }
                column += 1
            }
            line += 1
            column = 0
        }
        return false
    }

    /// CPython: _PyPegen_tokenize_full_source_to_check_for_errors — a tokenizer error anywhere after the parser
    /// stopped replaces `error`; so does a bracket left open at EOF, if it was opened on a line before the one of
    /// the last token read.
    func checkRestForTokenizerErrors(_ error: SyntaxErrorInfo) -> SyntaxErrorInfo {
        let currentLine = tokens.last?.start.line ?? 0
        do {
            if let unclosed = try lexer.scanRestForErrors(), currentLine > unclosed.lineno ?? 0 {
                return unclosed
            }
        } catch let e as SyntaxErrorInfo {
            return e
        } catch {
            return error as? SyntaxErrorInfo ?? self.error("invalid syntax", at: SourceRange(lineno: 0, colOffset: 0, endLineno: 0, endColOffset: 0))
        }
        return error
    }

    // MARK: - Error helpers (CPython: pegen.h macros)

    /// CPython: RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR (_PyPegen_raise_error) — at the last token *read*
    /// (not consumed): p->tokens[p->fill-1].
    func raiseError(_ message: String, kind: SyntaxErrorInfo.Kind = .syntaxError) -> SyntaxErrorInfo {
        guard let t = tokens.last else {
            return error(kind, message, start: SourcePosition(line: 0, column: -1))
        }
        if t.start.column < 0 || t.kind == .indent || t.kind == .dedent {
            // The C tokenizer gives INDENT/DEDENT no column; CPython then points at the tokenizer's cursor, which
            // stands after the indentation, and leaves end_offset at -1.
            let col = max(0, t.kind == .indent ? t.end.column : t.start.column)
            var e = error(kind, message, start: SourcePosition(line: t.start.line, column: col))
            e.offset = characterOffset(line: t.start.line, byteColumn: col) - 1
            e.endLineno = t.end.line
            e.endOffset = -1
            return e
        }
        return error(kind, message, start: t.start, end: t.end)
    }

    /// CPython: RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, msg).
    func errorAt(token t: Token, _ message: String) -> SyntaxErrorInfo {
        error(.syntaxError, message, start: t.start, end: t.end)
    }

    /// CPython: RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg) — from `a` to the tokenizer's cursor (CURRENT_POS, which
    /// CPython leaves as a 0-based character column).
    func errorStartingFrom(_ a: SourceRange, _ message: String) -> SyntaxErrorInfo {
        var e = error(.syntaxError, message, start: a.start)
        if let t = tokens.last {
            e.endLineno = t.end.line
            e.endOffset = characterOffset(line: t.end.line, byteColumn: t.end.column) - 1
        }
        return e
    }

    /// CPython: _PyPegen_expect_forced_token (`&&'x'` in the grammar) — raises in either pass.
    func expectForced(_ kind: TokenKind, _ spelling: String) throws -> Token {
        let t = try peek()
        guard t.kind == kind else { throw errorAt(token: t, "expected '\(spelling)'") }
        pos += 1
        return t
    }

    // MARK: - Positions

    /// CPython: _PyPegen_get_last_nonnwhitespace_token — the end of a node is that of the last consumed token that
    /// is not NEWLINE, INDENT, DEDENT or ENDMARKER.
    var lastNonWhitespaceEnd: SourcePosition {
        var m = pos - 1
        while m >= 0 {
            switch tokens[m].kind {
            case .newline, .indent, .dedent, .endmarker: m -= 1
            default: return tokens[m].end
            }
        }
        return tokens.first?.end ?? SourcePosition(line: 1, column: 0)
    }

    /// CPython: EXTRA — from the start of the rule's first token to the end of the last non-whitespace token.
    @inline(__always) func extra(_ start: Token) -> SourceRange {
        SourceRange(start: start.start, end: lastNonWhitespaceEnd)
    }

    /// The token at index `m` of the buffer (filled: a rule's start mark is always read).
    @inline(__always) func token(at m: Int) -> Token { tokens[m] }
}
