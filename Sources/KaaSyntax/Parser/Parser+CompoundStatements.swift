/// COMPOUND STATEMENTS of Grammar/python.gram: if/elif/else, while, for, with, try/except/except*/finally, match.
/// (Function and class definitions are in Parser+Functions.swift, patterns in Parser+Patterns.swift.)
extension Parser {
    // MARK: - If

    /// if_stmt: invalid_if_stmt | 'if' named_expression ':' block (elif_stmt | [else_block])
    func ifStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidIfStmt(); reset(m) }
        return try conditional(.kwIf)
    }

    /// elif_stmt: invalid_elif_stmt | 'elif' named_expression ':' block (elif_stmt | [else_block])
    func elifStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidElifStmt(); reset(m) }
        return try conditional(.kwElif)
    }

    /// The two alternatives shared by if_stmt and elif_stmt.
    private func conditional(_ keyword: TokenKind) throws -> Stmt? {
        let m = mark()
        let start = try peek()
        guard try expect(keyword) != nil, let test = try namedExpression(), try expect(.colon) != nil,
              let body = try block() else {
            reset(m)
            return nil
        }
        let afterBody = mark()
        if let elif = try elifStmt() {
            return Stmt(.if(test: test, body: body, orelse: [elif]), range: extra(start))
        }
        reset(afterBody)
        let orelse = try elseBlock() ?? []
        return Stmt(.if(test: test, body: body, orelse: orelse), range: extra(start))
    }

    /// else_block: invalid_else_stmt | 'else' &&':' block
    func elseBlock() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidElseStmt(); reset(m) }
        if try expect(.kwElse) != nil {
            _ = try expectForced(.colon, ":")
            if let b = try block() { return b }
        }
        reset(m)
        return nil
    }

    // MARK: - While

    /// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
    func whileStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidWhileStmt(); reset(m) }
        let start = try peek()
        if try expect(.kwWhile) != nil, let test = try namedExpression(), try expect(.colon) != nil,
           let body = try block() {
            let orelse = try elseBlock() ?? []
            return Stmt(.while(test: test, body: body, orelse: orelse), range: extra(start))
        }
        reset(m)
        return nil
    }

    // MARK: - For

    /// for_stmt: invalid_for_stmt | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block
    ///   [else_block] | invalid_for_target
    func forStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidForStmt(); reset(m) }
        let start = try peek()
        let isAsync = try expect(.async) != nil
        if try expect(.kwFor) != nil, let target = try starTargets(), try expect(.kwIn) != nil {
            // The cut: if the rest fails, for_stmt fails without trying invalid_for_target.
            if let iter = try starExpressions(), try expect(.colon) != nil {
                let tc = try expect(.typeComment)
                if let body = try block() {
                    let orelse = try elseBlock() ?? []
                    let kind: StmtKind = isAsync
                        ? .asyncFor(target: target, iter: iter, body: body, orelse: orelse, typeComment: tc.map { text($0) })
                        : .for(target: target, iter: iter, body: body, orelse: orelse, typeComment: tc.map { text($0) })
                    return Stmt(kind, range: extra(start))
                }
            }
            reset(m)
            return nil
        }
        reset(m)
        if isAsync {
            // The ASYNC alternative is separate in the grammar; the plain one was tried first with the same tokens.
        }
        if callInvalidRules { try invalidForTarget() }
        reset(m)
        return nil
    }

    // MARK: - With

    /// with_stmt: invalid_with_stmt_indent | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
    ///   | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block | invalid_with_stmt
    func withStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidWithStmtIndent(); reset(m) }
        let start = try peek()
        let isAsync = try expect(.async) != nil
        if try expect(.kwWith) != nil {
            let afterWith = mark()
            if try expect(.lpar) != nil, let items = try withItems() {
                _ = try expect(.comma)
                if try expect(.rpar) != nil, try expect(.colon) != nil, let body = try block() {
                    let kind: StmtKind = isAsync ? .asyncWith(items: items, body: body, typeComment: nil)
                        : .with(items: items, body: body, typeComment: nil)
                    return Stmt(kind, range: extra(start))
                }
            }
            reset(afterWith)
            if let items = try withItems(), try expect(.colon) != nil {
                let tc = try expect(.typeComment)
                if let body = try block() {
                    let kind: StmtKind = isAsync ? .asyncWith(items: items, body: body, typeComment: tc.map { text($0) })
                        : .with(items: items, body: body, typeComment: tc.map { text($0) })
                    return Stmt(kind, range: extra(start))
                }
            }
        }
        reset(m)
        if callInvalidRules { try invalidWithStmt() }
        reset(m)
        return nil
    }

    /// ','.with_item+
    private func withItems() throws -> [WithItem]? {
        try enter(); defer { level -= 1 }  // _gather
        guard let first = try withItem() else { return nil }
        var items = [first]
        try helper {  // _loop0
            while true {
                let m = mark()
                if try expect(.comma) != nil, let item = try withItem() { items.append(item) } else { reset(m); break }
            }
        }
        return items
    }

    /// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
    func withItem() throws -> WithItem? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let e = try expression(), try expect(.kwAs) != nil, let t = try starTarget() {
            let next = try peek().kind
            if next == .comma || next == .rpar || next == .colon { return WithItem(contextExpr: e, optionalVars: t) }
        }
        reset(m)
        if callInvalidRules { try invalidWithItem(); reset(m) }
        if let e = try expression() { return WithItem(contextExpr: e, optionalVars: nil) }
        reset(m)
        return nil
    }

    // MARK: - Try

    /// try_stmt: invalid_try_stmt | 'try' &&':' block finally_block
    ///   | 'try' &&':' block except_block+ [else_block] [finally_block]
    ///   | 'try' &&':' block except_star_block+ [else_block] [finally_block]
    func tryStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidTryStmt(); reset(m) }
        let start = try peek()
        guard try expect(.kwTry) != nil else { return nil }
        _ = try expectForced(.colon, ":")
        guard let body = try block() else { reset(m); return nil }
        let afterBody = mark()
        if let finalbody = try finallyBlock() {
            return Stmt(.try(body: body, handlers: [], orelse: [], finalbody: finalbody), range: extra(start))
        }
        reset(afterBody)
        var handlers: [ExceptHandler] = []
        try helper { while let h = try exceptBlock() { handlers.append(h) } }  // _loop1
        if !handlers.isEmpty {
            let orelse = try elseBlock() ?? []
            let finalbody = try finallyBlock() ?? []
            return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), range: extra(start))
        }
        reset(afterBody)
        try helper { while let h = try exceptStarBlock() { handlers.append(h) } }  // _loop1
        if !handlers.isEmpty {
            let orelse = try elseBlock() ?? []
            let finalbody = try finallyBlock() ?? []
            return Stmt(.tryStar(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody),
                        range: extra(start))
        }
        reset(m)
        return nil
    }

    /// except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block | 'except' ':' block
    ///   | invalid_except_stmt
    func exceptBlock() throws -> ExceptHandler? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidExceptStmtIndent(); reset(m) }
        let start = try peek()
        if try expect(.kwExcept) != nil {
            let afterExcept = mark()
            if let type = try expression() {
                let name = try exceptAsName()
                if try expect(.colon) != nil, let body = try block() {
                    return ExceptHandler(type: type, name: name, body: body, range: extra(start))
                }
            }
            reset(afterExcept)
            if try expect(.colon) != nil, let body = try block() {
                return ExceptHandler(type: nil, name: nil, body: body, range: extra(start))
            }
        }
        reset(m)
        if callInvalidRules { try invalidExceptStmt() }
        reset(m)
        return nil
    }

    /// except_star_block: invalid_except_star_stmt_indent | 'except' '*' expression ['as' NAME] ':' block
    ///   | invalid_except_stmt
    func exceptStarBlock() throws -> ExceptHandler? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidExceptStarStmtIndent(); reset(m) }
        let start = try peek()
        if try expect(.kwExcept) != nil, try expect(.star) != nil, let type = try expression() {
            let name = try exceptAsName()
            if try expect(.colon) != nil, let body = try block() {
                return ExceptHandler(type: type, name: name, body: body, range: extra(start))
            }
        }
        reset(m)
        if callInvalidRules { try invalidExceptStmt() }
        reset(m)
        return nil
    }

    /// ['as' z=NAME]
    func exceptAsName() throws -> String? {
        let m = mark()
        if try expect(.kwAs) != nil, let n = try nameToken() { return text(n) }
        reset(m)
        return nil
    }

    /// finally_block: invalid_finally_stmt | 'finally' &&':' block
    func finallyBlock() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidFinallyStmt(); reset(m) }
        if try expect(.kwFinally) != nil {
            _ = try expectForced(.colon, ":")
            if let b = try block() { return b }
        }
        reset(m)
        return nil
    }

    // MARK: - Match

    /// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt
    func matchStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expectSoftKeyword("match") != nil, let subject = try subjectExpr(), try expect(.colon) != nil,
           try expect(.newline) != nil, try expect(.indent) != nil {
            var cases: [MatchCase] = []
            try helper { while let c = try caseBlock() { cases.append(c) } }  // _loop1
            if !cases.isEmpty, try expect(.dedent) != nil {
                return Stmt(.match(subject: subject, cases: cases), range: extra(start))
            }
        }
        reset(m)
        if callInvalidRules { try invalidMatchStmt() }
        reset(m)
        return nil
    }

    /// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    func subjectExpr() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let value = try starNamedExpression(), try expect(.comma) != nil {
            let values = try starNamedExpressions() ?? []
            return Expr(.tuple(elts: [value] + values, ctx: .load), range: extra(start))
        }
        reset(m)
        return try namedExpression()
    }

    /// case_block: invalid_case_block | "case" patterns guard? ':' block
    func caseBlock() throws -> MatchCase? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidCaseBlock(); reset(m) }
        if try expectSoftKeyword("case") != nil, let pattern = try patterns() {
            let g = try guardClause()
            if try expect(.colon) != nil, let body = try block() {
                return MatchCase(pattern: pattern, guard: g, body: body)
            }
        }
        reset(m)
        return nil
    }

    /// guard: 'if' named_expression  (`guard` is a Swift keyword, hence the name)
    func guardClause() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.kwIf) != nil, let e = try namedExpression() { return e }
        reset(m)
        return nil
    }
}
