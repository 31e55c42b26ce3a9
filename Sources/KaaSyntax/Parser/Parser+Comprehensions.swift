/// Grammar/python.gram, "Comprehensions & Generators": for_if_clauses and the four comprehension displays.
extension Parser {
    // for_if_clauses: a=for_if_clause+ { a }
    func forIfClauses() throws -> [Comprehension]? {
        try enter(); defer { level -= 1 }
        guard let first = try forIfClause() else { return nil }
        var items = [first]
        while let c = try forIfClause() { items.append(c) }
        return items
    }

    // for_if_clause:
    //     | ASYNC 'for' a=star_targets 'in' ~ b=disjunction c=('if' z=disjunction { z })* { comprehension(a, b, c, 1) }
    //     | 'for' a=star_targets 'in' ~ b=disjunction c=('if' z=disjunction { z })* { comprehension(a, b, c, 0) }
    //     | invalid_for_target
    func forIfClause() throws -> Comprehension? {
        try enter(); defer { level -= 1 }
        let m = pos
        let isAsync = try expect(.async) != nil
        if try expect(.kwFor) != nil, let a = try starTargets(), try expect(.kwIn) != nil {
            // Cut: past 'in', a failure fails the whole rule.
            guard let b = try disjunction() else { reset(m); return nil }
            var ifs: [Expr] = []
            while true {
                let m2 = pos
                guard try expect(.kwIf) != nil else { break }
                guard let z = try disjunction() else { reset(m2); break }
                ifs.append(z)
            }
            return Comprehension(target: a, iter: b, ifs: ifs, isAsync: isAsync ? 1 : 0)
        }
        reset(m)
        if callInvalidRules {
            try invalidForTarget()
            reset(m)
        }
        return nil
    }

    // invalid_for_target: ASYNC? 'for' a=star_expressions { RAISE_SYNTAX_ERROR_INVALID_TARGET(FOR_TARGETS, a) }
    func invalidForTarget() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        _ = try expect(.async)
        if try expect(.kwFor) != nil, let a = try starExpressions() {
            try raiseInvalidTarget(.forTargets, a)
        }
        reset(m)
    }

    // listcomp: '[' a=named_expression b=for_if_clauses ']' { ListComp(a, b) } | invalid_comprehension
    func listcomp() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.lsqb), let a = try namedExpression(), let b = try forIfClauses(),
           try expect(.rsqb) != nil {
            return Expr(.listComp(elt: a, generators: b), range: extra(st))
        }
        reset(m)
        if callInvalidRules { try invalidComprehension(); reset(m) }
        return nil
    }

    // setcomp: '{' a=named_expression b=for_if_clauses '}' { SetComp(a, b) } | invalid_comprehension
    func setcomp() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.lbrace), let a = try namedExpression(), let b = try forIfClauses(),
           try expect(.rbrace) != nil {
            return Expr(.setComp(elt: a, generators: b), range: extra(st))
        }
        reset(m)
        if callInvalidRules { try invalidComprehension(); reset(m) }
        return nil
    }

    // genexp:
    //     | '(' a=( assignment_expression | expression !':=') b=for_if_clauses ')' { GeneratorExp(a, b) }
    //     | invalid_comprehension
    func genexp() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.lpar), let a = try assignmentOrExpressionNotWalrus(), let b = try forIfClauses(),
           try expect(.rpar) != nil {
            return Expr(.generatorExp(elt: a, generators: b), range: extra(st))
        }
        reset(m)
        if callInvalidRules { try invalidComprehension(); reset(m) }
        return nil
    }

    // dictcomp: '{' a=kvpair b=for_if_clauses '}' { DictComp(a.key, a.value, b) } | invalid_dict_comprehension
    func dictcomp() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.lbrace), let a = try kvpair(), let key = a.key, let b = try forIfClauses(),
           try expect(.rbrace) != nil {
            return Expr(.dictComp(key: key, value: a.value, generators: b), range: extra(st))
        }
        reset(m)
        if callInvalidRules { try invalidDictComprehension(); reset(m) }
        return nil
    }
}
