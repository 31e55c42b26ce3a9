/// How CPython 3.11 prints an uncaught SyntaxError (and its subclasses IndentationError and TabError) to stderr.
/// (CPython: Python/pythonrun.c print_exception_file_and_line, parse_syntax_error, print_error_text)
extension SyntaxErrorInfo {
    /// The text `python3 FILE.py` (or `python3 -c CODE`, with filename `<string>`) writes to stderr for this error,
    /// each line ending in "\n": the `  File "…", line N` line, the source line stripped of leading whitespace, the
    /// caret line, then `Kind: message`. With no `lineno` the exception is taken as raised without a location
    /// (`SyntaxError(msg)`, e.g. "source code string cannot contain null bytes") and only the last line is written.
    ///
    /// Reproduced quirks: offsets are character offsets but CPython lays them out over the UTF-8 bytes of the line,
    /// so carets drift left after non-ASCII text; only SyntaxError itself (not its subclasses) uses the end offset;
    /// a range reaching a later line is highlighted to the end of the text, counting its newline if `text` has one.
    public func formattedForTraceback() -> String {
        var out = ""
        if let lineno {
            out += "  File \"" + filename + "\", line " + String(lineno) + "\n"
            if let text {
                let bytes = Array(text.utf8)
                // CPython: parse_syntax_error — subclasses get end_lineno = lineno and end_offset = -1.
                var endOffset = -1
                var endLineno = lineno
                if kind == .syntaxError {
                    endOffset = self.endOffset ?? -1
                    endLineno = self.endLineno ?? lineno
                }
                // CPython: print_exception_file_and_line — a multi-line range is shown to the end of the first line,
                // and the carets never run more than one past the end of the text.
                let lineSize = bytes.count
                if endLineno > lineno { endOffset = lineSize }
                if endOffset > lineSize + 1 { endOffset = lineSize + 1 }
                Self.appendErrorText(&out, offset: offset ?? -1, endOffset: endOffset, text: bytes)
            }
        }
        out += kind.rawValue
        if !message.isEmpty { out += ": " + message }
        out += "\n"
        return out
    }

    /// CPython: print_error_text — byte-oriented, with `offset`/`endOffset` 1-based (≤ 0 meaning none).
    static func appendErrorText(_ out: inout String, offset: Int, endOffset: Int, text: [UInt8]) {
        let caretRepetitions = (endOffset > 0 && endOffset > offset) ? endOffset - offset : 1
        var offset = offset - 1
        var start = 0
        // Leading whitespace is stripped and the offset moved with it (it may go negative: no caret line then).
        while start < text.count, text[start] == 0x20 || text[start] == 0x09 || text[start] == 0x0C {
            start += 1
            offset -= 1
        }
        // The C code works on a NUL-terminated copy: text after an embedded NUL is never seen.
        var end = start
        while end < text.count, text[end] != 0 { end += 1 }
        var len = end - start
        if len > 0 && text[start + len - 1] == 0x0A { len -= 1 }
        if offset > len { offset = len }
        // Lines before the one holding the offset are skipped.
        while true {
            guard let nl = text[start..<end].firstIndex(of: 0x0A) else { break }
            var inl = nl - start
            if inl >= offset { break }
            inl += 1
            start += inl
            len -= inl
            offset -= inl
        }
        out += "    "
        out += String(decoding: text[start..<end], as: UTF8.self)
        // A newline is added unless the text (from the kept line on) already ends the line.
        let after = start + len
        if after < 0 || after >= end || text[after] != 0x0A { out += "\n" }
        if offset < 0 { return }
        out += "    "
        out += String(repeating: " ", count: offset)
        out += String(repeating: "^", count: caretRepetitions)
        out += "\n"
    }
}
