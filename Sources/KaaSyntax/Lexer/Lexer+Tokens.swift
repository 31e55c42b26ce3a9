/// The main scanner: one raw token per call (CPython: tok_get in Parser/tokenizer.c, 3.11).
extension Lexer {
    /// CPython: tok_get. Returns `.errortoken` after setting `done` (and `pendingError` when CPython's tokenizer
    /// sets the exception itself).
    func getToken() -> RawToken {
        var blankline = false
        var c = 0

        nextline: while true {
            tokStart = -1
            blankline = false

            // Indentation at the beginning of a line (Lexer+Indentation.swift).
            if atbol {
                switch measureIndentation() {
                case .error: return RawToken(kind: .errortoken, start: -1, end: -1)
                case .blank: blankline = true
                case .normal: break
                }
            }

            tokStart = cur
            // Pending INDENT/DEDENT tokens have no position (p_start == NULL).
            if pendin != 0 {
                if pendin < 0 {
                    pendin += 1
                    return RawToken(kind: .dedent, start: -1, end: -1)
                } else {
                    pendin -= 1
                    return RawToken(kind: .indent, start: -1, end: -1)
                }
            }

            again: while true {
                tokStart = -1
                // Skip spaces (in place on the current line, then through nextc for the line's end)
                var i = cur
                let lineEnd = inp
                while i < lineEnd {
                    let b = base[i]
                    if b != 0x20 && b != 0x09 && b != 0x0C { break }
                    i &+= 1
                }
                cur = i
                repeat { c = nextc() } while c == 0x20 || c == 0x09 || c == 0x0C
                tokStart = cur - 1

                // Skip comment, unless it's a type comment
                if c == 0x23 /* # */ {
                    // Lines end with '\n' (one is added to a last line without it), so the comment ends at inp-1.
                    if inp > cur && base[inp - 1] == 0x0A { cur = inp - 1 }
                    while c != Lexer.eof && c != 0x0A { c = nextc() }
                    if typeComments, let t = typeComment(lastChar: c, blankline: blankline) {
                        return t
                    }
                }

                // Check for EOF and errors now
                if c == Lexer.eof {
                    if parenLevel > 0 { return RawToken(kind: .errortoken, start: -1, end: -1) }
                    return RawToken(kind: done == .eof ? .endmarker : .errortoken, start: -1, end: -1)
                }

                // Identifier (most frequent token!)
                if isPotentialIdentifierStart(c) {
                    // Process the various legal combinations of b"", r"", u"", and f"".
                    var sawB = false, sawR = false, sawU = false, sawF = false
                    while true {
                        if !(sawB || sawU || sawF) && (c == 0x62 || c == 0x42) { sawB = true }          // b B
                        else if !(sawB || sawU || sawR || sawF) && (c == 0x75 || c == 0x55) { sawU = true } // u U
                        else if !(sawR || sawU) && (c == 0x72 || c == 0x52) { sawR = true }             // r R
                        else if !(sawF || sawB || sawU) && (c == 0x66 || c == 0x46) { sawF = true }     // f F
                        else { break }
                        c = nextc()
                        if c == 0x22 || c == 0x27 { return scanString(quote: c) }
                    }
                    var nonascii = false
                    if isPotentialIdentifierChar(c) {
                        // `c` (at cur-1) is part of the name; scan the rest in place. A name never contains '\n',
                        // so it ends before the line does.
                        if c >= 128 { nonascii = true }
                        var i = cur
                        let lineEnd = inp
                        while i < lineEnd {
                            let b = base[i]
                            if b >= 128 {
                                nonascii = true
                            } else if !((b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
                                        || (b >= 0x30 && b <= 0x39) || b == 0x5F) {
                                break
                            }
                            i &+= 1
                        }
                        cur = i
                    } else {
                        backup(c)
                    }
                    if nonascii && !verifyIdentifier() {
                        return RawToken(kind: .errortoken, start: -1, end: -1)
                    }
                    return RawToken(kind: Lexer.keywordKind(base, tokStart, cur), start: tokStart, end: cur)
                }

                // Newline
                if c == 0x0A {
                    atbol = true
                    if blankline || parenLevel > 0 { continue nextline }
                    contLine = false
                    // Leave '\n' out of the string: the token is empty, at the '\n' (or at the comment before it).
                    return RawToken(kind: .newline, start: tokStart, end: cur - 1)
                }

                // Period or number starting with period?
                if c == 0x2E /* . */ {
                    c = nextc()
                    if isDigit(c) {
                        return scanFraction(c)
                    } else if c == 0x2E {
                        c = nextc()
                        if c == 0x2E { return RawToken(kind: .ellipsis, start: tokStart, end: cur) }
                        backup(c)
                        backup(0x2E)
                    } else {
                        backup(c)
                    }
                    return RawToken(kind: .dot, start: tokStart, end: cur)
                }

                // Number
                if isDigit(c) { return scanNumber(c) }

                // String
                if c == 0x22 || c == 0x27 { return scanString(quote: c) }

                // Line continuation
                if c == 0x5C /* \ */ {
                    if continuationLine() == nil { return RawToken(kind: .errortoken, start: -1, end: -1) }
                    contLine = true
                    continue again  // Read next line
                }
                break again
            }
            break nextline
        }

        // Check for two-character token
        let c2 = nextc()
        var kind = Lexer.twoChars(c, c2)
        if kind != .op {
            let c3 = nextc()
            let k3 = Lexer.threeChars(c, c2, c3)
            if k3 != .op { kind = k3 } else { backup(c3) }
            return RawToken(kind: kind, start: tokStart, end: cur)
        }
        backup(c2)

        // Keep track of parentheses nesting level
        switch c {
        case 0x28, 0x5B, 0x7B:  // ( [ {
            if parenLevel >= Lexer.maxLevel {
                return syntaxError("too many nested parentheses")
            }
            bracketStack.append(OpenBracket(char: UInt8(c), line: lineno, column: tokStart - lineStart))
            parenLevel += 1
        case 0x29, 0x5D, 0x7D:  // ) ] }
            let ch = Character(Unicode.Scalar(UInt8(c)))
            guard let open = bracketStack.last else {
                return syntaxError("unmatched '\(ch)'")
            }
            bracketStack.removeLast()
            parenLevel -= 1
            let o = open.char
            if !((o == 0x28 && c == 0x29) || (o == 0x5B && c == 0x5D) || (o == 0x7B && c == 0x7D)) {
                // CPython pops the bracket before raising; keep its stack the same.
                let oc = Character(Unicode.Scalar(o))
                if open.line != lineno {
                    return syntaxError(
                        "closing parenthesis '\(ch)' does not match opening parenthesis '\(oc)' on line \(open.line)")
                }
                return syntaxError("closing parenthesis '\(ch)' does not match opening parenthesis '\(oc)'")
            }
        default:
            break
        }

        // Only ASCII bytes get here (bytes >= 128 start identifiers); CPython: !Py_UNICODE_ISPRINTABLE(c).
        if c < 0x20 || c == 0x7F {
            return syntaxError("invalid non-printable character U+\(Lexer.hex4(UInt32(c)))")
        }

        // Punctuation character
        return RawToken(kind: Lexer.oneChar(c), start: tokStart, end: cur)
    }

    /// CPython: tok_continuation_line — after a backslash, the line must end; returns nil on error.
    func continuationLine() -> Int? {
        var c = nextc()
        if c != 0x0A {
            done = .linecont
            return nil
        }
        c = nextc()
        if c == Lexer.eof {
            if pendingError == nil { done = .eof }
            cur = inp
            return nil
        }
        backup(c)
        return c
    }

    @inline(__always) func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always) func isPotentialIdentifierStart(_ c: Int) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 128
    }

    @inline(__always) func isPotentialIdentifierChar(_ c: Int) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c >= 128
    }

    static func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
}
