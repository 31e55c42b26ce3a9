/// Grammar/python.gram, "EXPRESSIONS" through "Arithmetic operators": from `expressions` down to `power`.
/// Left-recursive rules (bitwise_or ... term) are loops; they read the same tokens and build the same nodes.
extension Parser {
    // expressions:
    //     | a=expression b=(',' c=expression { c })+ [','] { Tuple(...) }
    //     | a=expression ',' { Tuple([a]) }
    //     | expression
    func expressions() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let st = try startToken()
        guard let a = try expression() else { return nil }
        var elts: [Expr]? = nil
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let c = try expression() else { reset(m); break }
            if elts == nil { elts = [a] }
            elts!.append(c)
        }
        if let elts {
            _ = try expect(.comma)
            return Expr(.tuple(elts: elts, ctx: .load), range: extra(st))
        }
        if try expect(.comma) != nil {
            return Expr(.tuple(elts: [a], ctx: .load), range: extra(st))
        }
        return a
    }

    // expression (memo):
    //     | invalid_expression
    //     | invalid_legacy_expression
    //     | a=disjunction 'if' b=disjunction 'else' c=expression { IfExp(b, a, c) }
    //     | disjunction
    //     | lambdef
    func expression() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try memoized(.expression) {
            let m = pos
            let st = try startToken()
            if callInvalidRules {
                try invalidExpression()
                try invalidLegacyExpression()
            }
            if let a = try disjunction() {
                let m2 = pos
                if try expect(.kwIf) != nil, let b = try disjunction(), try expect(.kwElse) != nil,
                   let c = try expression() {
                    return Expr(.ifExp(test: b, body: a, orelse: c), range: extra(st))
                }
                reset(m2)
                return a
            }
            reset(m)
            if let l = try lambdef() { return l }
            reset(m)
            return nil
        }
    }

    /// expression_without_invalid: `expression` with the invalid_* rules off below it.
    func expressionWithoutInvalid() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let saved = callInvalidRules
        callInvalidRules = false
        defer { callInvalidRules = saved }
        let m = pos
        let st = try startToken()
        if let a = try disjunction() {
            let m2 = pos
            if try expect(.kwIf) != nil, let b = try disjunction(), try expect(.kwElse) != nil,
               let c = try expression() {
                return Expr(.ifExp(test: b, body: a, orelse: c), range: extra(st))
            }
            reset(m2)
            return a
        }
        reset(m)
        if let l = try lambdef() { return l }
        reset(m)
        return nil
    }

    // yield_expr:
    //     | 'yield' 'from' a=expression { YieldFrom(a) }
    //     | 'yield' a=[star_expressions] { Yield(a) }
    func yieldExpr() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.kwYield) else { return nil }
        if try expect(.kwFrom) != nil {
            if let a = try expression() {
                return Expr(.yieldFrom(value: a), range: extra(st))
            }
            reset(m)
            _ = try expect(.kwYield)
        }
        let a = try starExpressions()
        return Expr(.yield(value: a), range: extra(st))
    }

    // star_expressions:
    //     | a=star_expression b=(',' c=star_expression { c })+ [','] { Tuple(...) }
    //     | a=star_expression ',' { Tuple([a]) }
    //     | star_expression
    func starExpressions() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let st = try startToken()
        guard let a = try starExpression() else { return nil }
        var elts: [Expr]? = nil
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let c = try starExpression() else { reset(m); break }
            if elts == nil { elts = [a] }
            elts!.append(c)
        }
        if let elts {
            _ = try expect(.comma)
            return Expr(.tuple(elts: elts, ctx: .load), range: extra(st))
        }
        if try expect(.comma) != nil {
            return Expr(.tuple(elts: [a], ctx: .load), range: extra(st))
        }
        return a
    }

    // star_expression (memo):
    //     | '*' a=bitwise_or { Starred(a, Load) }
    //     | expression
    func starExpression() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.star) {
            if let a = try bitwiseOr() {
                return Expr(.starred(value: a, ctx: .load), range: extra(st))
            }
            reset(m)
        }
        return try expression()
    }

    // star_named_expressions: a=','.star_named_expression+ [','] { a }
    func starNamedExpressions() throws -> [Expr]? {
        // The rule, and CPython's generated _gather rule under it.
        try enter(); try enter(); defer { level -= 2 }
        guard let first = try starNamedExpression() else { return nil }
        var items = [first]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let e = try starNamedExpression() else { reset(m); break }
            items.append(e)
        }
        _ = try expect(.comma)
        return items
    }

    // star_named_expression:
    //     | '*' a=bitwise_or { Starred(a, Load) }
    //     | named_expression
    func starNamedExpression() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.star) {
            if let a = try bitwiseOr() {
                return Expr(.starred(value: a, ctx: .load), range: extra(st))
            }
            reset(m)
        }
        return try namedExpression()
    }

    // assignment_expression:
    //     | a=NAME ':=' ~ b=expression { NamedExpr(set_expr_context(a, Store), b) }
    func assignmentExpression() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        guard t.kind == .name else { return nil }
        pos += 1
        guard try expect(.colonequal) != nil else { reset(m); return nil }
        guard let b = try expression() else { reset(m); return nil }
        let target = Expr(.name(id: identifier(t), ctx: .store), range: SourceRange(start: t.start, end: t.end))
        return Expr(.namedExpr(target: target, value: b), range: extra(t))
    }

    // named_expression:
    //     | assignment_expression
    //     | invalid_named_expression
    //     | expression !':='
    func namedExpression() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let a = try assignmentExpression() { return a }
        reset(m)
        if callInvalidRules {
            try invalidNamedExpression()
        }
        if let e = try expression() {
            if try !check(.colonequal) { return e }
        }
        reset(m)
        return nil
    }

    /// `assignment_expression | expression !':='` — the argument form of args and genexp.
    func assignmentOrExpressionNotWalrus() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let a = try assignmentExpression() { return a }
        reset(m)
        if let e = try expression() {
            if try !check(.colonequal) { return e }
        }
        reset(m)
        return nil
    }

    // disjunction (memo):
    //     | a=conjunction b=('or' c=conjunction { c })+ { BoolOp(Or, [a] + b) }
    //     | conjunction
    func disjunction() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try memoized(.disjunction) {
            let st = try startToken()
            guard let a = try conjunction() else { return nil }
            var values: [Expr]? = nil
            while true {
        let m = pos
                guard try expect(.kwOr) != nil else { break }
                guard let c = try conjunction() else { reset(m); break }
                if values == nil { values = [a] }
                values!.append(c)
            }
            if let values { return Expr(.boolOp(op: .or, values: values), range: extra(st)) }
            return a
        }
    }

    // conjunction (memo):
    //     | a=inversion b=('and' c=inversion { c })+ { BoolOp(And, [a] + b) }
    //     | inversion
    func conjunction() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let st = try startToken()
        guard let a = try inversion() else { return nil }
        var values: [Expr]? = nil
        while true {
            let m = pos
            guard try expect(.kwAnd) != nil else { break }
            guard let c = try inversion() else { reset(m); break }
            if values == nil { values = [a] }
            values!.append(c)
        }
        if let values { return Expr(.boolOp(op: .and, values: values), range: extra(st)) }
        return a
    }

    // inversion (memo):
    //     | 'not' a=inversion { UnaryOp(Not, a) }
    //     | comparison
    func inversion() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.kwNot) {
                            if let a = try inversion() {
                return Expr(.unaryOp(op: .not, operand: a), range: extra(st))
            }
            reset(m)
        }
        return try comparison()
    }

    // comparison:
    //     | a=bitwise_or b=compare_op_bitwise_or_pair+ { Compare(a, ops, comparators) }
    //     | bitwise_or
    func comparison() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let st = try startToken()
        guard let a = try bitwiseOr() else { return nil }
        guard let (op0, e0) = try compareOpBitwiseOrPair() else { return a }
        var ops = [op0], comparators = [e0]
        while let (op, e) = try compareOpBitwiseOrPair() {
            ops.append(op)
            comparators.append(e)
        }
        return Expr(.compare(left: a, ops: ops, comparators: comparators), range: extra(st))
    }

    // compare_op_bitwise_or_pair: eq_bitwise_or | noteq_bitwise_or | lte_bitwise_or | lt_bitwise_or
    //     | gte_bitwise_or | gt_bitwise_or | notin_bitwise_or | in_bitwise_or | isnot_bitwise_or | is_bitwise_or
    func compareOpBitwiseOrPair() throws -> (CompareOperator, Expr)? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        let op: CompareOperator
        switch t.kind {
        case .eqequal: op = .eq
        case .notequal:
            // CPython: _PyPegen_check_barry_as_flufl — without the flufl future, `<>` is no operator.
            guard t.textLength == 2, lexer.textBytes(of: t)[0] == 0x21 else { return nil }
            op = .notEq
        case .lessequal: op = .ltE
        case .less: op = .lt
        case .greaterequal: op = .gtE
        case .greater: op = .gt
        case .kwIn: op = .in
        case .kwNot:
            pos += 1
            guard try expect(.kwIn) != nil else { reset(m); return nil }
            if let a = try bitwiseOr() { return (.notIn, a) }
            reset(m)
            return nil
        case .kwIs:
            pos += 1
            if try expect(.kwNot) != nil {
                if let a = try bitwiseOr() { return (.isNot, a) }
                reset(m)
                pos += 1
            }
            if let a = try bitwiseOr() { return (.is, a) }
            reset(m)
            return nil
        default:
            return nil
        }
        pos += 1
        if let a = try bitwiseOr() { return (op, a) }
        reset(m)
        return nil
    }

    // bitwise_or: a=bitwise_or '|' b=bitwise_xor { BinOp(a, BitOr, b) } | bitwise_xor
    func bitwiseOr() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        return try memoized(.bitwiseOr) {
            let st = try startToken()
            guard var a = try bitwiseXor() else { return nil }
            while true {
        let m = pos
                guard try expect(.vbar) != nil else { break }
                guard let b = try bitwiseXor() else { reset(m); break }
                a = Expr(.binOp(left: a, op: .bitOr, right: b), range: extra(st))
            }
            return a
        }
    }

    // bitwise_xor: a=bitwise_xor '^' b=bitwise_and { BinOp(a, BitXor, b) } | bitwise_and
    func bitwiseXor() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        let st = try startToken()
        guard var a = try bitwiseAnd() else { return nil }
        while true {
            let m = pos
            guard try expect(.circumflex) != nil else { break }
            guard let b = try bitwiseAnd() else { reset(m); break }
            a = Expr(.binOp(left: a, op: .bitXor, right: b), range: extra(st))
        }
        return a
    }

    // bitwise_and: a=bitwise_and '&' b=shift_expr { BinOp(a, BitAnd, b) } | shift_expr
    func bitwiseAnd() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        let st = try startToken()
        guard var a = try shiftExpr() else { return nil }
        while true {
            let m = pos
            guard try expect(.amper) != nil else { break }
            guard let b = try shiftExpr() else { reset(m); break }
            a = Expr(.binOp(left: a, op: .bitAnd, right: b), range: extra(st))
        }
        return a
    }

    // shift_expr: a=shift_expr '<<' b=sum | a=shift_expr '>>' b=sum | sum
    func shiftExpr() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        let st = try startToken()
        guard var a = try sum() else { return nil }
        while true {
            let m = pos
            let t = try peek()
            let op: BinaryOperator
            switch t.kind {
            case .leftshift: op = .lShift
            case .rightshift: op = .rShift
            default: return a
            }
            pos += 1
            guard let b = try sum() else { reset(m); return a }
            a = Expr(.binOp(left: a, op: op, right: b), range: extra(st))
        }
    }

    // sum: a=sum '+' b=term | a=sum '-' b=term | term
    func sum() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        let st = try startToken()
        guard var a = try term() else { return nil }
        while true {
            let m = pos
            let t = try peek()
            let op: BinaryOperator
            switch t.kind {
            case .plus: op = .add
            case .minus: op = .sub
            default: return a
            }
            pos += 1
            guard let b = try term() else { reset(m); return a }
            a = Expr(.binOp(left: a, op: op, right: b), range: extra(st))
        }
    }

    // term: a=term '*' b=factor | '/' | '//' | '%' | '@' | factor
    func term() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        let st = try startToken()
        guard var a = try factor() else { return nil }
        while true {
            let m = pos
            let t = try peek()
            let op: BinaryOperator
            switch t.kind {
            case .star: op = .mult
            case .slash: op = .div
            case .doubleslash: op = .floorDiv
            case .percent: op = .mod
            case .at: op = .matMult
            default: return a
            }
            pos += 1
            guard let b = try factor() else { reset(m); return a }
            a = Expr(.binOp(left: a, op: op, right: b), range: extra(st))
        }
    }

    // factor (memo): '+' a=factor { UnaryOp(UAdd) } | '-' a=factor { USub } | '~' a=factor { Invert } | power
    func factor() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        let op: UnaryOperator
        switch t.kind {
        case .plus: op = .uAdd
        case .minus: op = .uSub
        case .tilde: op = .invert
        default: return try power()
        }
        pos += 1
        if let a = try factor() {
            return Expr(.unaryOp(op: op, operand: a), range: extra(t))
        }
        reset(m)
        return try power()
    }

    // power: a=await_primary '**' b=factor { BinOp(a, Pow, b) } | await_primary
    func power() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let st = try startToken()
        guard let a = try awaitPrimary() else { return nil }
        let m = pos
        if try expect(.doublestar) != nil {
            if let b = try factor() {
                return Expr(.binOp(left: a, op: .pow, right: b), range: extra(st))
            }
            reset(m)
        }
        return a
    }
}
