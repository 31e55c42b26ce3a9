/// Grammar/python.gram, the invalid_* rules of the expression half. They run only in the second pass
/// (`callInvalidRules`); each either throws CPython's specialised SyntaxError or matches nothing and leaves `pos`
/// unchanged (CPython's invalid rules never return a node).
extension Parser {
    // invalid_expression:
    //    | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid {
    //         check_legacy_stmt(a) ? NULL : p->tokens[p->mark-1]->level == 0 ? NULL :
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?") }
    //    | a=disjunction 'if' b=disjunction !('else'|':') {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "expected 'else' after 'if' expression") }
    func invalidExpression() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        var blocked = false
        let t0 = try peek()
        if t0.kind == .name {
            pos += 1
            if try check(.string) { blocked = true }
            reset(m)
            if !blocked, try softKeywordToken() != nil { blocked = true }
            reset(m)
        }
        if !blocked, let a = try disjunction(), let b = try expressionWithoutInvalid() {
            if !isLegacyStatementName(a), tokenLevel(pos - 1) != 0 {
                throw error("invalid syntax. Perhaps you forgot a comma?", from: a.range, to: b.range)
            }
        }
        reset(m)
        if let a = try disjunction(), try expect(.kwIf) != nil, let b = try disjunction() {
            let k = try peek().kind
            if k != .kwElse && k != .colon {
                throw error("expected 'else' after 'if' expression", from: a.range, to: b.range)
            }
        }
        reset(m)
    }

    // invalid_legacy_expression:
    //     | a=NAME !'(' b=star_expressions {
    //         check_legacy_stmt(a) ? RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b,
    //             "Missing parentheses in call to '%U'. Did you mean %U(...)?", a, a) : NULL }
    func invalidLegacyExpression() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        if let a = try nameExpression(), try !check(.lpar), let b = try starExpressions() {
            if isLegacyStatementName(a), case .name(let id, _) = a.kind {
                throw error("Missing parentheses in call to '\(id)'. Did you mean \(id)(...)?",
                            from: a.range, to: b.range)
            }
        }
        reset(m)
    }

    // invalid_named_expression (memo):
    //     | a=expression ':=' expression {
    //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use assignment expressions with %s", name(a)) }
    //     | a=NAME '=' b=bitwise_or !('='|':=') {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?") }
    //     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') {
    //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
    //                                           name(a)) }
    func invalidNamedExpression() throws {
        try enter(); defer { level -= 1 }
        // Memoized as a failure: once it matched nothing at a position it matches nothing there again.
        let m = pos
        if exprState.lookup(m, ExprMemoRule.invalidNamedExpression.rawValue) != nil { return }
        if let a = try expression(), try expect(.colonequal) != nil, try expression() != nil {
            throw error("cannot use assignment expressions with \(exprName(a))", at: a.range)
        }
        reset(m)
        if let a = try nameExpression(), try expect(.equal) != nil, let b = try bitwiseOr() {
            let k = try peek().kind
            if k != .equal && k != .colonequal {
                throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", from: a.range, to: b.range)
            }
        }
        reset(m)
        var excluded = false
        switch try peek().kind {
        case .kwTrue, .kwNone, .kwFalse:
            excluded = true
        case .lsqb:
            excluded = try lookahead { try list() }
        case .lpar:
            excluded = try lookahead { try tuple() }
            if !excluded { excluded = try lookahead { try genexp() } }
        default:
            break
        }
        if !excluded, let a = try bitwiseOr(), try expect(.equal) != nil, try bitwiseOr() != nil {
            let k = try peek().kind
            if k != .equal && k != .colonequal {
                throw error("cannot assign to \(exprName(a)) here. Maybe you meant '==' instead of '='?", at: a.range)
            }
        }
        reset(m)
        exprState.insertNone(m, ExprMemoRule.invalidNamedExpression.rawValue, end: m)
    }

    // invalid_group:
    //     | '(' a=starred_expression ')' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use starred expression here") }
    //     | '(' a='**' expression ')' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "cannot use double starred expression here") }
    func invalidGroup() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        guard try expect(.lpar) != nil else { return }
        if let a = try starredExpression(), try expect(.rpar) != nil {
            throw error("cannot use starred expression here", at: a.range)
        }
        reset(m)
        _ = try expect(.lpar)
        if let a = try expect(.doublestar), try expression() != nil, try expect(.rpar) != nil {
            throw error("cannot use double starred expression here", at: SourceRange(start: a.start, end: a.end))
        }
        reset(m)
    }

    // invalid_arguments:
    //     | a=args ',' '*' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "iterable argument unpacking follows keyword
    //         argument unpacking") }
    //     | a=expression b=for_if_clauses ',' [args | expression for_if_clauses] {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, last_comprehension_item(b[-1]), "Generator expression must be
    //         parenthesized") }
    //     | a=NAME b='=' expression for_if_clauses {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")}
    //     | a=args b=for_if_clauses { _PyPegen_nonparen_genexp_in_call(p, a, b) }
    //     | args ',' a=expression b=for_if_clauses {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, last_comprehension_item(b[-1]), "Generator expression must be
    //         parenthesized") }
    //     | a=args ',' args { _PyPegen_arguments_parsing_error(p, a) }
    func invalidArguments() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        // 3.11.7: ((','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ ',' kwargs)
        //          | kwargs) ',' a='*' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "iterable argument unpacking follows
        //          keyword argument unpacking") } — inferred from python3: 3.11.2's `a=args ',' '*'` also matched
        //          `f(x, *)`, which 3.11.7 reports as plain invalid syntax, and it pointed at the args.
        var withKwargs = false
        if try positionalArgument() != nil {
            while true {
                let m2 = pos
                guard try expect(.comma) != nil else { break }
                guard try positionalArgument() != nil else { reset(m2); break }
            }
            if try expect(.comma) != nil, try kwargs() != nil { withKwargs = true }
        }
        if !withKwargs {
            reset(m)
            withKwargs = try kwargs() != nil
        }
        if withKwargs, try expect(.comma) != nil, let star = try expect(.star) {
            throw error("iterable argument unpacking follows keyword argument unpacking",
                        at: SourceRange(start: star.start, end: star.end))
        }
        reset(m)
        if let a = try expression(), let b = try forIfClauses(), try expect(.comma) != nil {
            let m2 = pos
            if try args() == nil {
                reset(m2)
                if try expression() == nil || forIfClauses() == nil { reset(m2) }
            }
            throw error("Generator expression must be parenthesized", from: a.range,
                        to: lastComprehensionItem(b[b.count - 1]).range)
        }
        reset(m)
        if let a = try expect(.name), let b = try expect(.equal), try expression() != nil,
           try forIfClauses() != nil {
            throw error(.syntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        start: a.start, end: b.end)
        }
        reset(m)
        if let a = try args(), let b = try forIfClauses() {
            // CPython: _PyPegen_nonparen_genexp_in_call
            if a.args.count > 1 {
                throw error("Generator expression must be parenthesized", from: a.args[a.args.count - 1].range,
                            to: lastComprehensionItem(b[b.count - 1]).range)
            }
            // NULL without an error: the alternative fails and the next ones are tried.
        }
        reset(m)
        if try args() != nil, try expect(.comma) != nil, let a = try expression(), let b = try forIfClauses() {
            throw error("Generator expression must be parenthesized", from: a.range,
                        to: lastComprehensionItem(b[b.count - 1]).range)
        }
        reset(m)
        if let a = try args(), try expect(.comma) != nil, try args() != nil {
            // CPython: _PyPegen_arguments_parsing_error
            let unpacking = a.keywords.contains { $0.arg == nil }
            throw syntaxErrorAtLastToken(unpacking ? "positional argument follows keyword argument unpacking"
                                                   : "positional argument follows keyword argument")
        }
        reset(m)
    }

    // invalid_kwarg:
    //     | a[Token*]=('True'|'False'|'None') b='=' { RANGE(a, b, "cannot assign to %s", a) }
    //     | a=NAME b='=' expression for_if_clauses { RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' ...") }
    //     | !(NAME '=') a=expression b='=' { RANGE(a, b, "expression cannot contain assignment, perhaps you meant
    //         \"==\"?") }
    func invalidKwarg() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        if t.kind == .kwTrue || t.kind == .kwFalse || t.kind == .kwNone {
            pos += 1
            if let b = try expect(.equal) {
                throw error(.syntaxError, "cannot assign to \(text(t))", start: t.start, end: b.end)
            }
            reset(m)
        }
        if let a = try expect(.name), let b = try expect(.equal), try expression() != nil,
           try forIfClauses() != nil {
            throw error(.syntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        start: a.start, end: b.end)
        }
        reset(m)
        var nameEquals = false
        if try expect(.name) != nil, try check(.equal) { nameEquals = true }
        reset(m)
        if !nameEquals, let a = try expression(), let b = try expect(.equal) {
            throw error(.syntaxError, "expression cannot contain assignment, perhaps you meant \"==\"?",
                        start: a.range.start, end: b.end)
        }
        reset(m)
    }

    // invalid_comprehension:
    //     | ('[' | '(' | '{') a=starred_expression for_if_clauses {
    //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "iterable unpacking cannot be used in comprehension") }
    //     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b[-1], "did you forget parentheses around the comprehension target?") }
    //     | ('[' | '{') a=star_named_expression b=',' for_if_clauses {
    //         RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, "did you forget parentheses around the comprehension target?") }
    func invalidComprehension() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        let open = try peek().kind
        guard open == .lsqb || open == .lpar || open == .lbrace else { return }
        pos += 1
        if let a = try starredExpression(), try forIfClauses() != nil {
            throw error("iterable unpacking cannot be used in comprehension", at: a.range)
        }
        reset(m)
        guard open != .lpar else { return }
        pos += 1
        if let a = try starNamedExpression(), try expect(.comma) != nil, let b = try starNamedExpressions(),
           try forIfClauses() != nil {
            throw error("did you forget parentheses around the comprehension target?", from: a.range,
                        to: b[b.count - 1].range)
        }
        reset(m)
        pos += 1
        if let a = try starNamedExpression(), let b = try expect(.comma), try forIfClauses() != nil {
            throw error(.syntaxError, "did you forget parentheses around the comprehension target?",
                        start: a.range.start, end: b.end)
        }
        reset(m)
    }

    // invalid_dict_comprehension:
    //     | '{' a='**' bitwise_or for_if_clauses '}' {
    //         RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "dict unpacking cannot be used in dict comprehension") }
    func invalidDictComprehension() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        if try expect(.lbrace) != nil, let a = try expect(.doublestar), try bitwiseOr() != nil,
           try forIfClauses() != nil, try expect(.rbrace) != nil {
            throw error("dict unpacking cannot be used in dict comprehension", at: SourceRange(start: a.start, end: a.end))
        }
        reset(m)
    }

    // invalid_double_starred_kvpairs:
    //     | ','.double_starred_kvpair+ ',' invalid_kvpair
    //     | expression ':' a='*' bitwise_or { RAISE_SYNTAX_ERROR_STARTING_FROM(a, "cannot use a starred expression in a
    //         dictionary value") }
    //     | expression a=':' &('}'|',') { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expression expected after dictionary
    //         key and ':'") }
    func invalidDoubleStarredKvpairs() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        if try doubleStarredKvpair() != nil {
            while true {
                let m2 = pos
                guard try expect(.comma) != nil else { break }
                guard try doubleStarredKvpair() != nil else { reset(m2); break }
            }
            if try expect(.comma) != nil {
                try invalidKvpair()
            }
        }
        reset(m)
        try kvpairErrors()
        reset(m)
    }

    /// The two alternatives invalid_double_starred_kvpairs and invalid_kvpair share.
    private func kvpairErrors() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        if try expression() != nil, try expect(.colon) != nil, let a = try expect(.star), try bitwiseOr() != nil {
            throw syntaxErrorStartingFrom("cannot use a starred expression in a dictionary value", a.start)
        }
        reset(m)
        if try expression() != nil, let a = try expect(.colon) {
            let k = try peek().kind
            if k == .rbrace || k == .comma {
                throw error("expression expected after dictionary key and ':'", at: SourceRange(start: a.start, end: a.end))
            }
        }
        reset(m)
    }

    // invalid_kvpair:
    //     | a=expression !(':') {
    //         RAISE_ERROR_KNOWN_LOCATION(p, PyExc_SyntaxError, a->lineno, a->end_col_offset - 1, a->end_lineno, -1,
    //             "':' expected after dictionary key") }
    //     | expression ':' a='*' bitwise_or { RAISE_SYNTAX_ERROR_STARTING_FROM(a, "cannot use a starred ...") }
    //     | expression a=':' &('}'|',') { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expression expected after ...") }
    func invalidKvpair() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        if let a = try expression(), try !check(.colon) {
            var e = error(.syntaxError, "':' expected after dictionary key",
                          start: SourcePosition(line: a.range.lineno, column: a.range.endColOffset - 1))
            e.endLineno = a.range.endLineno
            e.endOffset = 0
            throw e
        }
        reset(m)
        try kvpairErrors()
        reset(m)
    }
}
