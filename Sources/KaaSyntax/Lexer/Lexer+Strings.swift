/// String literals of every prefix, single- or triple-quoted, as one STRING token (f-strings included: 3.11's
/// tokenizer does not look inside them) (CPython: the `letter_quote:` part of tok_get).
extension Lexer {
    /// Scans a string whose opening quote `quote` has just been read; the prefix (if any) starts at `tokStart`.
    func scanString(quote: Int) -> RawToken {
        var quoteSize = 1
        var endQuoteSize = 0
        // A STRING token's start line and line start are recorded separately: it may span lines.
        firstLineno = lineno
        multiLineStart = lineStart

        // Find the quote size and start of string
        var c = nextc()
        if c == quote {
            c = nextc()
            if c == quote {
                quoteSize = 3
            } else {
                endQuoteSize = 1  // empty string found
            }
        }
        if c != quote { backup(c) }

        // Get rest of string
        let q = UInt8(quote)
        while endQuoteSize != quoteSize {
            // Skip ordinary characters of the current line in place.
            var i = cur
            let lineEnd = inp
            while i < lineEnd {
                let b = base[i]
                if b == q || b == 0x5C || b == 0x0A { break }
                i &+= 1
            }
            if i != cur {
                endQuoteSize = 0
                cur = i
            }
            c = nextc()
            if done == .error { return RawToken(kind: .errortoken, start: -1, end: -1) }  // a line failed to decode
            if c == Lexer.eof || (quoteSize == 1 && c == 0x0A) {
                // Report the error from the opening quote, on the line where the string started.
                let detected = lineno
                cur = tokStart + 1
                lineStart = multiLineStart
                lineno = firstLineno
                if quoteSize == 3 {
                    _ = syntaxError("unterminated triple-quoted string literal (detected at line \(detected))")
                } else {
                    _ = syntaxError("unterminated string literal (detected at line \(detected))")
                }
                if c != 0x0A { done = .eofInString } else { done = .error }
                return RawToken(kind: .errortoken, start: -1, end: -1)
            }
            if c == quote {
                endQuoteSize += 1
            } else {
                endQuoteSize = 0
                if c == 0x5C { _ = nextc() }  // skip escaped char
            }
        }
        return RawToken(kind: .string, start: tokStart, end: cur)
    }
}
