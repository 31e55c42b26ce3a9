/// CPython 3.11's C tokenizer (Parser/tokenizer.c) as the PEG parser drives it: one token per `nextToken()` call,
/// comments and NL skipped, INDENT/DEDENT from an indentation stack, bracket tracking, and every tokenizer error with
/// CPython's class, message and location.
///
/// The source is decoded up front (BOM, PEP 263 cookie, newline translation; see Lexer+Decoding.swift) into one UTF-8
/// byte buffer, but it is *read* line by line as tokenizer.c reads a file: line numbers advance when the first byte of
/// the next line is requested (CPython: tok_nextc), and per-line decoding errors (invalid UTF-8, NUL bytes) surface
/// only when that line is reached, so the errors of earlier lines win as in CPython.
///
/// Columns of tokens are 0-based UTF-8 byte offsets (CPython's col_offset). Tokens that CPython gives no position
/// (INDENT, DEDENT, ENDMARKER: `p_start == NULL`) have column -1, exactly as `_PyPegen_fill_token` records them.
///
/// What the parser uses (CPython's pegen.c / pegen_errors.c):
/// - `nextToken()` throws the tokenizer's error already formatted as CPython reports it, including the errors pegen
///   formats from tok->done (`_Pypegen_tokenizer_error`: TabError, IndentationError, "unexpected EOF while
///   parsing", "'(' was never closed" at EOF inside brackets).
/// - `scanRestForErrors(currentErrorLine:)` after a parse failure (`_PyPegen_tokenize_full_source_to_check_for_errors`).
/// - `pegenError(...)`, `currentLine`, `currentColumn` to build errors as pegen's RAISE_* macros do; `bracketStack`,
///   `unclosedBracketError()`; `declaredEncoding` (byte vs character offsets); `sourceBytes(from:to:)`.
/// - `warnings` (SyntaxWarning "invalid decimal literal" ...) for the driver to print.
/// - NAME tokens carry the source spelling; NFKC normalization is the parser's (`normalizeIdentifier`).
public final class Lexer {
    /// How the source reached the tokenizer; it changes a few error details exactly as in CPython.
    public enum InputMode: Sendable {
        /// A file run as a script (`python3 f.py`: `_PyTokenizer_FromFile`). The golden tests use this mode.
        case file
        /// Bytes given to `compile()`/`ast.parse()` (`_PyTokenizer_FromString`).
        case bytes
        /// A `str` given to `compile()`/`ast.parse()` (`_PyTokenizer_FromUTF8`): always UTF-8, no cookie decoding.
        case string
    }

    // MARK: Public state

    public let filename: String
    public let mode: InputMode
    /// The open brackets, innermost last: the bracket byte, its line and its 0-based byte column
    /// (CPython: tok->parenstack, parenlinenostack, parencolstack).
    public internal(set) var bracketStack: [OpenBracket] = []
    /// True once the tokenizer has reached the end of the input (CPython: tok->done == E_EOF).
    public var reachedEOF: Bool { done == .eof }
    /// The source encoding CPython records in tok->encoding: the declared (cookie/BOM) encoding's normalized name,
    /// "utf-8" for `.string` input, nil when none was declared. When nil, CPython's parser errors keep *byte* offsets
    /// (`_PyPegen_raise_error_known_location` converts to characters only when tok->encoding is set).
    public internal(set) var declaredEncoding: String?
    /// Warnings the tokenizer emitted (SyntaxWarning "invalid decimal literal" etc.), in order.
    public internal(set) var warnings: [LexerWarning] = []
    /// When true, warnings become the SyntaxError CPython raises under `-W error` (CPython: parser_warn).
    public var warningsAreErrors = false
    /// The current line number (CPython: tok->lineno). At EOF it stays on the last line.
    public var currentLine: Int { lineno }
    /// Byte distance from the current line start to the read position (CPython: tok->cur - tok->line_start); pegen
    /// uses it as the column of errors at tokens without a position (INDENT/DEDENT/ENDMARKER/ERRORTOKEN).
    /// (`_PyPegen_raise_error`: 0 when tok->cur == tok->buf, e.g. at EOF of a file read line by line.)
    public var currentColumn: Int { cur == bufStart ? 0 : cur - lineStart }

    public struct OpenBracket: Sendable, Equatable {
        public var char: UInt8
        public var line: Int
        public var column: Int
    }

    // MARK: Buffer (decoded UTF-8, '\r\n' and '\r' turned into '\n', a final '\n' added to a last line without one)

    /// The decoded source. Lines past `limit` are not readable: a decoding error waits there.
    let buf: [UInt8]
    /// `buf` copied to memory the scanner reads without bounds checks or reference counting (plus a 0 sentinel);
    /// every read is below `limit` <= buf.count.
    let base: UnsafeMutablePointer<UInt8>
    /// End of the readable part of `buf`.
    let limit: Int
    /// The error waiting at `limit` (non-UTF-8 line, NUL byte), raised when the tokenizer reads that far.
    let errorAtLimit: SyntaxErrorInfo?
    /// Line starts in `buf` (index i = start of line i+1), for `lines` and error texts.
    let lineStarts: [Int]
    /// The file started with a UTF-8 BOM (CPython's error texts for line 1 of a file then start with U+FEFF).
    let hasBOM: Bool
    /// The source's last line had no line ending (a `.file`'s tokenizer still sees one; its error texts, read back
    /// from the file, do not).
    let lastLineUnterminated: Bool

    // MARK: Tokenizer state (CPython: struct tok_state)

    /// The scalar scanner state lives behind a pointer: stored `var`s of a class pay a dynamic exclusivity check
    /// on every access, which dominated the scanning loops. The accessors below keep the code readable.
    struct ScanState {
        var cur = 0           // tok->cur
        var inp = 0           // tok->inp: end of the current line (just after its '\n')
        var lineStart = 0     // tok->line_start
        var bufStart = 0      // tok->buf (file mode: kept while a token spans lines)
        var tokStart = -1     // tok->start, -1 = NULL
        var lineno = 0        // tok->lineno
        var atbol = true
        var pendin = 0
        var contLine = false
        var firstLineno = 0   // tok->first_lineno (start line of the current string)
        var multiLineStart = 0
        var done: Done = .ok
        var parenLevel = 0    // tok->level
        var indstack: [Int] = [0]     // tok->indstack: columns with tabs to multiples of 8
        var altindstack: [Int] = [0]  // tok->altindstack: columns with tabs as 1
        var pendingError: SyntaxErrorInfo?
        var stickyError: SyntaxErrorInfo?
    }
    let st: UnsafeMutablePointer<ScanState>

    var cur: Int { @inline(__always) get { st.pointee.cur } @inline(__always) set { st.pointee.cur = newValue } }
    var inp: Int { @inline(__always) get { st.pointee.inp } @inline(__always) set { st.pointee.inp = newValue } }
    var lineStart: Int {
        @inline(__always) get { st.pointee.lineStart } @inline(__always) set { st.pointee.lineStart = newValue }
    }
    var bufStart: Int {
        @inline(__always) get { st.pointee.bufStart } @inline(__always) set { st.pointee.bufStart = newValue }
    }
    var tokStart: Int {
        @inline(__always) get { st.pointee.tokStart } @inline(__always) set { st.pointee.tokStart = newValue }
    }
    var lineno: Int {
        @inline(__always) get { st.pointee.lineno } @inline(__always) set { st.pointee.lineno = newValue }
    }
    var atbol: Bool { @inline(__always) get { st.pointee.atbol } @inline(__always) set { st.pointee.atbol = newValue } }
    var pendin: Int {
        @inline(__always) get { st.pointee.pendin } @inline(__always) set { st.pointee.pendin = newValue }
    }
    var contLine: Bool {
        @inline(__always) get { st.pointee.contLine } @inline(__always) set { st.pointee.contLine = newValue }
    }
    var firstLineno: Int {
        @inline(__always) get { st.pointee.firstLineno } @inline(__always) set { st.pointee.firstLineno = newValue }
    }
    var multiLineStart: Int {
        @inline(__always) get { st.pointee.multiLineStart }
        @inline(__always) set { st.pointee.multiLineStart = newValue }
    }
    var done: Done { @inline(__always) get { st.pointee.done } @inline(__always) set { st.pointee.done = newValue } }
    /// Open bracket depth (CPython: tok->level); the parser's error pass reads it.
    public internal(set) var parenLevel: Int {
        @inline(__always) get { st.pointee.parenLevel } @inline(__always) set { st.pointee.parenLevel = newValue }
    }

    var indstack: [Int] {
        @inline(__always) get { st.pointee.indstack }
        @inline(__always) _modify { yield &st.pointee.indstack }
    }
    var altindstack: [Int] {
        @inline(__always) get { st.pointee.altindstack }
        @inline(__always) _modify { yield &st.pointee.altindstack }
    }
    /// The SyntaxError the tokenizer "set" (PyErr_SetObject in tokenizer.c); nil for errors pegen formats itself.
    var pendingError: SyntaxErrorInfo? {
        get { st.pointee.pendingError } set { st.pointee.pendingError = newValue }
    }
    /// After an error, every further call throws it again.
    var stickyError: SyntaxErrorInfo? {
        get { st.pointee.stickyError } set { st.pointee.stickyError = newValue }
    }
    let typeComments: Bool

    enum Done { case ok, eof, error, tabspace, toodeep, dedent, linecont, eofInString }

    static let maxIndent = 100   // CPython: MAXINDENT
    static let maxLevel = 200    // CPython: MAXLEVEL
    static let tabSize = 8

    /// `source` is the raw file content; the lexer detects its encoding (BOM, coding cookie) itself.
    /// `typeComments` turns on TYPE_COMMENT / TYPE_IGNORE tokens (ast.parse(type_comments=True)).
    /// `execInput`: for `.bytes`/`.string` input, whether the source is parsed as a module (`exec`/file_input);
    /// only then does CPython add a missing final newline (translate_newlines). A `.file` always gets one.
    /// Throws the decoding errors CPython raises before any token (unknown encoding, BOM/cookie conflict).
    public init(source: [UInt8], filename: String, typeComments: Bool = false, mode: InputMode = .file,
                execInput: Bool = true) throws {
        self.filename = filename
        self.mode = mode
        self.typeComments = typeComments
        var decoded = try Lexer.decode(source, filename: filename, mode: mode, execInput: execInput)
        if mode != .file && !execInput && decoded.lastLineUnterminated && decoded.errorAtLimit == nil
            && decoded.bytes.last == 0x0A {
            decoded.bytes.removeLast()
            decoded.limit = decoded.bytes.count
        }
        if mode != .file && execInput && decoded.errorAtLimit == nil && source.count >= 2
            && source[source.count - 2] == 0x0D && source[source.count - 1] == 0x0A {
            // translate_newlines stops at the NUL after a final "\r\n" and then adds one more '\n': an extra line.
            decoded.lineStarts.append(decoded.bytes.count)
            decoded.bytes.append(0x0A)
            decoded.limit = decoded.bytes.count
        }
        buf = decoded.bytes
        limit = decoded.limit
        errorAtLimit = decoded.errorAtLimit
        declaredEncoding = decoded.encoding
        lineStarts = decoded.lineStarts
        lastLineUnterminated = decoded.lastLineUnterminated
        hasBOM = decoded.hasBOM
        let bytes = decoded.bytes
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { b in
            if let a = b.baseAddress { p.initialize(from: a, count: b.count) }
        }
        p[bytes.count] = 0
        base = p
        st = UnsafeMutablePointer<ScanState>.allocate(capacity: 1)
        st.initialize(to: ScanState())
    }

    deinit {
        base.deallocate()
        st.deinitialize(count: 1)
        st.deallocate()
    }

    /// The decoded source bytes between two token positions (byte columns), e.g. to check a string literal's raw
    /// bytes: with a UTF-8 BOM or cookie, invalid UTF-8 reaches the parser, which reports it as CPython does
    /// ("(unicode error) 'utf-8' codec can't decode byte ..."). Token texts have such bytes replaced by U+FFFD.
    public func sourceBytes(from start: SourcePosition, to end: SourcePosition) -> ArraySlice<UInt8> {
        guard start.line >= 1, start.line <= lineStarts.count, end.line >= 1, end.line <= lineStarts.count else {
            return []
        }
        let a = min(buf.count, lineStarts[start.line - 1] + max(0, start.column))
        let b = min(buf.count, lineStarts[end.line - 1] + max(0, end.column))
        return a <= b ? buf[a..<b] : []
    }

    /// Lines of the decoded source as UTF-8 bytes, each with its line ending as the tokenizer sees it (a final
    /// '\n' is added to a file's last line; not to eval/func_type string input). Built on first use.
    public var lines: [[UInt8]] {
        if let cached = cachedLines { return cached }
        var result: [[UInt8]] = []
        result.reserveCapacity(lineStarts.count)
        for i in 0..<lineStarts.count {
            let s = lineStarts[i]
            let e = i + 1 < lineStarts.count ? lineStarts[i + 1] : buf.count
            result.append(Array(buf[s..<e]))
        }
        cachedLines = result
        return result
    }
    private var cachedLines: [[UInt8]]?

    /// The text of line `n` (1-based) without its line ending, or nil.
    public func lineText(_ n: Int) -> String? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        let s = lineStarts[n - 1]
        var e = n < lineStarts.count ? lineStarts[n] : buf.count
        if e > s, buf[e - 1] == 0x0A { e -= 1 }
        return String(decoding: buf[s..<e], as: UTF8.self)
    }

    /// The next token; throws the tokenizer's SyntaxError (IndentationError, TabError) when the text is bad.
    /// After ENDMARKER it keeps returning ENDMARKER.
    public func nextToken() throws -> Token {
        if done != .ok && done != .eof, let e = stickyError { throw e }
        let raw = getToken()
        if raw.kind == .errortoken {
            let e = pendingError ?? tokenizerError()
            stickyError = e
            throw e
        }
        return makeToken(raw)
    }

    /// CPython: _PyPegen_tokenize_full_source_to_check_for_errors. Tokenizes the rest of the input and throws the
    /// first error the tokenizer itself raises. Errors pegen would format (tabs, dedent, EOF...) are not raised,
    /// except an unclosed bracket opened before `currentErrorLine` (the line of the parser's error token).
    public func scanRestForErrors(currentErrorLine: Int = Int.max) throws {
        if stickyError != nil { return }
        while true {
            let raw = getToken()
            if raw.kind == .errortoken {
                if let e = pendingError { stickyError = e; throw e }
                if let top = bracketStack.last, currentErrorLine > top.line {
                    throw unclosedBracketError()
                }
                return
            }
            if raw.kind == .endmarker { return }
        }
    }

    /// CPython: raise_unclosed_parentheses_error — "'(' was never closed" at the innermost open bracket.
    public func unclosedBracketError() -> SyntaxErrorInfo {
        guard let top = bracketStack.last else {
            return SyntaxErrorInfo(message: "unexpected EOF while parsing", filename: filename)
        }
        let msg = "'\(Character(Unicode.Scalar(top.char)))' was never closed"
        return pegenError(.syntaxError, msg, line: top.line, col: top.column + 1, endLine: top.line, endCol: 0)
    }

    // MARK: Raw tokens

    /// A token as tok_get returns it: kind plus start/end byte indices into `buf` (-1 = NULL) and the line data
    /// needed to turn them into positions (CPython: _PyPegen_fill_token).
    struct RawToken {
        var kind: TokenKind
        var start: Int
        var end: Int
    }

    func makeToken(_ raw: RawToken) -> Token {
        let isString = raw.kind == .string
        let startLine = isString ? firstLineno : lineno
        let ls = isString ? multiLineStart : lineStart
        let startCol = raw.start >= 0 && raw.start >= ls ? raw.start - ls : -1
        let endCol = raw.end >= 0 && raw.end >= lineStart ? raw.end - lineStart : -1
        let text: String
        if raw.start >= 0 && raw.end > raw.start {
            text = String(decoding: UnsafeBufferPointer(start: base + raw.start, count: raw.end - raw.start),
                          as: UTF8.self)
        } else {
            text = ""
        }
        return Token(kind: raw.kind, text: text, start: SourcePosition(line: startLine, column: startCol),
                     end: SourcePosition(line: lineno, column: endCol))
    }
}

/// A warning the tokenizer emits (CPython: parser_warn), e.g. SyntaxWarning "invalid decimal literal".
public struct LexerWarning: Sendable, Equatable {
    public var category: String
    public var message: String
    public var line: Int
}
