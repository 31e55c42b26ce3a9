/// Reading the buffer one byte at a time, line by line, as tokenizer.c does (CPython: tok_nextc, tok_backup,
/// tok_underflow_file).
extension Lexer {
    /// End-of-input marker returned by `nextc()` (CPython: EOF).
    @inline(__always) static var eof: Int { -1 }

    /// The next byte, or -1 at the end of input. Crossing into a new line advances `lineno` and `lineStart` only
    /// when the first byte of that line is requested, as CPython's tok_nextc does.
    @inline(__always) func nextc() -> Int {
        if cur < inp {
            let c = buf[cur]
            cur &+= 1
            return Int(c)
        }
        return underflow()
    }

    /// CPython: tok_nextc's slow path + tok_underflow_file: reads the next line.
    func underflow() -> Int {
        if done != .ok { return Lexer.eof }
        if cur >= limit {
            if let e = errorAtLimit {
                pendingError = e
                done = .error
            } else {
                done = .eof
            }
            cur = inp
            return Lexer.eof
        }
        // tok_underflow_file resets the buffer only when no token is in progress; the string tokenizer always
        // starts `buf` at the new line. `bufStart` matters only for the E_LINECONT column.
        if mode != .file || tokStart < 0 { bufStart = cur }
        lineno += 1
        lineStart = cur
        inp = Lexer.endOfLine(buf, from: cur, limit: limit)
        let c = buf[cur]
        cur &+= 1
        return Int(c)
    }

    /// Index just past the '\n' that ends the line starting at `from` (or `limit`).
    static func endOfLine(_ buf: [UInt8], from: Int, limit: Int) -> Int {
        var i = from
        while i < limit {
            if buf[i] == 0x0A { return i + 1 }
            i += 1
        }
        return limit
    }

    /// CPython: tok_backup — un-reads `c` (nothing to do for EOF).
    @inline(__always) func backup(_ c: Int) {
        if c != Lexer.eof { cur -= 1 }
    }

    /// CPython: lookahead — true if the next bytes are `test` (the read position does not move).
    func lookahead(_ test: StaticString) -> Bool {
        let save = cur
        var ok = true
        test.withUTF8Buffer { t in
            for b in t {
                if nextc() != Int(b) { ok = false; break }
            }
        }
        // nextc never crosses a line here: the test words contain no '\n', so rewinding `cur` is exact.
        cur = save
        return ok
    }
}
