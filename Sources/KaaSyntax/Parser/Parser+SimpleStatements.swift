/// SIMPLE STATEMENTS of Grammar/python.gram: assignments, return/raise/global/nonlocal/del/yield/assert, imports.
extension Parser {
    // MARK: - Assignment

    /// assignment: annotated (simple name or not), chained `=`, augmented, invalid_assignment.
    func assignment() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        // a=NAME ':' b=expression c=['=' d=annotated_rhs]
        if let name = try nameToken(), try expect(.colon) != nil, let annotation = try expression() {
            let value = try assignedValue()
            let target = Expr(.name(id: identifier(name), ctx: .store), range: SourceRange(start: name.start, end: name.end))
            return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: 1), range: extra(start))
        }
        reset(m)
        // a=('(' b=single_target ')' | single_subscript_attribute_target) ':' b=expression c=['=' annotated_rhs]
        if let target = try helper({ try parenthesizedSingleTarget() ?? singleSubscriptAttributeTarget() }),
           try expect(.colon) != nil, let annotation = try expression() {
            let value = try assignedValue()
            return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: 0), range: extra(start))
        }
        reset(m)
        // a=(z=star_targets '=')+ b=(yield_expr | star_expressions) !'=' tc=[TYPE_COMMENT]
        var targets: [Expr] = []
        try helper {  // _loop1 of _tmp
            while true {
                let m2 = mark()
                if let t = try helper({ try starTargetsEqual() }) { targets.append(t) } else { reset(m2); break }
            }
        }
        if !targets.isEmpty, let value = try helper({ try yieldExpr() ?? starExpressions() }), try !check(.equal) {
            let tc = try expect(.typeComment)
            return Stmt(.assign(targets: targets, value: value, typeComment: tc.map { text($0) }), range: extra(start))
        }
        reset(m)
        // a=single_target b=augassign ~ c=(yield_expr | star_expressions)
        if let target = try singleTarget(), let op = try augassign() {
            if let value = try helper({ try yieldExpr() ?? starExpressions() }) {
                return Stmt(.augAssign(target: target, op: op, value: value), range: extra(start))
            }
            reset(m)
            return nil  // the cut: no later alternative
        }
        reset(m)
        if callInvalidRules { try invalidAssignment() }
        reset(m)
        return nil
    }

    /// z=star_targets '='
    private func starTargetsEqual() throws -> Expr? {
        let m = mark()
        if let t = try starTargets(), try expect(.equal) != nil { return t }
        reset(m)
        return nil
    }

    /// ['=' d=annotated_rhs]
    private func assignedValue() throws -> Expr? {
        try enter(); defer { level -= 1 }  // _tmp
        let m = mark()
        if try expect(.equal) != nil, let v = try annotatedRhs() { return v }
        reset(m)
        return nil
    }

    /// '(' b=single_target ')'
    private func parenthesizedSingleTarget() throws -> Expr? {
        let m = mark()
        if try expect(.lpar) != nil, let t = try singleTarget(), try expect(.rpar) != nil { return t }
        reset(m)
        return nil
    }

    /// annotated_rhs: yield_expr | star_expressions
    func annotatedRhs() throws -> Expr? {
        try enter(); defer { level -= 1 }
        if let e = try yieldExpr() { return e }
        return try starExpressions()
    }

    /// augassign: '+=' | '-=' | ... (CPython: _PyPegen_augoperator)
    func augassign() throws -> BinaryOperator? {
        try enter(); defer { level -= 1 }
        let op: BinaryOperator
        switch try peek().kind {
        case .plusequal: op = .add
        case .minequal: op = .sub
        case .starequal: op = .mult
        case .atequal: op = .matMult
        case .slashequal: op = .div
        case .percentequal: op = .mod
        case .amperequal: op = .bitAnd
        case .vbarequal: op = .bitOr
        case .circumflexequal: op = .bitXor
        case .leftshiftequal: op = .lShift
        case .rightshiftequal: op = .rShift
        case .doublestarequal: op = .pow
        case .doubleslashequal: op = .floorDiv
        default: return nil
        }
        pos += 1
        return op
    }

    // MARK: - Other simple statements

    /// return_stmt: 'return' [star_expressions]
    func returnStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard try expect(.kwReturn) != nil else { return nil }
        let value = try starExpressions()
        return Stmt(.return(value: value), range: extra(start))
    }

    /// raise_stmt: 'raise' expression ['from' expression] | 'raise'
    func raiseStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        guard try expect(.kwRaise) != nil else { return nil }
        if let exc = try expression() {
            var cause: Expr? = nil
            let m2 = mark()
            if try expect(.kwFrom) != nil, let c = try helper({ try expression() }) { cause = c } else { reset(m2) }
            return Stmt(.raise(exc: exc, cause: cause), range: extra(start))
        }
        reset(m)
        pos += 1
        return Stmt(.raise(exc: nil, cause: nil), range: extra(start))
    }

    /// ','.NAME+
    private func nameList() throws -> [String]? {
        guard let first = try nameToken() else { return nil }
        var names = [identifier(first)]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let n = try nameToken() { names.append(identifier(n)) } else { reset(m); break }
        }
        return names
    }

    /// global_stmt: 'global' ','.NAME+
    func globalStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expect(.kwGlobal) != nil, let names = try nameList() {
            return Stmt(.global(names: names), range: extra(start))
        }
        reset(m)
        return nil
    }

    /// nonlocal_stmt: 'nonlocal' ','.NAME+
    func nonlocalStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expect(.kwNonlocal) != nil, let names = try nameList() {
            return Stmt(.nonlocal(names: names), range: extra(start))
        }
        reset(m)
        return nil
    }

    /// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
    func delStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expect(.kwDel) != nil, let targets = try delTargets() {
            let next = try peek().kind
            if next == .semi || next == .newline { return Stmt(.delete(targets: targets), range: extra(start)) }
        }
        reset(m)
        if callInvalidRules { try invalidDelStmt() }
        reset(m)
        return nil
    }

    /// yield_stmt: yield_expr
    func yieldStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let y = try yieldExpr() else { return nil }
        return Stmt(.expr(value: y), range: extra(start))
    }

    /// assert_stmt: 'assert' expression [',' expression]
    func assertStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expect(.kwAssert) != nil, let test = try expression() {
            var msg: Expr? = nil
            let m2 = mark()
            if try expect(.comma) != nil, let e = try helper({ try expression() }) { msg = e } else { reset(m2) }
            return Stmt(.assert(test: test, msg: msg), range: extra(start))
        }
        reset(m)
        return nil
    }

    // MARK: - Imports

    /// import_stmt: import_name | import_from
    func importStmt() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        if let s = try importName() { return s }
        return try importFrom()
    }

    /// import_name: 'import' dotted_as_names
    func importName() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if try expect(.kwImport) != nil, let names = try dottedAsNames() {
            return Stmt(.import(names: names), range: extra(start))
        }
        reset(m)
        return nil
    }

    /// ('.' | '...')* counted (CPython: _PyPegen_seq_count_dots)
    private func importDots() throws -> Int {
        var level = 0
        while true {
            if try expect(.dot) != nil { level += 1 } else if try expect(.ellipsis) != nil { level += 3 } else { break }
        }
        return level
    }

    /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///   | 'from' ('.' | '...')+ 'import' import_from_targets
    func importFrom() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        guard try expect(.kwFrom) != nil else { return nil }
        let afterFrom = mark()
        let dots = try importDots()
        if let module = try dottedName(), try expect(.kwImport) != nil, let names = try importFromTargets() {
            return Stmt(.importFrom(module: module.name, names: names, level: dots), range: extra(start))
        }
        reset(afterFrom)
        let dots2 = try importDots()
        if dots2 > 0, try expect(.kwImport) != nil, let names = try importFromTargets() {
            return Stmt(.importFrom(module: nil, names: names, level: dots2), range: extra(start))
        }
        reset(m)
        return nil
    }

    /// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
    ///   | invalid_import_from_targets
    func importFromTargets() throws -> [Alias]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.lpar) != nil, let names = try importFromAsNames() {
            _ = try expect(.comma)
            if try expect(.rpar) != nil { return names }
        }
        reset(m)
        if let names = try importFromAsNames(), try !check(.comma) { return names }
        reset(m)
        let star = try peek()
        if try expect(.star) != nil {
            return [Alias(name: "*", asname: nil, range: extra(star))]
        }
        if callInvalidRules { try invalidImportFromTargets() }
        reset(m)
        return nil
    }

    /// import_from_as_names: ','.import_from_as_name+
    func importFromAsNames() throws -> [Alias]? {
        try enter(); defer { level -= 1 }
        guard let first = try importFromAsName() else { return nil }
        var out = [first]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let a = try importFromAsName() { out.append(a) } else { reset(m); break }
        }
        return out
    }

    /// ['as' z=NAME]
    private func asName() throws -> String? {
        let m = mark()
        if try expect(.kwAs) != nil, let n = try nameToken() { return identifier(n) }
        reset(m)
        return nil
    }

    /// import_from_as_name: NAME ['as' NAME]
    func importFromAsName() throws -> Alias? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let name = try nameToken() else { return nil }
        let asname = try asName()
        return Alias(name: identifier(name), asname: asname, range: extra(start))
    }

    /// dotted_as_names: ','.dotted_as_name+
    func dottedAsNames() throws -> [Alias]? {
        try enter(); defer { level -= 1 }
        guard let first = try dottedAsName() else { return nil }
        var out = [first]
        while true {
            let m = mark()
            if try expect(.comma) != nil, let a = try dottedAsName() { out.append(a) } else { reset(m); break }
        }
        return out
    }

    /// dotted_as_name: dotted_name ['as' NAME]
    func dottedAsName() throws -> Alias? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let dotted = try dottedName() else { return nil }
        let asname = try asName()
        return Alias(name: dotted.name, asname: asname, range: extra(start))
    }

    /// dotted_name: dotted_name '.' NAME | NAME — left-recursive, so a loop (CPython: _PyPegen_join_names_with_dot)
    func dottedName() throws -> (name: String, range: SourceRange)? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let first = try nameToken() else { return nil }
        var name = identifier(first)
        var end = first.end
        while true {
            let m = mark()
            if try expect(.dot) != nil, let n = try nameToken() {
                name += "." + identifier(n)
                end = n.end
            } else {
                reset(m)
                break
            }
        }
        return (name, SourceRange(start: start.start, end: end))
    }
}
