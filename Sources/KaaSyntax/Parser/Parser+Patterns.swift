/// The pattern rules of the match statement in Grammar/python.gram (patterns ... keyword_pattern).
extension Parser {
    /// patterns: open_sequence_pattern | pattern
    func patterns() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let items = try openSequencePattern() {
            return Pattern(.matchSequence(patterns: items), range: extra(start))
        }
        reset(m)
        return try pattern()
    }

    /// pattern: as_pattern | or_pattern
    func pattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        if let p = try asPattern() { return p }
        return try orPattern()
    }

    /// as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
    func asPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let p = try orPattern(), try expect(.kwAs) != nil, let target = try patternCaptureTarget() {
            return Pattern(.matchAs(pattern: p, name: identifier(target)), range: extra(start))
        }
        reset(m)
        if callInvalidRules { try invalidAsPattern() }
        reset(m)
        return nil
    }

    /// or_pattern: '|'.closed_pattern+
    func orPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let first = try closedPattern() else { return nil }
        var items = [first]
        while true {
            let m = mark()
            if try expect(.vbar) != nil, let p = try closedPattern() { items.append(p) } else { reset(m); break }
        }
        if items.count == 1 { return first }
        return Pattern(.matchOr(patterns: items), range: extra(start))
    }

    /// closed_pattern (memo): literal | capture | wildcard | value | group | sequence | mapping | class
    func closedPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let memo = stmtMemo.closedPattern[m] {
            pos = memo.end
            return memo.value
        }
        var value = try literalPattern()
        if value == nil { value = try capturePattern() }
        if value == nil { value = try wildcardPattern() }
        if value == nil { value = try valuePattern() }
        if value == nil { value = try groupPattern() }
        if value == nil { value = try sequencePattern() }
        if value == nil { value = try mappingPattern() }
        if value == nil { value = try classPattern() }
        if value == nil { reset(m) }
        stmtMemo.closedPattern[m] = (value, pos)
        return value
    }

    // MARK: - Literals

    /// literal_pattern: signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
    func literalPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        switch start.kind {
        case .kwNone: pos += 1; return Pattern(.matchSingleton(value: .none), range: extra(start))
        case .kwTrue: pos += 1; return Pattern(.matchSingleton(value: .bool(true)), range: extra(start))
        case .kwFalse: pos += 1; return Pattern(.matchSingleton(value: .bool(false)), range: extra(start))
        default: break
        }
        if let e = try literalValue() { return Pattern(.matchValue(value: e), range: extra(start)) }
        reset(m)
        return nil
    }

    /// The number and string alternatives shared by literal_pattern and literal_expr.
    private func literalValue() throws -> Expr? {
        let m = mark()
        if let n = try signedNumber() {
            let next = try peek().kind
            if next != .plus && next != .minus { return n }
        }
        reset(m)
        if let c = try complexNumber() { return c }
        reset(m)
        if try check(.string), let s = try strings() { return s }
        reset(m)
        return nil
    }

    /// literal_expr: signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
    func literalExpr() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        switch start.kind {
        case .kwNone: pos += 1; return Expr(.constant(value: .none, kind: nil), range: extra(start))
        case .kwTrue: pos += 1; return Expr(.constant(value: .bool(true), kind: nil), range: extra(start))
        case .kwFalse: pos += 1; return Expr(.constant(value: .bool(false), kind: nil), range: extra(start))
        default: return try literalValue()
        }
    }

    /// complex_number: signed_real_number ('+' | '-') imaginary_number
    func complexNumber() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let real = try signedRealNumber() {
            let opToken = try peek()
            if opToken.kind == .plus || opToken.kind == .minus {
                pos += 1
                if let imag = try imaginaryNumber() {
                    return Expr(.binOp(left: real, op: opToken.kind == .plus ? .add : .sub, right: imag),
                                range: extra(start))
                }
            }
        }
        reset(m)
        return nil
    }

    /// signed_number: NUMBER | '-' NUMBER
    func signedNumber() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let n = try numberExpression() { return n }
        if try expect(.minus) != nil, let n = try numberExpression() {
            return Expr(.unaryOp(op: .uSub, operand: n), range: extra(start))
        }
        reset(m)
        return nil
    }

    /// signed_real_number: real_number | '-' real_number
    func signedRealNumber() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let n = try realNumber() { return n }
        if try expect(.minus) != nil, let n = try realNumber() {
            return Expr(.unaryOp(op: .uSub, operand: n), range: extra(start))
        }
        reset(m)
        return nil
    }

    /// real_number: NUMBER  (CPython: _PyPegen_ensure_real)
    func realNumber() throws -> Expr? {
        try enter(); defer { level -= 1 }
        guard let n = try numberExpression() else { return nil }
        if case .constant(.complex, _) = n.kind {
            throw error("real number required in complex literal", at: n.range)
        }
        return n
    }

    /// imaginary_number: NUMBER  (CPython: _PyPegen_ensure_imaginary)
    func imaginaryNumber() throws -> Expr? {
        try enter(); defer { level -= 1 }
        guard let n = try numberExpression() else { return nil }
        if case .constant(.complex, _) = n.kind { return n }
        throw error("imaginary number required in complex literal", at: n.range)
    }

    // MARK: - Captures and values

    /// capture_pattern: pattern_capture_target
    func capturePattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let t = try patternCaptureTarget() else { return nil }
        return Pattern(.matchAs(pattern: nil, name: identifier(t)), range: extra(start))
    }

    /// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
    func patternCaptureTarget() throws -> ParserToken? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let t = try peek()
        guard t.kind == .name, !(t.textLength == 1 && lexer.textBytes(of: t)[0] == 0x5F) else { return nil }
        pos += 1
        let next = try peek().kind
        if next == .dot || next == .lpar || next == .equal {
            reset(m)
            return nil
        }
        return t
    }

    /// wildcard_pattern: "_"
    func wildcardPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard try expectSoftKeyword("_") != nil else { return nil }
        return Pattern(.matchAs(pattern: nil, name: nil), range: extra(start))
    }

    /// value_pattern: attr !('.' | '(' | '=')
    func valuePattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let a = try attr() {
            let next = try peek().kind
            if next != .dot && next != .lpar && next != .equal {
                return Pattern(.matchValue(value: a), range: extra(start))
            }
        }
        reset(m)
        return nil
    }

    /// attr: name_or_attr '.' NAME — left-recursive: a NAME followed by at least one `.NAME`.
    func attr() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        guard let e = try nameOrAttr(), case .attribute = e.kind else {
            reset(m)
            return nil
        }
        return e
    }

    /// name_or_attr: attr | NAME — a dotted name as nested Attribute nodes (Load).
    func nameOrAttr() throws -> Expr? {
        try enter(); defer { level -= 1 }
        guard let first = try nameToken() else { return nil }
        var e = Expr(.name(id: identifier(first), ctx: .load), range: SourceRange(start: first.start, end: first.end))
        while true {
            let m = mark()
            if try expect(.dot) != nil, let n = try nameToken() {
                e = Expr(.attribute(value: e, attr: identifier(n), ctx: .load), range: SourceRange(start: first.start, end: n.end))
            } else {
                reset(m)
                break
            }
        }
        return e
    }

    // MARK: - Groups and sequences

    /// group_pattern: '(' pattern ')'
    func groupPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.lpar) != nil, let p = try pattern(), try expect(.rpar) != nil { return p }
        reset(m)
        return nil
    }

    /// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
    func sequencePattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expect(.lsqb) != nil {
            let items = try maybeSequencePattern() ?? []
            if try expect(.rsqb) != nil { return Pattern(.matchSequence(patterns: items), range: extra(start)) }
        }
        reset(m)
        if try expect(.lpar) != nil {
            let items = try openSequencePattern() ?? []
            if try expect(.rpar) != nil { return Pattern(.matchSequence(patterns: items), range: extra(start)) }
        }
        reset(m)
        return nil
    }

    /// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
    func openSequencePattern() throws -> [Pattern]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let first = try maybeStarPattern(), try expect(.comma) != nil {
            return [first] + (try maybeSequencePattern() ?? [])
        }
        reset(m)
        return nil
    }

    /// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
    func maybeSequencePattern() throws -> [Pattern]? {
        try enter(); defer { level -= 1 }
        guard let first = try maybeStarPattern() else { return nil }
        var items = [first]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let p = try maybeStarPattern() { items.append(p) } else { reset(m); break }
        }
        _ = try expect(.comma)
        return items
    }

    /// maybe_star_pattern: star_pattern | pattern
    func maybeStarPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        if let p = try starPattern() { return p }
        return try pattern()
    }

    /// star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern
    func starPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let memo = stmtMemo.starPattern[m] {
            pos = memo.end
            return memo.value
        }
        var value: Pattern? = nil
        let start = try peek()
        if try expect(.star) != nil {
            if let t = try patternCaptureTarget() {
                value = Pattern(.matchStar(name: identifier(t)), range: extra(start))
            } else if try wildcardPattern() != nil {
                value = Pattern(.matchStar(name: nil), range: extra(start))
            }
        }
        if value == nil { reset(m) }
        stmtMemo.starPattern[m] = (value, pos)
        return value
    }

    // MARK: - Mappings

    /// mapping_pattern: '{' '}' | '{' double_star_pattern ','? '}'
    ///   | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}'
    func mappingPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        guard try expect(.lbrace) != nil else { return nil }
        let afterBrace = mark()
        if try expect(.rbrace) != nil {
            return Pattern(.matchMapping(keys: [], patterns: [], rest: nil), range: extra(start))
        }
        if let rest = try doubleStarPattern() {
            _ = try expect(.comma)
            if try expect(.rbrace) != nil {
                return Pattern(.matchMapping(keys: [], patterns: [], rest: identifier(rest)), range: extra(start))
            }
        }
        reset(afterBrace)
        if let items = try itemsPattern() {
            let afterItems = mark()
            if try expect(.comma) != nil, let rest = try doubleStarPattern() {
                _ = try expect(.comma)
                if try expect(.rbrace) != nil {
                    return Pattern(.matchMapping(keys: items.map(\.key), patterns: items.map(\.pattern),
                                                 rest: identifier(rest)), range: extra(start))
                }
            }
            reset(afterItems)
            _ = try expect(.comma)
            if try expect(.rbrace) != nil {
                return Pattern(.matchMapping(keys: items.map(\.key), patterns: items.map(\.pattern), rest: nil),
                               range: extra(start))
            }
        }
        reset(m)
        return nil
    }

    /// items_pattern: ','.key_value_pattern+
    func itemsPattern() throws -> [(key: Expr, pattern: Pattern)]? {
        try enter(); defer { level -= 1 }
        guard let first = try keyValuePattern() else { return nil }
        var items = [first]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let kv = try keyValuePattern() { items.append(kv) } else { reset(m); break }
        }
        return items
    }

    /// key_value_pattern: (literal_expr | attr) ':' pattern
    func keyValuePattern() throws -> (key: Expr, pattern: Pattern)? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let key = try literalExpr() ?? attr(), try expect(.colon) != nil, let p = try pattern() {
            return (key, p)
        }
        reset(m)
        return nil
    }

    /// double_star_pattern: '**' pattern_capture_target
    func doubleStarPattern() throws -> ParserToken? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.doublestar) != nil, let t = try patternCaptureTarget() { return t }
        reset(m)
        return nil
    }

    // MARK: - Classes

    /// class_pattern: name_or_attr '(' ')' | name_or_attr '(' positional_patterns ','? ')'
    ///   | name_or_attr '(' keyword_patterns ','? ')'
    ///   | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')' | invalid_class_pattern
    func classPattern() throws -> Pattern? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let cls = try nameOrAttr(), try expect(.lpar) != nil {
            let afterParen = mark()
            if try expect(.rpar) != nil {
                return Pattern(.matchClass(cls: cls, patterns: [], kwdAttrs: [], kwdPatterns: []), range: extra(start))
            }
            if let positional = try positionalPatterns() {
                _ = try expect(.comma)
                if try expect(.rpar) != nil {
                    return Pattern(.matchClass(cls: cls, patterns: positional, kwdAttrs: [], kwdPatterns: []),
                                   range: extra(start))
                }
            }
            reset(afterParen)
            if let keywords = try keywordPatterns() {
                _ = try expect(.comma)
                if try expect(.rpar) != nil {
                    return Pattern(.matchClass(cls: cls, patterns: [], kwdAttrs: keywords.map { identifier($0.name) },
                                               kwdPatterns: keywords.map(\.pattern)), range: extra(start))
                }
            }
            reset(afterParen)
            if let positional = try positionalPatterns(), try expect(.comma) != nil,
               let keywords = try keywordPatterns() {
                _ = try expect(.comma)
                if try expect(.rpar) != nil {
                    return Pattern(.matchClass(cls: cls, patterns: positional, kwdAttrs: keywords.map { identifier($0.name) },
                                               kwdPatterns: keywords.map(\.pattern)), range: extra(start))
                }
            }
        }
        reset(m)
        if callInvalidRules { try invalidClassPattern() }
        reset(m)
        return nil
    }

    /// positional_patterns: ','.pattern+
    func positionalPatterns() throws -> [Pattern]? {
        try enter(); defer { level -= 1 }
        guard let first = try pattern() else { return nil }
        var items = [first]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let p = try pattern() { items.append(p) } else { reset(m); break }
        }
        return items
    }

    /// keyword_patterns: ','.keyword_pattern+
    func keywordPatterns() throws -> [(name: ParserToken, pattern: Pattern)]? {
        try enter(); defer { level -= 1 }
        guard let first = try keywordPattern() else { return nil }
        var items = [first]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let kv = try keywordPattern() { items.append(kv) } else { reset(m); break }
        }
        return items
    }

    /// keyword_pattern: NAME '=' pattern
    func keywordPattern() throws -> (name: ParserToken, pattern: Pattern)? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let name = try nameToken(), try expect(.equal) != nil, let p = try pattern() { return (name, p) }
        reset(m)
        return nil
    }
}
