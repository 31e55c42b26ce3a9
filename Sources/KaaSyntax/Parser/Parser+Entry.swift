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
/// `inputMode` says how the bytes reached CPython (a script file, bytes or a str given to compile()); it changes a
/// few error details. `allowIncompleteInput` is compile()'s PyCF_ALLOW_INCOMPLETE_INPUT flag, as codeop uses it.
public func parseSource(_ source: [UInt8], filename: String, mode: Parser.Mode, typeComments: Bool = false,
                        inputMode: Lexer.InputMode = .file, allowIncompleteInput: Bool = false,
                        warningsAreErrors: Bool = false,
                        warnings: ((LexerWarning) -> Void)? = nil) throws -> Mod {
    let (result, raised): (Result<Mod, Error>, [LexerWarning]) = withLargeStack {
        var lexer: Lexer?
        let result = Result {
            // CPython adds a missing final newline to string input only when it is parsed as a module.
            let made = try Lexer(source: source, filename: filename, typeComments: typeComments, mode: inputMode,
                                 execInput: mode == .file)
            made.warningsAreErrors = warningsAreErrors
            lexer = made
            let parser = Parser(lexer: made, mode: mode)
            parser.allowIncompleteInput = allowIncompleteInput
            return try parser.run()
        }
        return (result, lexer?.warnings ?? [])
    }
    // Warnings come out before the error or the tree, as CPython's tokenizer issues them while it reads.
    if let warnings { raised.forEach(warnings) }
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
            if allowIncompleteInput && isEndOfSource { throw raiseError("incomplete input") }
            throw tokenizerFailed ? e : checkRestForTokenizerErrors(e)
        }
        if allowIncompleteInput && isEndOfSource { throw raiseError("incomplete input") }
        // The second pass. (CPython: reset_parser_state_for_error_pass)
        guard let lastToken = tokens.last else {
            throw raiseError("error at start before reading any input")
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

    /// Runs `body` one MAXSTACK level deeper: the helper functions pegen generates for groups, loops and gathers
    /// (_tmp_N, _loop0_N, _loop1_N, _gather_N) count like rules, so deep nesting fails exactly where CPython's does.
    @inline(__always) func helper<T>(_ body: () throws -> T) throws -> T {
        try enter(); defer { level -= 1 }
        return try body()
    }

    /// CPython: _is_end_of_source — the tokenizer stopped at the end of the input (E_EOF), maybe inside a string
    /// (E_EOFS, E_EOLS).
    var isEndOfSource: Bool { lexer.done == .eof || lexer.done == .eofInString }

    /// The rule the mode starts from (CPython: _PyPegen_parse).
    func startRule() throws -> Mod? {
        switch mode {
        case .file: return try file()
        case .single: return try interactive()
        case .eval: return try eval()
        case .funcType: return try funcType()
        }
    }

    /// Hook for the memo tables of the expression half: they must be emptied before the second pass.
    func resetMemoForErrorPass() { exprState.resetMemo() }

    /// CPython: bad_single_statement — anything but blanks and comments after the tokenizer's cursor in single mode.
    func badSingleStatement() -> Bool {
        var line = max(1, lexer.currentLine)
        var column = max(0, lexer.currentColumn)
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
            try lexer.scanRestForErrors(currentErrorLine: currentLine)
        } catch let e as SyntaxErrorInfo {
            return e
        } catch {}
        return error
    }

    // MARK: - Error helpers (CPython: pegen.h macros)

    /// CPython: RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR (_PyPegen_raise_error) — at the last token *read*
    /// (not consumed): p->tokens[p->fill-1]. A token without a column (INDENT/DEDENT/ENDMARKER) points at the
    /// tokenizer's cursor instead, with end_offset -1.
    func raiseError(_ message: String, kind: SyntaxErrorInfo.Kind = .syntaxError) -> SyntaxErrorInfo {
        if tokenizerFailed {
            // The last token read was the ERRORTOKEN (CPython adds it to p->tokens too): no position, so the cursor.
            return lexer.pegenError(kind, message, line: lexer.currentLine, col: lexer.currentColumn,
                                    endLine: lexer.currentLine, endCol: -1)
        }
        guard let t = tokens.last else {
            return lexer.pegenError(kind, message, line: 0, col: 0, endLine: 0, endCol: -1)
        }
        let col = t.start.column == -1 ? lexer.currentColumn : t.start.column + 1
        let endCol = t.end.column == -1 ? -1 : t.end.column + 1
        return lexer.pegenError(kind, message, line: t.start.line, col: col, endLine: t.end.line, endCol: endCol)
    }

    /// CPython: RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, msg).
    func errorAt(token t: ParserToken, _ message: String) -> SyntaxErrorInfo {
        error(.syntaxError, message, start: t.start, end: t.end)
    }

    /// CPython: RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg) — from `a` to the tokenizer's cursor (CURRENT_POS, passed
    /// on without the +1 of known locations).
    func errorStartingFrom(_ a: SourceRange, _ message: String) -> SyntaxErrorInfo {
        lexer.pegenError(.syntaxError, message, line: a.lineno, col: a.colOffset + 1, endLine: lexer.currentLine,
                         endCol: lexer.currentColumn)
    }

    /// CPython: _PyPegen_expect_forced_token (`&&'x'` in the grammar) — raises in either pass.
    func expectForced(_ kind: TokenKind, _ spelling: String) throws -> ParserToken {
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
    @inline(__always) func extra(_ start: ParserToken) -> SourceRange {
        SourceRange(start: start.start, end: lastNonWhitespaceEnd)
    }
}
