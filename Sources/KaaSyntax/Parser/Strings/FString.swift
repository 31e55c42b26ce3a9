import KaaCore

/// The `strings` rule: adjacent STRING tokens concatenated into one Constant, or a JoinedStr when an f-string takes
/// part, with f-string replacement fields parsed by a sub-parser exactly as CPython 3.11 does it.
/// (CPython: _PyPegen_concatenate_strings in Parser/action_helpers.c; Parser/string_parser.c)

/// CPython: FstringParser — the pieces of a (possibly concatenated) f-string being assembled.
private struct FStringState {
    /// Literal text not yet turned into a Constant (CPython: last_str; nil when there is none).
    var lastStr: [UInt32]? = nil
    var exprs: [Expr] = []
    var fmode = false

    /// CPython: _PyPegen_FstringParser_ConcatAndDel — empty strings are dropped.
    mutating func concat(_ s: [UInt32]) {
        if s.isEmpty { return }
        if lastStr == nil { lastStr = s } else { lastStr!.append(contentsOf: s) }
    }
}

extension Parser {
    // strings (memo): a=STRING+ { _PyPegen_concatenate_strings(p, a) }
    func strings() throws -> Expr? {
        try memoized(.strings) {
            guard try check(.string) else { return nil }
            var toks: [ParserToken] = []
            while let t = try expect(.string) { toks.append(t) }
            return try concatenateStrings(toks)
        }
    }

    /// CPython: _PyPegen_concatenate_strings.
    func concatenateStrings(_ toks: [ParserToken]) throws -> Expr {
        let first = toks[0], last = toks[toks.count - 1]
        var bytesMode = false
        var bytesValue: [UInt8] = []
        var state = FStringState()
        for (i, t) in toks.enumerated() {
            // A token whose text has U+FFFD may stand for invalid UTF-8: take its source bytes, so that decoding
            // reports them as CPython does.
            let literal: StringLiteralParts?
            let raw = lexer.textBytes(of: t)
            var all: UInt8 = 0
            for b in raw { all |= b }
            if all < 0x80 {
                // ASCII (most literals): the text is the bytes, no String needed.
                literal = StringLiteralParts(bytes: Array(raw))
            } else {
                let tokenText = text(t)
                let mayBeInvalid = tokenText.unicodeScalars.contains("\u{FFFD}")
                literal = mayBeInvalid ? StringLiteralParts(bytes: Array(lexer.sourceBytes(from: t.start, to: t.end)))
                                       : StringLiteralParts(tokenText)
            }
            guard let parts = literal else {
                throw syntaxErrorAtLastToken("invalid string literal")
            }
            // CPython: _PyPegen_parsestr, then the bytes/str mixing check.
            var strValue: [UInt32]? = nil
            var thisBytes: [UInt8]? = nil
            if !parts.isFString {
                let body = parts.text[parts.bodyStart..<parts.bodyEnd]
                let hasBackslash = !parts.isRaw && body.contains(UInt8(ascii: "\\"))
                if parts.isBytes {
                    if body.contains(where: { $0 >= 0x80 }) {
                        throw error("bytes can only contain ASCII literal characters",
                                    at: SourceRange(start: t.start, end: t.end))
                    }
                    do {
                        thisBytes = hasBackslash ? try StringLiteralDecoder.decodeBytesEscapes(body) : Array(body)
                    } catch let e as EscapeDecodeError {
                        throw syntaxErrorAtLastToken(e.message)
                    }
                } else {
                    do {
                        strValue = hasBackslash ? try StringLiteralDecoder.decodeUnicodeEscapes(body)
                                                : try StringLiteralDecoder.decodeUTF8(body)
                    } catch let e as EscapeDecodeError {
                        throw syntaxErrorAtLastToken(e.message)
                    }
                }
            }
            if i != 0 && bytesMode != parts.isBytes {
                throw syntaxErrorAtLastToken("cannot mix bytes and nonbytes literals")
            }
            bytesMode = parts.isBytes
            if parts.isFString {
                var s = parts.bodyStart
                try concatFString(&state, parts.text, &s, parts.bodyEnd, raw: parts.isRaw, recurseLevel: 0,
                                  first: first, t: t, last: last)
            } else if let thisBytes {
                bytesValue.append(contentsOf: thisBytes)
            } else if let strValue {
                state.concat(strValue)
            }
        }
        if bytesMode {
            return Expr(.constant(value: .bytes(bytesValue), kind: nil), range: SourceRange(start: first.start, end: last.end))
        }
        return finishFString(&state, first: first, last: last)
    }

    /// CPython: make_str_node_and_del — the Constant's `kind` is 'u' when the first token of the whole
    /// concatenation starts with a lowercase `u`.
    private func makeStrNode(_ s: [UInt32], first: ParserToken, last: ParserToken) -> Expr {
        let kind: String? = lexer.textBytes(of: first).first == UInt8(ascii: "u") ? "u" : nil
        return Expr(.constant(value: .str(PyString(codePoints: s)), kind: kind),
                    range: SourceRange(start: first.start, end: last.end))
    }

    /// CPython: _PyPegen_FstringParser_Finish.
    private func finishFString(_ state: inout FStringState, first: ParserToken, last: ParserToken) -> Expr {
        if !state.fmode {
            return makeStrNode(state.lastStr ?? [], first: first, last: last)
        }
        if let s = state.lastStr {
            state.exprs.append(makeStrNode(s, first: first, last: last))
            state.lastStr = nil
        }
        return Expr(.joinedStr(values: state.exprs), range: SourceRange(start: first.start, end: last.end))
    }

    /// CPython: _PyPegen_FstringParser_ConcatFstring — `text[str..<end]` is the f-string's body (or a format spec).
    private func concatFString(_ state: inout FStringState, _ text: [UInt8], _ str: inout Int, _ end: Int, raw: Bool,
                               recurseLevel: Int, first: ParserToken, t: ParserToken, last: ParserToken) throws {
        state.fmode = true
        while true {
            // CPython: fstring_find_literal_and_expr
            let (result, literal) = try fstringFindLiteral(text, &str, end, raw: raw, recurseLevel: recurseLevel)
            var exprText: [UInt32]? = nil
            var expression: Expr? = nil
            if result == 0, str < end, text[str] != UInt8(ascii: "}") {
                (exprText, expression) = try fstringFindExpr(text, &str, end, raw: raw, recurseLevel: recurseLevel,
                                                             first: first, t: t, last: last)
            }
            if let literal { state.concat(literal) }
            if let exprText { state.concat(exprText) }
            if result == 1 { continue }
            guard let expression else { break }
            if let s = state.lastStr {
                state.exprs.append(makeStrNode(s, first: first, last: last))
                state.lastStr = nil
            }
            state.exprs.append(expression)
        }
        if recurseLevel == 0 && str < end - 1 {
            throw syntaxErrorAtLastToken("f-string: unexpected end of string")
        }
        if recurseLevel != 0 && (str >= text.count || text[str] != UInt8(ascii: "}")) {
            throw syntaxErrorAtLastToken("f-string: expecting '}'")
        }
    }

    /// CPython: fstring_find_literal — returns 1 when a doubled brace ended the literal (scan on), else 0.
    private func fstringFindLiteral(_ text: [UInt8], _ str: inout Int, _ end: Int, raw: Bool,
                                    recurseLevel: Int) throws -> (Int, [UInt32]?) {
        var s = str
        let literalStart = s
        var result = 0
        scan: while s < end {
            var ch = text[s]; s += 1
            if !raw && ch == UInt8(ascii: "\\") && s < end {
                ch = text[s]; s += 1
                if ch == UInt8(ascii: "N") {
                    if s < end {
                        let open = text[s]; s += 1
                        if open == UInt8(ascii: "{") {
                            while s < end {
                                let c = text[s]; s += 1
                                if c == UInt8(ascii: "}") { break }
                            }
                            continue scan
                        }
                    }
                    break scan
                }
            }
            if ch == UInt8(ascii: "{") || ch == UInt8(ascii: "}") {
                if recurseLevel == 0 {
                    if s < end && text[s] == ch {
                        str = s + 1
                        result = 1
                        return (result, try decodeLiteral(text[literalStart..<s], raw: raw))
                    }
                    if ch == UInt8(ascii: "}") {
                        str = s - 1
                        throw syntaxErrorAtLastToken("f-string: single '}' is not allowed")
                    }
                }
                s -= 1
                break scan
            }
        }
        str = s
        return (result, try decodeLiteral(text[literalStart..<s], raw: raw))
    }

    private func decodeLiteral(_ bytes: ArraySlice<UInt8>, raw: Bool) throws -> [UInt32]? {
        if bytes.isEmpty { return nil }
        do {
            if raw { return try StringLiteralDecoder.decodeUTF8(bytes) }
            // CPython decodes every non-raw literal part with decode_unicode_with_escapes, whose UTF-8 errors count
            // from the start of the non-ASCII run; without a backslash the plain decoder gives the same text faster.
            if !bytes.contains(UInt8(ascii: "\\")), StringLiteralDecoder.utf8Error(bytes) == nil {
                return StringLiteralDecoder.codePoints(bytes)
            }
            return try StringLiteralDecoder.decodeUnicodeEscapes(bytes)
        } catch let e as EscapeDecodeError {
            throw syntaxErrorAtLastToken(e.message)
        }
    }

    /// CPython: fstring_find_expr — parses one replacement field starting at its '{'.
    private func fstringFindExpr(_ text: [UInt8], _ str: inout Int, _ end: Int, raw: Bool, recurseLevel: Int,
                                 first: ParserToken, t: ParserToken, last: ParserToken) throws -> ([UInt32]?, Expr) {
        if recurseLevel >= 2 { throw syntaxErrorAtLastToken("f-string: expressions nested too deeply") }
        str += 1
        let exprStart = str
        var quoteChar: UInt8 = 0
        var stringType = 0
        var parenStack: [UInt8] = []
        while str < end {
            let ch = text[str]
            defer { str += 1 }
            if ch == UInt8(ascii: "\\") {
                throw syntaxErrorAtLastToken("f-string expression part cannot include a backslash")
            }
            if quoteChar != 0 {
                if ch == quoteChar {
                    if stringType == 3 {
                        if str + 2 < end && text[str + 1] == ch && text[str + 2] == ch {
                            str += 2
                            stringType = 0
                            quoteChar = 0
                        }
                    } else {
                        stringType = 0
                        quoteChar = 0
                    }
                }
            } else if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                if str + 2 < end && text[str + 1] == ch && text[str + 2] == ch {
                    stringType = 3
                    str += 2
                } else {
                    stringType = 1
                }
                quoteChar = ch
            } else if ch == UInt8(ascii: "[") || ch == UInt8(ascii: "{") || ch == UInt8(ascii: "(") {
                if parenStack.count >= 200 {
                    throw syntaxErrorAtLastToken("f-string: too many nested parenthesis")
                }
                parenStack.append(ch)
            } else if ch == UInt8(ascii: "#") {
                throw syntaxErrorAtLastToken("f-string expression part cannot include '#'")
            } else if parenStack.isEmpty && (ch == UInt8(ascii: "!") || ch == UInt8(ascii: ":")
                                             || ch == UInt8(ascii: "}") || ch == UInt8(ascii: "=")
                                             || ch == UInt8(ascii: ">") || ch == UInt8(ascii: "<")) {
                if str + 1 < end {
                    let next = text[str + 1]
                    if next == UInt8(ascii: "=") && (ch == UInt8(ascii: "!") || ch == UInt8(ascii: "=")
                                                     || ch == UInt8(ascii: "<") || ch == UInt8(ascii: ">")) {
                        str += 1
                        continue
                    }
                }
                // A lone '<' or '>' never ends the expression, even as the last character (3.11.7: f'x{<' is
                // "expecting '}'").
                if ch == UInt8(ascii: ">") || ch == UInt8(ascii: "<") { continue }
                str -= 1  // undo the defer: stop at this character
                break
            } else if ch == UInt8(ascii: "]") || ch == UInt8(ascii: "}") || ch == UInt8(ascii: ")") {
                guard let opening = parenStack.popLast() else {
                    throw syntaxErrorAtLastToken("f-string: unmatched '\(Character(Unicode.Scalar(ch)))'")
                }
                if !((opening == UInt8(ascii: "(") && ch == UInt8(ascii: ")"))
                     || (opening == UInt8(ascii: "[") && ch == UInt8(ascii: "]"))
                     || (opening == UInt8(ascii: "{") && ch == UInt8(ascii: "}"))) {
                    throw syntaxErrorAtLastToken("f-string: closing parenthesis '\(Character(Unicode.Scalar(ch)))' "
                                                 + "does not match opening parenthesis "
                                                 + "'\(Character(Unicode.Scalar(opening)))'")
                }
            }
        }
        let exprEnd = str
        if quoteChar != 0 { throw syntaxErrorAtLastToken("f-string: unterminated string") }
        if let opening = parenStack.last {
            throw syntaxErrorAtLastToken("f-string: unmatched '\(Character(Unicode.Scalar(opening)))'")
        }
        let expecting = "f-string: expecting '}'"
        if str >= end { throw syntaxErrorAtLastToken(expecting) }
        let simpleExpression = try fstringCompileExpr(text, exprStart, exprEnd, t)
        var exprText: [UInt32]? = nil
        if text[str] == UInt8(ascii: "=") {
            str += 1
            while str < text.count, isPySpace(text[str]) { str += 1 }
            exprText = StringLiteralDecoder.codePoints(text[exprStart..<str])
        }
        var conversion = -1
        if str < text.count, text[str] == UInt8(ascii: "!") {
            str += 1
            if str >= end { throw syntaxErrorAtLastToken(expecting) }
            conversion = Int(text[str])
            str += 1
            if !(conversion == Int(UInt8(ascii: "s")) || conversion == Int(UInt8(ascii: "r"))
                 || conversion == Int(UInt8(ascii: "a"))) {
                throw syntaxErrorAtLastToken("f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
        }
        if str >= end { throw syntaxErrorAtLastToken(expecting) }
        var formatSpec: Expr? = nil
        if text[str] == UInt8(ascii: ":") {
            str += 1
            if str >= end { throw syntaxErrorAtLastToken(expecting) }
            // CPython: fstring_parse — a nested f-string whose nodes end at this token.
            var specState = FStringState()
            try concatFString(&specState, text, &str, end, raw: raw, recurseLevel: recurseLevel + 1,
                              first: first, t: t, last: last)
            formatSpec = finishFString(&specState, first: t, last: t)
        }
        if str >= end || text[str] != UInt8(ascii: "}") { throw syntaxErrorAtLastToken(expecting) }
        str += 1
        if exprText != nil && formatSpec == nil && conversion == -1 {
            conversion = Int(UInt8(ascii: "r"))
        }
        let node = Expr(.formattedValue(value: simpleExpression, conversion: conversion, formatSpec: formatSpec),
                        range: SourceRange(start: first.start, end: last.end))
        return (exprText, node)
    }

    /// CPython: Py_ISSPACE.
    @inline(__always) private func isPySpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    /// CPython: fstring_compile_expr — parses `(expr)` with a parser of its own whose tokens are shifted to where
    /// the expression stands in the file (fstring_find_expr_location).
    private func fstringCompileExpr(_ text: [UInt8], _ exprStart: Int, _ exprEnd: Int, _ t: ParserToken) throws -> Expr {
        var allSpace = true
        for i in exprStart..<exprEnd {
            let c = text[i]
            if !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C) { allSpace = false; break }
        }
        if allSpace {
            let c = exprEnd < text.count ? text[exprEnd] : 0
            if c == UInt8(ascii: "!") || c == UInt8(ascii: ":") || c == UInt8(ascii: "=") {
                throw syntaxErrorAtLastToken("f-string: expression required before '\(Character(Unicode.Scalar(c)))'")
            }
            throw syntaxErrorAtLastToken("f-string: empty expression not allowed")
        }
        // CPython: fstring_find_expr_location, relative to the '{' at exprStart - 1.
        let brace = exprStart - 1
        var lines = 0, cols = 0
        var newlineAfterBrace = true
        var k = brace + 1
        while k < text.count && text[k] != UInt8(ascii: "}") && text[k] != UInt8(ascii: "\n") {
            let c = text[k]
            if c != 0x20 && c != 0x09 && c != 0x0C { newlineAfterBrace = false; break }
            k += 1
        }
        if !newlineAfterBrace {
            var s = brace
            while s > 0 && text[s] != UInt8(ascii: "\n") { s -= 1 }
            cols = brace - s
            if text[s] == UInt8(ascii: "\n") { cols -= 1 }
        }
        for i in 0..<brace where text[i] == UInt8(ascii: "\n") { lines += 1 }

        var source: [UInt8] = [UInt8(ascii: "(")]
        source.append(contentsOf: text[exprStart..<exprEnd])
        source.append(UInt8(ascii: ")"))
        let subLexer = try Lexer(source: source, filename: filename, mode: .bytes)  // CPython: PyTokenizer_FromString(str, 1)
        let p2 = Parser(lexer: subLexer, mode: .eval)
        p2.exprState.isFStringParser = true
        p2.exprState.startingLineno = t.start.line + lines - 1
        p2.exprState.startingColOffset = (lines == 0 ? t.start.column : 0) + cols
        return try p2.runFStringParser()
    }

    /// CPython: _PyPegen_run_parser for the `fstring: star_expressions` start rule — a first pass, then a second with
    /// the invalid_* rules on, then the generic error at the first pass's last token.
    func runFStringParser() throws -> Expr {
        do {
            if let e = try starExpressions() { return e }
            let lastIndex = tokens.count - 1
            reset(0)
            level = 0
            callInvalidRules = true
            exprState.resetMemo()
            _ = try starExpressions()
            guard lastIndex >= 0 else { throw raiseError("error at start before reading any input") }
            let lastTok = tokens[lastIndex]
            throw error("invalid syntax", at: SourceRange(start: lastTok.start, end: lastTok.end))
        } catch let e as SyntaxErrorInfo {
            // The sub-tokenizer's own errors count lines from the f-string's place in the file (its columns stay
            // those of the "(expr)" text).
            func fileLines(_ e: SyntaxErrorInfo) -> SyntaxErrorInfo {
                var e = e
                e.lineno = e.lineno.map { $0 + exprState.startingLineno }
                e.endLineno = e.endLineno.map { $0 + exprState.startingLineno }
                return e
            }
            if tokenizerFailed { throw fileLines(e) }
            // CPython: _PyPegen_set_syntax_error — a tokenizer error further on replaces a parser error.
            let rest = checkRestForTokenizerErrors(e)
            throw rest == e ? e : fileLines(rest)
        }
    }

    /// CPython: _PyPegen_raise_error_known_location for the f-string sub-parser — "f-string: " before the message,
    /// columns relative to the `(expr)` text, whose line is the error's text; line numbers stay the file's.
    func fstringError(_ kind: SyntaxErrorInfo.Kind, _ message: String, start: SourcePosition,
                      end: SourcePosition) -> SyntaxErrorInfo {
        // The sub-tokenizer has no encoding, so CPython leaves the offsets in bytes (and does not clamp them: an
        // end on a later, unshifted line can come out negative).
        // The text is the "(expr)" line the error starts on.
        let textLine = start.line - exprState.startingLineno
        return SyntaxErrorInfo(
            kind: kind, message: "f-string: " + message, filename: filename, lineno: start.line,
            offset: start.column + 1 - exprState.startingColOffset,
            endLineno: end.line, endOffset: end.column + 1 - exprState.startingColOffset,
            text: lineText(textLine))
    }
}
