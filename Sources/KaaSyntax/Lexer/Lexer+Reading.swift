#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the buffer one byte at a time, line by line, as tokenizer.c does (CPython: tok_nextc, tok_backup,
/// tok_underflow_file).
extension Lexer {
    /// End-of-input marker returned by `nextc()` (CPython: EOF).
    @inline(__always) static var eof: Int { -1 }

    /// The next byte, or -1 at the end of input. Crossing into a new line advances `lineno` and `lineStart` only
    /// when the first byte of that line is requested, as CPython's tok_nextc does.
    @inline(__always) func nextc() -> Int {
        if cur < inp {
            let c = base[cur]
            cur &+= 1
            return Int(c)
        }
        return underflow()
    }

    /// CPython: tok_nextc's slow path + tok_underflow_file: reads the next line.
    func underflow() -> Int {
        if done != .ok { return Lexer.eof }
        // tok_underflow_file starts the buffer afresh when no token is in progress (also when it then finds EOF).
        // `bufStart` (tok->buf) matters for the E_LINECONT column, for pegen's column of position-less tokens
        // (`currentColumn`) and, for string input, for the text of pegen's errors.
        if mode == .file && tokStart < 0 { bufStart = cur }
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
        // The string tokenizer (tok_underflow_string) also starts `buf` afresh only when no token is in progress,
        // but only after it has found another line.
        if mode != .file && tokStart < 0 { bufStart = cur }
        lineno += 1
        lineStart = cur
        inp = endOfLine(from: cur)
        let c = base[cur]
        cur &+= 1
        return Int(c)
    }

    /// Index just past the '\n' that ends the line starting at `from` (or `limit`).
    @inline(__always) func endOfLine(from: Int) -> Int {
        let end = limit
        guard from < end else { return end }
        // memchr scans a word at a time (the byte loop was a couple of percent of the parse).
        guard let hit = memchr(base + from, 0x0A, end - from) else { return end }
        return UnsafeMutableRawPointer(base).distance(to: hit) + 1
    }

    /// CPython: tok_backup — un-reads `c` (nothing to do for EOF).
    @inline(__always) func backup(_ c: Int) {
        if c != Lexer.eof { cur -= 1 }
    }

    /// CPython: lookahead — true if the next bytes are `test` followed by a byte that cannot continue a name
    /// (so `1and x` matches "and" but `1and_` does not). The read position does not move.
    func lookahead(_ test: StaticString) -> Bool {
        var i = cur
        var ok = true
        test.withUTF8Buffer { t in
            for b in t {
                // Stay on the current line: the words contain no '\n', and reading past the line could hit EOF.
                if i >= inp || base[i] != b { ok = false; break }
                i += 1
            }
        }
        guard ok else { return false }
        let next = i < inp ? Int(base[i]) : Lexer.eof
        return !isPotentialIdentifierChar(next)
    }
}
