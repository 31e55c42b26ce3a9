/// Start rules and the general statement rules of Grammar/python.gram (STARTING RULES, GENERAL STATEMENTS, block).
extension Parser {
    // MARK: - Start rules

    /// file: [statements] ENDMARKER  (CPython: _PyPegen_make_module)
    func file() throws -> Mod? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let body = try statements() ?? []
        if try expect(.endmarker) != nil {
            return .module(body: body, typeIgnores: typeIgnores)
        }
        reset(m)
        return nil
    }

    /// interactive: statement_newline
    func interactive() throws -> Mod? {
        try enter(); defer { level -= 1 }
        guard let body = try statementNewline() else { return nil }
        return .interactive(body: body)
    }

    /// eval: expressions NEWLINE* ENDMARKER
    func eval() throws -> Mod? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let e = try expressions() {
            while try expect(.newline) != nil {}
            if try expect(.endmarker) != nil { return .expression(body: e) }
        }
        reset(m)
        return nil
    }

    /// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
    func funcType() throws -> Mod? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.lpar) != nil {
            let argtypes = try typeExpressions() ?? []
            if try expect(.rpar) != nil, try expect(.rarrow) != nil, let returns = try expression() {
                while try expect(.newline) != nil {}
                if try expect(.endmarker) != nil { return .functionType(argtypes: argtypes, returns: returns) }
            }
        }
        reset(m)
        return nil
    }

    /// type_expressions: the argument types of a `# type:` function signature; `*` and `**` are dropped.
    func typeExpressions() throws -> [Expr]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        // a=','.expression+ followed by the starred tails, or alone.
        if let first = try expression() {
            var items = [first]
            while true {
                let m2 = mark()
                if try expect(.comma) != nil, let e = try expression() { items.append(e) } else { reset(m2); break }
            }
            let afterList = mark()
            if try expect(.comma) != nil {
                if try expect(.star) != nil, let b = try expression() {
                    let m3 = mark()
                    if try expect(.comma) != nil, try expect(.doublestar) != nil, let c = try expression() {
                        return items + [b, c]
                    }
                    reset(m3)
                    return items + [b]
                }
                reset(afterList)
                if try expect(.comma) != nil, try expect(.doublestar) != nil, let b = try expression() {
                    return items + [b]
                }
            }
            reset(afterList)
            return items
        }
        reset(m)
        if try expect(.star) != nil, let a = try expression() {
            let m2 = mark()
            if try expect(.comma) != nil, try expect(.doublestar) != nil, let b = try expression() { return [a, b] }
            reset(m2)
            return [a]
        }
        reset(m)
        if try expect(.doublestar) != nil, let a = try expression() { return [a] }
        reset(m)
        return nil
    }

    // MARK: - General statements

    /// statements: statement+
    func statements() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        try enter(); defer { level -= 1 }  // the generated _loop1 helper
        var out: [Stmt] = []
        var any = false
        while let s = try statement() {
            out.append(contentsOf: s)
            any = true
        }
        return any ? out : nil
    }

    /// statement: compound_stmt | simple_stmts
    func statement() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        if let s = try compoundStmt() { return [s] }
        return try simpleStmts()
    }

    /// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
    func statementNewline() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let s = try compoundStmt() {
            if try expect(.newline) != nil { return [s] }
            reset(m)
        }
        if let s = try simpleStmts() { return s }
        let start = try peek()
        if try expect(.newline) != nil { return [Stmt(.pass, range: extra(start))] }
        // ENDMARKER: _PyPegen_interactive_exit fails the parse.
        return nil
    }

    /// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    /// Both alternatives start with the memoised simple_stmt; this parses it once.
    func simpleStmts() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        guard let first = try simpleStmt() else { return nil }
        if try !check(.semi), try expect(.newline) != nil { return [first] }
        var out = [first]
        while true {
            let m2 = mark()
            if try expect(.semi) != nil, let s = try simpleStmt() { out.append(s) } else { reset(m2); break }
        }
        _ = try expect(.semi)
        if try expect(.newline) != nil { return out }
        reset(m)
        return nil
    }

    /// simple_stmt: assignment | star_expressions | return | import | raise | pass | del | yield | assert | break
    ///   | continue | global | nonlocal
    func simpleStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let s = try assignment() { return s }
        reset(m)
        if let e = try starExpressions() { return Stmt(.expr(value: e), range: extra(start)) }
        reset(m)
        switch start.kind {
        case .kwReturn: return try returnStmt()
        case .kwImport, .kwFrom: return try importStmt()
        case .kwRaise: return try raiseStmt()
        case .kwPass: pos += 1; return Stmt(.pass, range: extra(start))
        case .kwDel: return try delStmt()
        case .kwYield: return try yieldStmt()
        case .kwAssert: return try assertStmt()
        case .kwBreak: pos += 1; return Stmt(.break, range: extra(start))
        case .kwContinue: pos += 1; return Stmt(.continue, range: extra(start))
        case .kwGlobal: return try globalStmt()
        case .kwNonlocal: return try nonlocalStmt()
        default: return nil
        }
    }

    /// compound_stmt: dispatched on the first token as the grammar's lookaheads do.
    func compoundStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let t = try peek()
        switch t.kind {
        case .kwDef, .at, .async:
            if let s = try functionDef() { return s }
        default: break
        }
        if t.kind == .kwIf, let s = try ifStmt() { return s }
        if t.kind == .kwClass || t.kind == .at, let s = try classDef() { return s }
        if t.kind == .kwWith || t.kind == .async, let s = try withStmt() { return s }
        if t.kind == .kwFor || t.kind == .async, let s = try forStmt() { return s }
        if t.kind == .kwTry, let s = try tryStmt() { return s }
        if t.kind == .kwWhile, let s = try whileStmt() { return s }
        return try matchStmt()
    }

    // MARK: - Block

    /// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
    func block() throws -> [Stmt]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let memo = stmtMemo.block[m] {
            pos = memo.end
            return memo.value
        }
        let value = try blockUncached()
        stmtMemo.block[m] = (value, pos)
        return value
    }

    private func blockUncached() throws -> [Stmt]? {
        let m = mark()
        if try expect(.newline) != nil, try expect(.indent) != nil, let body = try statements(),
           try expect(.dedent) != nil {
            return body
        }
        reset(m)
        if let s = try simpleStmts() { return s }
        reset(m)
        if callInvalidRules { try invalidBlock() }
        return nil
    }
}
