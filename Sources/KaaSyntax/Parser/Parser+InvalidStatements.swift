/// The invalid_* rules of the statement half of Grammar/python.gram: they run only in the second pass
/// (`callInvalidRules`) and throw CPython's specialised SyntaxError / IndentationError when they match.
///
/// As in CPython's generated code, an alternative whose action returns NULL without raising (e.g. an
/// INVALID_TARGET check that finds nothing) ends the rule: later alternatives are not tried. Each function returns
/// normally when nothing was raised; callers reset `pos`.
extension Parser {
    /// `NEWLINE !INDENT` (the tail of every "expected an indented block" alternative).
    private func newlineNotIndent() throws -> Bool {
        guard try expect(.newline) != nil else { return false }
        return try !check(.indent)
    }

    /// CPython: RAISE_INDENTATION_ERROR("expected an indented block after %s on line %d").
    private func indentError(_ what: String, line: Int) -> SyntaxErrorInfo {
        raiseError("expected an indented block after \(what) on line \(line)", kind: .indentationError)
    }

    // MARK: - Simple statements

    /// invalid_assignment
    func invalidAssignment() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        // a=invalid_ann_assign_target ':' expression
        if let a = try invalidAnnAssignTarget(), try expect(.colon) != nil, try expression() != nil {
            throw error("only single target (not \(exprName(a))) can be annotated", at: a.range)
        }
        reset(m)
        // a=star_named_expression ',' star_named_expressions* ':' expression
        if let a = try starNamedExpression(), try expect(.comma) != nil {
            while try starNamedExpressions() != nil {}
            if try expect(.colon) != nil, try expression() != nil {
                throw error("only single target (not tuple) can be annotated", at: a.range)
            }
        }
        reset(m)
        // a=expression ':' expression
        if let a = try expression(), try expect(.colon) != nil, try expression() != nil {
            throw error("illegal target for annotation", at: a.range)
        }
        reset(m)
        // (star_targets '=')* a=star_expressions '='
        try skipStarTargetsEquals()
        if let a = try starExpressions(), try expect(.equal) != nil {
            try raiseInvalidTarget(.starTargets, a)
            return
        }
        reset(m)
        // (star_targets '=')* a=yield_expr '='
        try skipStarTargetsEquals()
        if let a = try yieldExpr(), try expect(.equal) != nil {
            throw error("assignment to yield expression not possible", at: a.range)
        }
        reset(m)
        // a=star_expressions augassign (yield_expr | star_expressions)
        if let a = try starExpressions(), try augassign() != nil, try yieldExpr() ?? starExpressions() != nil {
            throw error("'\(exprName(a))' is an illegal expression for augmented assignment", at: a.range)
        }
        reset(m)
    }

    /// (star_targets '=')*
    private func skipStarTargetsEquals() throws {
        while true {
            let m = mark()
            if try starTargets() != nil, try expect(.equal) != nil { continue }
            reset(m)
            return
        }
    }

    /// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
    func invalidAnnAssignTarget() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let e = try list() { return e }
        reset(m)
        if let e = try tuple() { return e }
        reset(m)
        if try expect(.lpar) != nil, let e = try invalidAnnAssignTarget(), try expect(.rpar) != nil { return e }
        reset(m)
        return nil
    }

    /// invalid_del_stmt: 'del' star_expressions
    func invalidDelStmt() throws {
        try enter(); defer { level -= 1 }
        if try expect(.kwDel) != nil, let a = try starExpressions() {
            try raiseInvalidTarget(.delTargets, a)
        }
    }

    /// invalid_import_from_targets: import_from_as_names ',' NEWLINE
    func invalidImportFromTargets() throws {
        try enter(); defer { level -= 1 }
        if try importFromAsNames() != nil, try expect(.comma) != nil, try expect(.newline) != nil {
            throw raiseError("trailing comma not allowed without surrounding parentheses")
        }
    }

    // MARK: - Blocks

    /// invalid_block: NEWLINE !INDENT
    func invalidBlock() throws {
        try enter(); defer { level -= 1 }
        if try newlineNotIndent() { throw raiseError("expected an indented block", kind: .indentationError) }
    }

    // MARK: - If / while / for

    /// invalid_if_stmt: 'if' named_expression NEWLINE | 'if' named_expression ':' NEWLINE !INDENT
    func invalidIfStmt() throws {
        try enter(); defer { level -= 1 }
        try invalidConditional(.kwIf, "'if' statement", lineFromExpression: true)
    }

    /// invalid_elif_stmt: 'elif' named_expression NEWLINE | 'elif' named_expression ':' NEWLINE !INDENT
    func invalidElifStmt() throws {
        try enter(); defer { level -= 1 }
        try invalidConditional(.kwElif, "'elif' statement", lineFromExpression: false)
    }

    /// invalid_while_stmt: 'while' named_expression NEWLINE | 'while' named_expression ':' NEWLINE !INDENT
    func invalidWhileStmt() throws {
        try enter(); defer { level -= 1 }
        try invalidConditional(.kwWhile, "'while' statement", lineFromExpression: false)
    }

    /// The two alternatives of invalid_if/elif/while_stmt. In invalid_if_stmt CPython rebinds `a` to the
    /// condition, so its line is the condition's.
    private func invalidConditional(_ keyword: TokenKind, _ what: String, lineFromExpression: Bool) throws {
        let m = mark()
        if try expect(keyword) != nil, try namedExpression() != nil, try expect(.newline) != nil {
            throw raiseError("expected ':'")
        }
        reset(m)
        if let k = try expect(keyword), let e = try namedExpression(), try expect(.colon) != nil,
           try newlineNotIndent() {
            throw indentError(what, line: lineFromExpression ? e.range.lineno : k.start.line)
        }
        reset(m)
    }

    /// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
    func invalidElseStmt() throws {
        try enter(); defer { level -= 1 }
        if let a = try expect(.kwElse), try expect(.colon) != nil, try newlineNotIndent() {
            throw indentError("'else' statement", line: a.start.line)
        }
    }

    /// invalid_for_stmt: [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
    ///   | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
    func invalidForStmt() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        _ = try expect(.async)
        if try expect(.kwFor) != nil, try starTargets() != nil, try expect(.kwIn) != nil,
           try starExpressions() != nil, try expect(.newline) != nil {
            throw raiseError("expected ':'")
        }
        reset(m)
        _ = try expect(.async)
        if let a = try expect(.kwFor), try starTargets() != nil, try expect(.kwIn) != nil,
           try starExpressions() != nil, try expect(.colon) != nil, try newlineNotIndent() {
            throw indentError("'for' statement", line: a.start.line)
        }
        reset(m)
    }

    // MARK: - With

    /// ','.(expression ['as' star_target])+  or, parenthesized, ','.(expressions ['as' star_target])+
    private func skipWithItems(parenthesized: Bool) throws -> Bool {
        func item() throws -> Bool {
            guard try (parenthesized ? expressions() : expression()) != nil else { return false }
            let m = mark()
            if try expect(.kwAs) != nil, try starTarget() != nil { return true }
            reset(m)
            return true
        }
        guard try item() else { return false }
        while true {
            let m = mark()
            if try expect(.comma) != nil, try item() { continue }
            reset(m)
            return true
        }
    }

    /// invalid_with_stmt: [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
    ///   | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
    func invalidWithStmt() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        _ = try expect(.async)
        if try expect(.kwWith) != nil, try skipWithItems(parenthesized: false), try expect(.newline) != nil {
            throw raiseError("expected ':'")
        }
        reset(m)
        _ = try expect(.async)
        if try expect(.kwWith) != nil, try expect(.lpar) != nil, try skipWithItems(parenthesized: true) {
            _ = try expect(.comma)
            if try expect(.rpar) != nil, try expect(.newline) != nil { throw raiseError("expected ':'") }
        }
        reset(m)
    }

    /// invalid_with_stmt_indent: the same two forms followed by ':' NEWLINE !INDENT
    func invalidWithStmtIndent() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        _ = try expect(.async)
        if let a = try expect(.kwWith), try skipWithItems(parenthesized: false), try expect(.colon) != nil,
           try newlineNotIndent() {
            throw indentError("'with' statement", line: a.start.line)
        }
        reset(m)
        _ = try expect(.async)
        if let a = try expect(.kwWith), try expect(.lpar) != nil, try skipWithItems(parenthesized: true) {
            _ = try expect(.comma)
            if try expect(.rpar) != nil, try expect(.colon) != nil, try newlineNotIndent() {
                throw indentError("'with' statement", line: a.start.line)
            }
        }
        reset(m)
    }

    /// invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
    func invalidWithItem() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expression() != nil, try expect(.kwAs) != nil, let a = try expression() {
            let next = try peek().kind
            if next == .comma || next == .rpar || next == .colon {
                try raiseInvalidTarget(.starTargets, a)
                return
            }
        }
        reset(m)
    }

    // MARK: - Try

    /// invalid_try_stmt
    func invalidTryStmt() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        // a='try' ':' NEWLINE !INDENT
        if let a = try expect(.kwTry), try expect(.colon) != nil, try newlineNotIndent() {
            throw indentError("'try' statement", line: a.start.line)
        }
        reset(m)
        // 'try' ':' block !('except' | 'finally')
        if try expect(.kwTry) != nil, try expect(.colon) != nil, try block() != nil {
            let next = try peek().kind
            if next != .kwExcept && next != .kwFinally { throw raiseError("expected 'except' or 'finally' block") }
        }
        reset(m)
        // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
        if try expect(.kwTry) != nil, try expect(.colon) != nil {
            while try block() != nil {}
            var any = false
            while try exceptBlock() != nil { any = true }
            if any, let a = try expect(.kwExcept), let b = try expect(.star), try expression() != nil {
                _ = try exceptAsName()
                if try expect(.colon) != nil {
                    throw error("cannot have both 'except' and 'except*' on the same 'try'",
                                from: SourceRange(start: a.start, end: a.end), to: SourceRange(start: b.start, end: b.end))
                }
            }
        }
        reset(m)
        // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
        if try expect(.kwTry) != nil, try expect(.colon) != nil {
            while try block() != nil {}
            var any = false
            while try exceptStarBlock() != nil { any = true }
            if any, let a = try expect(.kwExcept) {
                let m2 = mark()
                if try expression() != nil { _ = try exceptAsName() } else { reset(m2) }
                if try expect(.colon) != nil {
                    throw errorAt(token: a, "cannot have both 'except' and 'except*' on the same 'try'")
                }
            }
        }
        reset(m)
    }

    /// invalid_except_stmt
    func invalidExceptStmt() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
        if try expect(.kwExcept) != nil {
            _ = try expect(.star)
            if let a = try expression(), try expect(.comma) != nil, try expressions() != nil {
                _ = try exceptAsName()
                if try expect(.colon) != nil {
                    throw errorStartingFrom(a.range, "multiple exception types must be parenthesized")
                }
            }
        }
        reset(m)
        // a='except' '*'? expression ['as' NAME ] NEWLINE
        if try expect(.kwExcept) != nil {
            _ = try expect(.star)
            if try expression() != nil {
                _ = try exceptAsName()
                if try expect(.newline) != nil { throw raiseError("expected ':'") }
            }
        }
        reset(m)
        // a='except' NEWLINE
        if try expect(.kwExcept) != nil, try expect(.newline) != nil { throw raiseError("expected ':'") }
        reset(m)
        // a='except' '*' (NEWLINE | ':')
        if try expect(.kwExcept) != nil, try expect(.star) != nil {
            if try expect(.newline) != nil || expect(.colon) != nil {
                throw raiseError("expected one or more exception types")
            }
        }
        reset(m)
    }

    /// invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
    func invalidFinallyStmt() throws {
        try enter(); defer { level -= 1 }
        if let a = try expect(.kwFinally), try expect(.colon) != nil, try newlineNotIndent() {
            throw indentError("'finally' statement", line: a.start.line)
        }
    }

    /// invalid_except_stmt_indent: 'except' expression ['as' NAME] ':' NEWLINE !INDENT
    ///   | 'except' ':' NEWLINE !INDENT
    func invalidExceptStmtIndent() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try expect(.kwExcept), try expression() != nil {
            _ = try exceptAsName()
            if try expect(.colon) != nil, try newlineNotIndent() {
                throw indentError("'except' statement", line: a.start.line)
            }
        }
        reset(m)
        if let a = try expect(.kwExcept), try expect(.colon) != nil, try newlineNotIndent() {
            throw indentError("'except' statement", line: a.start.line)
        }
        reset(m)
    }

    /// invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME] ':' NEWLINE !INDENT
    func invalidExceptStarStmtIndent() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try expect(.kwExcept), try expect(.star) != nil, try expression() != nil {
            _ = try exceptAsName()
            if try expect(.colon) != nil, try newlineNotIndent() {
                throw indentError("'except*' statement", line: a.start.line)
            }
        }
        reset(m)
    }

    // MARK: - Match

    /// invalid_match_stmt: "match" subject_expr NEWLINE | "match" subject_expr ':' NEWLINE !INDENT
    func invalidMatchStmt() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expectSoftKeyword("match") != nil, try subjectExpr() != nil, try expect(.newline) != nil {
            throw raiseError("expected ':'")
        }
        reset(m)
        if let a = try expectSoftKeyword("match"), try subjectExpr() != nil, try expect(.colon) != nil,
           try newlineNotIndent() {
            throw indentError("'match' statement", line: a.start.line)
        }
        reset(m)
    }

    /// invalid_case_block: "case" patterns guard? NEWLINE | "case" patterns guard? ':' NEWLINE !INDENT
    func invalidCaseBlock() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expectSoftKeyword("case") != nil, try patterns() != nil {
            _ = try guardClause()
            if try expect(.newline) != nil { throw raiseError("expected ':'") }
        }
        reset(m)
        if let a = try expectSoftKeyword("case"), try patterns() != nil {
            _ = try guardClause()
            if try expect(.colon) != nil, try newlineNotIndent() {
                throw indentError("'case' statement", line: a.start.line)
            }
        }
        reset(m)
    }

    /// invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression
    func invalidAsPattern() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try orPattern() != nil, try expect(.kwAs) != nil, let a = try expectSoftKeyword("_") {
            throw errorAt(token: a, "cannot use '_' as a target")
        }
        reset(m)
        if try orPattern() != nil, try expect(.kwAs) != nil, try !check(.name), let a = try expression() {
            throw error("invalid pattern target", at: a.range)
        }
        reset(m)
    }

    /// invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
    func invalidClassPattern() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try nameOrAttr() != nil, try expect(.lpar) != nil, let a = try invalidClassArgumentPattern(),
           let first = a.first, let last = a.last {
            throw error("positional patterns follow keyword patterns", from: first.range, to: last.range)
        }
        reset(m)
    }

    /// invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' positional_patterns
    func invalidClassArgumentPattern() throws -> [Pattern]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try positionalPatterns() == nil || expect(.comma) == nil { reset(m) }
        if try keywordPatterns() != nil, try expect(.comma) != nil, let a = try positionalPatterns() { return a }
        reset(m)
        return nil
    }

    // MARK: - Definitions

    /// invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
    func invalidDefRaw() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        _ = try expect(.async)
        if let a = try expect(.kwDef), try nameToken() != nil, try expect(.lpar) != nil {
            _ = try params()
            if try expect(.rpar) != nil {
                let m2 = mark()
                if try expect(.rarrow) == nil || expression() == nil { reset(m2) }
                if try expect(.colon) != nil, try newlineNotIndent() {
                    throw indentError("function definition", line: a.start.line)
                }
            }
        }
        reset(m)
    }

    /// `['(' [arguments] ')']` of invalid_class_def_raw.
    private func skipClassArguments() throws {
        let m = mark()
        if try expect(.lpar) != nil {
            _ = try arguments()
            if try expect(.rpar) != nil { return }
        }
        reset(m)
    }

    /// invalid_class_def_raw: 'class' NAME ['(' [arguments] ')'] NEWLINE
    ///   | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
    func invalidClassDefRaw() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.kwClass) != nil, try nameToken() != nil {
            try skipClassArguments()
            if try expect(.newline) != nil { throw raiseError("expected ':'") }
        }
        reset(m)
        if let a = try expect(.kwClass), try nameToken() != nil {
            try skipClassArguments()
            if try expect(.colon) != nil, try newlineNotIndent() {
                throw indentError("class definition", line: a.start.line)
            }
        }
        reset(m)
    }

    /// invalid_double_type_comments: TYPE_COMMENT NEWLINE TYPE_COMMENT NEWLINE INDENT
    func invalidDoubleTypeComments() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.typeComment) != nil, try expect(.newline) != nil, try expect(.typeComment) != nil,
           try expect(.newline) != nil, try expect(.indent) != nil {
            throw raiseError("Cannot have two type comments on def")
        }
        reset(m)
    }

    // MARK: - Parameters

    /// invalid_parameters
    func invalidParameters() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        // param_no_default* invalid_parameters_helper a=param_no_default
        _ = try paramNoDefaultStar()
        if try invalidParametersHelper(), let a = try paramNoDefault() {
            throw error("non-default argument follows default argument", at: a.range)
        }
        reset(m)
        // param_no_default* a='(' param_no_default+ ','? b=')'
        _ = try paramNoDefaultStar()
        if let a = try expect(.lpar), !(try paramNoDefaultStar()).isEmpty {
            _ = try expect(.comma)
            if let b = try expect(.rpar) {
                throw error("Function parameters cannot be parenthesized", from: SourceRange(start: a.start, end: a.end),
                            to: SourceRange(start: b.start, end: b.end))
            }
        }
        reset(m)
        // a="/" ','
        if let a = try expect(.slash), try expect(.comma) != nil {
            throw errorAt(token: a, "at least one argument must precede /")
        }
        reset(m)
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        if try slashNoDefault() != nil || slashWithDefault() != nil {
            _ = try paramMaybeDefaultStar()
            if let a = try expect(.slash) { throw errorAt(token: a, "/ may appear only once") }
        }
        reset(m)
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* a='/'
        if try slashNoDefault() == nil { _ = try slashWithDefault() }
        _ = try paramMaybeDefaultStar()
        if try expect(.star) != nil, try expect(.comma) != nil || paramNoDefault() != nil {
            _ = try paramMaybeDefaultStar()
            if let a = try expect(.slash) { throw errorAt(token: a, "/ must be ahead of *") }
        }
        reset(m)
        // param_maybe_default+ '/' a='*'
        if !(try paramMaybeDefaultStar()).isEmpty, try expect(.slash) != nil, let a = try expect(.star) {
            throw errorAt(token: a, "expected comma between / and *")
        }
        reset(m)
    }

    /// invalid_parameters_helper: slash_with_default | param_with_default+
    func invalidParametersHelper() throws -> Bool {
        try enter(); defer { level -= 1 }
        if try slashWithDefault() != nil { return true }
        return !(try paramWithDefaultStar()).isEmpty
    }

    /// invalid_default: '=' &(')'|',')
    func invalidDefault() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try expect(.equal) {
            let next = try peek().kind
            if next == .rpar || next == .comma { throw errorAt(token: a, "expected default value expression") }
        }
        reset(m)
    }

    /// invalid_star_etc
    func invalidStarEtc() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        // a='*' (')' | ',' (')' | '**'))
        if let a = try expect(.star) {
            if try expect(.rpar) != nil { throw errorAt(token: a, "named arguments must follow bare *") }
            if try expect(.comma) != nil, try expect(.rpar) != nil || expect(.doublestar) != nil {
                throw errorAt(token: a, "named arguments must follow bare *")
            }
        }
        reset(m)
        // '*' ',' TYPE_COMMENT
        if try expect(.star) != nil, try expect(.comma) != nil, try expect(.typeComment) != nil {
            throw raiseError("bare * has associated type comment")
        }
        reset(m)
        // '*' param a='='
        if try expect(.star) != nil, try param() != nil, let a = try expect(.equal) {
            throw errorAt(token: a, "var-positional argument cannot have default value")
        }
        reset(m)
        // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
        if try expect(.star) != nil, try paramNoDefault() != nil || expect(.comma) != nil {
            _ = try paramMaybeDefaultStar()
            if let a = try expect(.star), try paramNoDefault() != nil || expect(.comma) != nil {
                throw errorAt(token: a, "* argument may appear only once")
            }
        }
        reset(m)
    }

    /// invalid_kwds
    func invalidKwds() throws {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.doublestar) != nil, try param() != nil {
            if let a = try expect(.equal) { throw errorAt(token: a, "var-keyword argument cannot have default value") }
            if try expect(.comma) != nil {
                let afterComma = mark()
                if let a = try param() { throw error("arguments cannot follow var-keyword argument", at: a.range) }
                reset(afterComma)
                let t = try peek()
                if t.kind == .star || t.kind == .doublestar || t.kind == .slash {
                    throw errorAt(token: t, "arguments cannot follow var-keyword argument")
                }
            }
        }
        reset(m)
    }
}
