/// The token as the parser buffers it: plain data, with the text left in the lexer's buffer (byte offsets) instead
/// of a `String`. The parser copies tokens on every peek/expect and keeps one per token of the file; with a `String`
/// inside, each copy and each buffer teardown paid reference counting through the value witnesses, and every token
/// paid a UTF-8 validation to build its text — together about a tenth of the parse. `Parser.text(_:)` makes the
/// `String` for the few tokens whose spelling the AST needs (names, numbers, strings, type comments).
/// (CPython's `Token` likewise points into the tokenizer's buffer: `start`/`end` char pointers.)
struct ParserToken {
    var kind: TokenKind
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32
    /// The text is the lexer's decoded bytes `textStart..<textEnd` (empty for INDENT, DEDENT, ENDMARKER).
    var textStart: Int32
    var textEnd: Int32
    /// The tokenizer's bracket depth after the token (CPython: Token.level); the parser sets it.
    var level: Int32 = 0

    var start: SourcePosition {
        @inline(__always) get { SourcePosition(line: Int(startLine), column: Int(startColumn)) }
        @inline(__always) set {
            startLine = Int32(truncatingIfNeeded: newValue.line)
            startColumn = Int32(truncatingIfNeeded: newValue.column)
        }
    }

    var end: SourcePosition {
        @inline(__always) get { SourcePosition(line: Int(endLine), column: Int(endColumn)) }
        @inline(__always) set {
            endLine = Int32(truncatingIfNeeded: newValue.line)
            endColumn = Int32(truncatingIfNeeded: newValue.column)
        }
    }

    /// Byte length of the token's text.
    var textLength: Int { Int(textEnd &- textStart) }
}

extension Lexer {
    /// `nextToken()` for the parser: the same token, its text left in the buffer.
    func nextParserToken() throws -> ParserToken {
        if done != .ok && done != .eof, let e = stickyError { throw e }
        let raw = getToken()
        if raw.kind == .errortoken {
            let e = pendingError ?? tokenizerError()
            stickyError = e
            throw e
        }
        let isString = raw.kind == .string
        let startLine = isString ? firstLineno : lineno
        let ls = isString ? multiLineStart : lineStart
        let startCol = raw.start >= 0 && raw.start >= ls ? raw.start - ls : -1
        let endCol = raw.end >= 0 && raw.end >= lineStart ? raw.end - lineStart : -1
        let hasText = raw.start >= 0 && raw.end > raw.start
        return ParserToken(kind: raw.kind, startLine: Int32(truncatingIfNeeded: startLine),
                           startColumn: Int32(truncatingIfNeeded: startCol),
                           endLine: Int32(truncatingIfNeeded: lineno), endColumn: Int32(truncatingIfNeeded: endCol),
                           textStart: hasText ? Int32(truncatingIfNeeded: raw.start) : 0,
                           textEnd: hasText ? Int32(truncatingIfNeeded: raw.end) : 0)
    }

    /// A parser token's text, as `Token.text` has it (invalid UTF-8 repaired to U+FFFD).
    @inline(__always) func text(of t: ParserToken) -> String {
        let n = t.textLength
        if n <= 0 { return "" }
        return String(decoding: UnsafeBufferPointer(start: base + Int(t.textStart), count: n), as: UTF8.self)
    }

    /// A parser token's text bytes, read in place (valid while the lexer lives).
    @inline(__always) func textBytes(of t: ParserToken) -> UnsafeBufferPointer<UInt8> {
        let n = t.textLength
        return UnsafeBufferPointer(start: base + Int(t.textStart), count: n > 0 ? n : 0)
    }
}
