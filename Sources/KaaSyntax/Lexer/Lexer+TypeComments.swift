/// `# type: ...` comments when type comments are on (CPython: the type-comment part of tok_get).
extension Lexer {
    /// The comment at `tokStart` has been read up to `lastChar` ('\n' or EOF, already consumed). Returns the
    /// TYPE_IGNORE / TYPE_COMMENT token, or nil for an ordinary comment.
    func typeComment(lastChar c: Int, blankline: Bool) -> RawToken? {
        // "# type: " where each space means "zero or more spaces or tabs".
        let prefix: [UInt8] = Array("# type: ".utf8)
        var p = tokStart
        var k = 0
        while k < prefix.count && p < cur {
            if prefix[k] == 0x20 {
                while p < buf.count && (buf[p] == 0x20 || buf[p] == 0x09) { p += 1 }
            } else if p < buf.count && prefix[k] == buf[p] {
                p += 1
            } else {
                break
            }
            k += 1
        }
        guard k == prefix.count else { return nil }
        backup(c)  // don't eat the newline or EOF
        let typeStart = p
        let ignoreEnd = p + 6
        // A TYPE_IGNORE is "type: ignore" followed by the end of the token or anything ASCII and non-alphanumeric.
        var isIgnore = cur >= ignoreEnd && ignoreEnd <= buf.count && Array(buf[p..<ignoreEnd]) == Array("ignore".utf8)
        if isIgnore && cur > ignoreEnd {
            let b = buf[ignoreEnd]
            if b >= 128 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                isIgnore = false
            }
        }
        if isIgnore {
            let t = RawToken(kind: .typeIgnore, start: ignoreEnd, end: cur)
            // If this type ignore is the only thing on the line, consume the newline also.
            if blankline {
                _ = nextc()
                atbol = true
            }
            return t
        }
        return RawToken(kind: .typeComment, start: typeStart, end: cur)
    }
}
