/// The tokenizer's errors, with CPython's class, message and location: those tokenizer.c raises itself
/// (syntaxerror, _syntaxerror_range) and those pegen formats from tok->done (_Pypegen_tokenizer_error).
extension Lexer {
    /// Characters (code points) in `buf[from..<to]`, decoding invalid UTF-8 as U+FFFD per byte run as CPython's
    /// "replace" handler does (the buffer is valid UTF-8 here, so this is a count of non-continuation bytes).
    func characterCount(_ from: Int, _ to: Int) -> Int {
        guard from < to else { return 0 }
        var n = 0
        var i = from
        while i < to {
            if buf[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// The current line without its '\n' (CPython: strcspn(tok->line_start, "\n")).
    func currentLineText(from start: Int) -> String {
        var e = start
        while e < buf.count && buf[e] != 0x0A { e += 1 }
        return String(decoding: buf[start..<e], as: UTF8.self)
    }

    /// CPython: syntaxerror — a SyntaxError at the read position: offset = characters from the line start to
    /// `cur` (so it points at the last byte read), text = the current line.
    func syntaxError(_ message: String) -> RawToken {
        syntaxErrorRange(col: -1, endCol: -1, message)
    }

    /// CPython: _syntaxerror_range — explicit columns are used as given (CPython passes byte-based values here).
    func syntaxErrorRange(col: Int, endCol: Int, _ message: String) -> RawToken {
        var col = col
        var endCol = endCol
        if col == -1 { col = characterCount(lineStart, cur) }
        if endCol == -1 { endCol = col }
        pendingError = SyntaxErrorInfo(
            kind: .syntaxError, message: message, filename: filename, lineno: lineno, offset: col,
            endLineno: lineno, endOffset: endCol, text: currentLineText(from: lineStart))
        done = .error
        return RawToken(kind: .errortoken, start: -1, end: -1)
    }

    /// CPython: parser_warn. Records a SyntaxWarning; returns false when warnings are errors (then the warning
    /// became a SyntaxError at the current position, as `-W error` makes it).
    func warn(_ message: String) -> Bool {
        if warningsAreErrors {
            _ = syntaxError(message)
            return false
        }
        warnings.append(LexerWarning(category: "SyntaxWarning", message: message, line: lineno))
        return true
    }

    /// An error as pegen's RAISE_ERROR_KNOWN_LOCATION builds it: `col`/`endCol` are already 1-based byte values
    /// (0 / -1 meaning "none"); they become character offsets only when an encoding is declared.
    func pegenError(_ kind: SyntaxErrorInfo.Kind, _ message: String, line: Int, col: Int, endLine: Int,
                    endCol: Int) -> SyntaxErrorInfo {
        var text = errorLineText(line)
        if mode != .file && line >= lineno && inp > bufStart {
            // Without a file to read the line from, pegen shows the tokenizer's buffer: from tok->buf (which may
            // hold several lines, e.g. after a multi-line string) to tok->inp.
            text = String(decoding: buf[bufStart..<min(inp, buf.count)], as: UTF8.self)
        }
        var colNumber = col
        var endColNumber = endCol
        if declaredEncoding != nil, let t = text {
            let lineBytes = Array(t.utf8)
            colNumber = Lexer.byteOffsetToCharacterOffset(lineBytes, col)
            if endColNumber > 0 { endColNumber = Lexer.byteOffsetToCharacterOffset(lineBytes, endColNumber) }
        }
        return SyntaxErrorInfo(kind: kind, message: message, filename: filename, lineno: line, offset: colNumber,
                               endLineno: endLine, endOffset: endColNumber, text: text)
    }

    /// The bytes of line `n` (1-based) including its '\n'.
    func lineBytes(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        let s = lineStarts[n - 1]
        let e = n < lineStarts.count ? lineStarts[n] : buf.count
        return buf[s..<e]
    }

    /// The `text` pegen attaches: the whole line with its '\n'. For a `.file` CPython reads it back from the file
    /// (so without the '\n' the tokenizer added); otherwise it comes from the tokenizer's buffer.
    func errorLineText(_ n: Int) -> String? {
        guard var b = lineBytes(n) else { return nil }
        // A file's line is read back from the file (no '\n' if the file has none); without a file, pegen takes an
        // earlier line from the source string without its '\n' (get_error_line_from_tokenizer_buffers).
        if (mode != .file || (n == lineStarts.count && lastLineUnterminated)) && b.last == 0x0A { b = b.dropLast() }
        // CPython: err_programtext reads the file with fgets into a 1000-byte buffer, so of a line longer than
        // 999 bytes only its last 999-byte piece is kept.
        if mode == .file && b.count > 999 { b = b.suffix(from: b.startIndex + (b.count - 1) / 999 * 999) }
        let s = String(decoding: b, as: UTF8.self)
        return mode == .file && hasBOM && n == 1 ? "\u{FEFF}" + s : s
    }

    /// CPython: _PyPegen_byte_offset_to_character_offset — the number of characters in the first `colOffset` bytes
    /// of the error line (its UTF-8 after "replace" decoding). A column past the end counts the string's NUL
    /// terminator as one more character, as CPython's decoding of `len + 1` bytes does.
    static func byteOffsetToCharacterOffset(_ line: [UInt8], _ colOffset: Int) -> Int {
        if colOffset <= 0 { return colOffset }
        let len = line.count
        let n = min(colOffset, len + 1)
        var chars = 0
        var i = 0
        while i < min(n, len) {
            if line[i] & 0xC0 != 0x80 { chars += 1 }
            i += 1
        }
        if n == len + 1 { chars += 1 }
        return chars
    }

    /// CPython: _Pypegen_tokenizer_error — the error for an ERRORTOKEN whose exception the tokenizer did not set.
    /// The ERRORTOKEN has no position, so "current position" errors use tok->cur - tok->line_start.
    func tokenizerError() -> SyntaxErrorInfo {
        let here = currentColumn
        switch done {
        case .eof:
            if !bracketStack.isEmpty { return unclosedBracketError() }
            return pegenError(.syntaxError, "unexpected EOF while parsing", line: lineno, col: here,
                              endLine: lineno, endCol: -1)
        case .dedent:
            return pegenError(.indentationError, "unindent does not match any outer indentation level",
                              line: lineno, col: here, endLine: lineno, endCol: -1)
        case .tabspace:
            return pegenError(.tabError, "inconsistent use of tabs and spaces in indentation", line: lineno,
                              col: 1, endLine: lineno, endCol: 0)
        case .toodeep:
            return pegenError(.indentationError, "too many levels of indentation", line: lineno, col: 1,
                              endLine: lineno, endCol: 0)
        case .linecont:
            return pegenError(.syntaxError, "unexpected character after line continuation character",
                              line: lineno, col: cur - bufStart - 1 + 1, endLine: lineno, endCol: 0)
        default:
            return pegenError(.syntaxError, "unknown parsing error", line: lineno, col: 1, endLine: lineno,
                              endCol: 0)
        }
    }
}
