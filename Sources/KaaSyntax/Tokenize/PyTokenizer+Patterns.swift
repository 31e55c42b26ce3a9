// The regular expressions of Lib/tokenize.py 3.11 (PseudoToken, Number, ContStr, the endpats), matched by hand over
// a line's bytes with the exact first-match semantics of `re` (ordered alternation, greedy repeats, backtracking).
// Each function notes the pattern it implements and why greedy scanning gives the same answer as the regex engine.

/// Which alternative of PseudoToken's group matched (tokenize.py tells them apart by looking at the token text; the
/// answers coincide, see PyTokenizer.processLine).
enum PseudoKind {
    case empty          // \Z after whitespace
    case continuation   // \\\r?\n
    case comment        // Comment
    case triple         // Triple: prefix + ''' or """
    case number         // Number
    case newline        // \r?\n
    case op             // Special
    case string         // ContStr: a complete one-line string, or one that ends with backslash-newline
    case name           // \w+
}

struct PseudoMatch {
    var start: Int
    var end: Int
    var kind: PseudoKind
    /// The quote byte of a `.triple` or `.string` match.
    var quote: UInt8 = 0
}

enum TokenizePatterns {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }

    /// StringPrefix: '', b, r, u, f, br, rb, fr, rf in any case (tokenize._all_string_prefixes).
    @inline(__always) static func isPrefix1(_ a: UInt8) -> Bool {
        switch a | 0x20 {
        case 0x62, 0x72, 0x75, 0x66: return true  // b r u f
        default: return false
        }
    }

    @inline(__always) static func isPrefix2(_ a: UInt8, _ b: UInt8) -> Bool {
        let x = a | 0x20, y = b | 0x20
        switch (x, y) {
        case (0x62, 0x72), (0x72, 0x62), (0x66, 0x72), (0x72, 0x66): return true  // br rb fr rf
        default: return false
        }
    }

    /// PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name), matched at `pos`.
    /// When the group fails after the whitespace, giving whitespace back cannot help (no alternative starts with
    /// ' ', '\t' or '\f'), so the whole match fails.
    static func pseudo(_ l: UnsafeBufferPointer<UInt8>, _ pos: Int) -> PseudoMatch? {
        let n = l.count
        var i = pos
        while i < n {
            let b = l[i]
            if b == 0x20 || b == 0x09 || b == 0x0C { i += 1 } else { break }
        }
        if i == n { return PseudoMatch(start: i, end: i, kind: .empty) }
        let c = l[i]
        switch c {
        case 0x5C:  // backslash: only `\\\r?\n` starts with it
            if i + 1 < n && l[i + 1] == 0x0A { return PseudoMatch(start: i, end: i + 2, kind: .continuation) }
            if i + 2 < n && l[i + 1] == 0x0D && l[i + 2] == 0x0A {
                return PseudoMatch(start: i, end: i + 3, kind: .continuation)
            }
            return nil
        case 0x23:  // Comment = #[^\r\n]*
            var j = i + 1
            while j < n && l[j] != 0x0A && l[j] != 0x0D { j += 1 }
            return PseudoMatch(start: i, end: j, kind: .comment)
        case 0x30...0x39:
            // Decnumber matches any leading digit, so Number always wins here.
            return PseudoMatch(start: i, end: number(l, i) ?? (i + 1), kind: .number)
        case 0x2E:  // '.': Number (\.[0-9]...) before Special ('.', '...')
            if i + 1 < n && isDigit(l[i + 1]), let e = number(l, i) {
                return PseudoMatch(start: i, end: e, kind: .number)
            }
            if i + 2 < n && l[i + 1] == 0x2E && l[i + 2] == 0x2E {
                return PseudoMatch(start: i, end: i + 3, kind: .op)
            }
            return PseudoMatch(start: i, end: i + 1, kind: .op)
        case 0x0A:
            return PseudoMatch(start: i, end: i + 1, kind: .newline)
        case 0x0D:
            if i + 1 < n && l[i + 1] == 0x0A { return PseudoMatch(start: i, end: i + 2, kind: .newline) }
            return nil
        case 0x27, 0x22:
            return stringStart(l, i, prefixLength: 0)
        default:
            break
        }
        if let len = operatorLength(l, i) {
            return PseudoMatch(start: i, end: i + len, kind: .op)
        }
        // A string prefix is followed directly by the quote; quotes are not letters, so at most one prefix length
        // can apply.
        if isPrefix1(c) && i + 1 < n {
            let d = l[i + 1]
            if d == 0x27 || d == 0x22 {
                if let m = stringStart(l, i, prefixLength: 1) { return m }
            } else if isPrefix2(c, d) && i + 2 < n && (l[i + 2] == 0x27 || l[i + 2] == 0x22) {
                if let m = stringStart(l, i, prefixLength: 2) { return m }
            }
        }
        // Name = \w+
        var j = i
        while j < n {
            let b = l[j]
            if b < 0x80 {
                if TokenizeUnicode.isWord(UInt32(b)) { j += 1 } else { break }
            } else {
                let (cp, len) = TokenizeUnicode.decode(l, j)
                if TokenizeUnicode.isWord(cp) { j += len } else { break }
            }
        }
        if j > i { return PseudoMatch(start: i, end: j, kind: .name) }
        return nil
    }

    /// Triple (prefix + ''' / """), else ContStr, for the quote at `i + prefixLength`.
    static func stringStart(_ l: UnsafeBufferPointer<UInt8>, _ i: Int, prefixLength: Int) -> PseudoMatch? {
        let n = l.count
        let q = i + prefixLength
        let quote = l[q]
        if q + 2 < n && l[q + 1] == quote && l[q + 2] == quote {
            return PseudoMatch(start: i, end: q + 3, kind: .triple, quote: quote)
        }
        if let e = contStr(l, q + 1, quote) {
            return PseudoMatch(start: i, end: e, kind: .string, quote: quote)
        }
        return nil
    }

    /// The body of ContStr after its opening quote: `[^\n'\\]*(?:\\.[^\n'\\]*)*` + group("'", `\\\r?\n`).
    /// A backslash before '\n' cannot be `\\.` ('.' excludes '\n'), so it ends the loop and the group takes the
    /// continuation; before "\r\n" the greedy `\\.` eats the '\r', then nothing can consume the '\n', and the engine
    /// backtracks to the same continuation.
    static func contStr(_ l: UnsafeBufferPointer<UInt8>, _ from: Int, _ quote: UInt8) -> Int? {
        let n = l.count
        var j = from
        while j < n {
            let b = l[j]
            if b == quote { return j + 1 }
            if b == 0x0A { return nil }
            if b == 0x5C {
                if j + 1 >= n { return nil }
                let nb = l[j + 1]
                if nb == 0x0A { return j + 2 }
                if nb == 0x0D && j + 2 < n && l[j + 2] == 0x0A { return j + 3 }
                j += 2  // `\\.` (a continuation byte of a multi-byte '.' is never special)
                continue
            }
            j += 1
        }
        return nil
    }

    /// endpats Single / Double: `[^'\\]*(?:\\.[^'\\]*)*'` (newlines are content; `\\.` cannot take a '\n').
    static func singleEnd(_ l: UnsafeBufferPointer<UInt8>, _ from: Int, _ quote: UInt8) -> Int? {
        let n = l.count
        var j = from
        while j < n {
            let b = l[j]
            if b == quote { return j + 1 }
            if b == 0x5C {
                if j + 1 < n && l[j + 1] != 0x0A { j += 2; continue }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// endpats Single3 / Double3: `[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''` — the first unescaped run of three quotes;
    /// a backslash before '\n' (or at the end) stops the match.
    static func tripleEnd(_ l: UnsafeBufferPointer<UInt8>, _ from: Int, _ quote: UInt8) -> Int? {
        let n = l.count
        var j = from
        while j < n {
            let b = l[j]
            if b == quote {
                if j + 2 < n && l[j + 1] == quote && l[j + 2] == quote { return j + 3 }
                j += 1
                continue
            }
            if b == 0x5C {
                if j + 1 < n && l[j + 1] != 0x0A { j += 2; continue }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Special: the operators of token.EXACT_TOKEN_TYPES, longest first (tokenize sorts them in reverse, which puts
    /// every operator before its prefixes). '.' is handled by the caller.
    @inline(__always)
    static func operatorLength(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = l.count
        let c = l[i]
        let c1: UInt8 = i + 1 < n ? l[i + 1] : 0
        let c2: UInt8 = i + 2 < n ? l[i + 2] : 0
        switch c {
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3B, 0x7E:  // ( ) [ ] { } , ; ~
            return 1
        case 0x21:  // '!' only in '!='
            return c1 == 0x3D ? 2 : nil
        case 0x3A, 0x25, 0x26, 0x5E, 0x7C, 0x40, 0x3D, 0x2B:  // : % & ^ | @ = +  (each also with '=')
            return c1 == 0x3D ? 2 : 1
        case 0x2D:  // - -= ->
            return (c1 == 0x3D || c1 == 0x3E) ? 2 : 1
        case 0x2A, 0x2F, 0x3C, 0x3E:  // * / < > : doubled, doubled with '=', with '='
            if c1 == c { return c2 == 0x3D ? 3 : 2 }
            return c1 == 0x3D ? 2 : 1
        default:
            return nil
        }
    }

    // MARK: Number = group(Imagnumber, Floatnumber, Intnumber)

    /// `[0-9](?:_?[0-9])*`, greedy. Whatever follows a shorter match is a digit or '_', which none of the patterns
    /// that follow it accept, so backtracking into it never yields another match.
    @inline(__always)
    static func digitPart(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = l.count
        guard i < n, isDigit(l[i]) else { return nil }
        var j = i + 1
        while j < n {
            if isDigit(l[j]) {
                j += 1
            } else if l[j] == 0x5F && j + 1 < n && isDigit(l[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    /// Exponent = `[eE][-+]?[0-9](?:_?[0-9])*`
    @inline(__always)
    static func exponent(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = l.count
        guard i < n, l[i] | 0x20 == 0x65 else { return nil }
        var j = i + 1
        if j < n && (l[j] == 0x2B || l[j] == 0x2D) { j += 1 }
        return digitPart(l, j)
    }

    /// Pointfloat = group(`[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?`, `\.[0-9](?:_?[0-9])*`) + maybe(Exponent)
    static func pointFloat(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = l.count
        var j: Int
        if let d = digitPart(l, i) {
            guard d < n, l[d] == 0x2E else { return nil }
            j = d + 1
            if let f = digitPart(l, j) { j = f }
        } else if i < n, l[i] == 0x2E, let f = digitPart(l, i + 1) {
            j = f
        } else {
            return nil
        }
        if let e = exponent(l, j) { j = e }
        return j
    }

    /// Expfloat = `[0-9](?:_?[0-9])*` + Exponent
    static func expFloat(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard let d = digitPart(l, i) else { return nil }
        return exponent(l, d)
    }

    /// Number, first alternative that matches. For Imagnumber, dropping the optional exponent or fraction leaves a
    /// digit, '_', 'e' or 'E' before the [jJ], so only the greedy float can be followed by 'j'.
    static func number(_ l: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = l.count
        @inline(__always) func isJ(_ j: Int) -> Bool { j < n && l[j] | 0x20 == 0x6A }
        // Imagnumber
        let digits = digitPart(l, i)
        if let d = digits, isJ(d) { return d + 1 }
        let point = pointFloat(l, i)
        if let p = point, isJ(p) { return p + 1 }
        let exp = expFloat(l, i)
        if let e = exp, isJ(e) { return e + 1 }
        // Floatnumber
        if let p = point { return p }
        if let e = exp { return e }
        // Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber)
        guard i < n else { return nil }
        if l[i] == 0x30 && i + 1 < n {
            let x = l[i + 1] | 0x20
            let accepts: ((UInt8) -> Bool)?
            switch x {
            case 0x78: accepts = isHexDigit
            case 0x62: accepts = { $0 == 0x30 || $0 == 0x31 }
            case 0x6F: accepts = { $0 >= 0x30 && $0 <= 0x37 }
            default: accepts = nil
            }
            if let ok = accepts {
                var j = i + 2
                var any = false
                while j < n {
                    if ok(l[j]) {
                        j += 1
                    } else if l[j] == 0x5F && j + 1 < n && ok(l[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                    any = true
                }
                if any { return j }
            }
        }
        // Decnumber = `0(?:_?0)*` | `[1-9](?:_?[0-9])*`
        if l[i] == 0x30 {
            var j = i + 1
            while j < n {
                if l[j] == 0x30 {
                    j += 1
                } else if l[j] == 0x5F && j + 1 < n && l[j + 1] == 0x30 {
                    j += 2
                } else {
                    break
                }
            }
            return j
        }
        return digits
    }
}
