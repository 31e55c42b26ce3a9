/// Grammar/python.gram, "FUNCTION CALL ARGUMENTS": arguments, args, kwargs, starred_expression, kwarg_or_starred,
/// kwarg_or_double_starred.
extension Parser {
    // arguments (memo):
    //     | a=args [','] &')' { a }
    //     | invalid_arguments
    func arguments() throws -> CallArguments? {
        let key = pos &<< 1 | (callInvalidRules ? 1 : 0)
        if let e = exprState.argumentsMemo[key] {
            pos = e.end
            return e.value
        }
        let m = pos
        var result: CallArguments? = nil
        if let a = try args() {
            _ = try expect(.comma)
            if try check(.rpar) { result = a }
        }
        if result == nil {
            reset(m)
            if callInvalidRules {
                try invalidArguments()
                reset(m)
            }
        }
        exprState.argumentsMemo[key] = (pos, result)
        return result
    }

    // args:
    //     | a=','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ b=[',' k=kwargs {k}]
    //         { _PyPegen_collect_call_seqs(p, a, b) }
    //     | a=kwargs { Call(dummy, starred of a, keywords of a) }
    func args() throws -> CallArguments? {
        let m = pos
        let st = try startToken()
        if let first = try positionalArgument() {
            var items = [first]
            while true {
                let m2 = pos
                guard try expect(.comma) != nil else { break }
                guard let e = try positionalArgument() else { reset(m2); break }
                items.append(e)
            }
            let m3 = pos
            var extra: [KeywordOrStarred]? = nil
            if try expect(.comma) != nil {
                extra = try kwargs()
                if extra == nil { reset(m3) }
            }
            // CPython: _PyPegen_collect_call_seqs — starred items of kwargs join the positional arguments.
            var keywords: [Keyword] = []
            if let extra {
                for item in extra {
                    switch item {
                    case .starred(let e): items.append(e)
                    case .keyword(let k): keywords.append(k)
                    }
                }
            }
            return CallArguments(args: items, keywords: keywords, range: range(from: st))
        }
        reset(m)
        if let a = try kwargs() {
            var starred: [Expr] = [], keywords: [Keyword] = []
            for item in a {
                switch item {
                case .starred(let e): starred.append(e)
                case .keyword(let k): keywords.append(k)
                }
            }
            return CallArguments(args: starred, keywords: keywords, range: range(from: st))
        }
        reset(m)
        return nil
    }

    /// `(starred_expression | ( assignment_expression | expression !':=') !'=')`
    func positionalArgument() throws -> Expr? {
        let m = pos
        if let s = try starredExpression() { return s }
        reset(m)
        if let e = try assignmentOrExpressionNotWalrus() {
            if try !check(.equal) { return e }
        }
        reset(m)
        return nil
    }

    // kwargs:
    //     | a=','.kwarg_or_starred+ ',' b=','.kwarg_or_double_starred+ { a + b }
    //     | ','.kwarg_or_starred+
    //     | ','.kwarg_or_double_starred+
    func kwargs() throws -> [KeywordOrStarred]? {
        let m = pos
        if let a = try gatherKwargs(starred: true) {
            let m2 = pos
            if try expect(.comma) != nil, let b = try gatherKwargs(starred: false) {
                return a + b
            }
            reset(m2)
            return a
        }
        reset(m)
        if let b = try gatherKwargs(starred: false) { return b }
        reset(m)
        return nil
    }

    /// `','.kwarg_or_starred+` (starred) or `','.kwarg_or_double_starred+`.
    func gatherKwargs(starred: Bool) throws -> [KeywordOrStarred]? {
        guard let first = try (starred ? kwargOrStarred() : kwargOrDoubleStarred()) else { return nil }
        var items = [first]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let e = try (starred ? kwargOrStarred() : kwargOrDoubleStarred()) else { reset(m); break }
            items.append(e)
        }
        return items
    }

    // starred_expression: '*' a=expression { Starred(a, Load) }
    func starredExpression() throws -> Expr? {
        let m = pos
        guard let st = try expect(.star) else { return nil }
        guard let a = try expression() else { reset(m); return nil }
        return Expr(.starred(value: a, ctx: .load), range: range(from: st))
    }

    // kwarg_or_starred:
    //     | invalid_kwarg
    //     | a=NAME '=' b=expression { keyword(a, b) }
    //     | a=starred_expression
    func kwargOrStarred() throws -> KeywordOrStarred? {
        let m = pos
        if callInvalidRules {
            try invalidKwarg()
            reset(m)
        }
        if let k = try nameEqualsExpression() { return .keyword(k) }
        reset(m)
        if let s = try starredExpression() { return .starred(s) }
        reset(m)
        return nil
    }

    // kwarg_or_double_starred:
    //     | invalid_kwarg
    //     | a=NAME '=' b=expression { keyword(a, b) }
    //     | '**' a=expression { keyword(NULL, a) }
    func kwargOrDoubleStarred() throws -> KeywordOrStarred? {
        let m = pos
        if callInvalidRules {
            try invalidKwarg()
            reset(m)
        }
        if let k = try nameEqualsExpression() { return .keyword(k) }
        reset(m)
        if let st = try expect(.doublestar) {
            if let a = try expression() {
                return .keyword(Keyword(arg: nil, value: a, range: range(from: st)))
            }
        }
        reset(m)
        return nil
    }

    /// `a=NAME '=' b=expression { keyword(a, b) }`
    func nameEqualsExpression() throws -> Keyword? {
        let m = pos
        let t = try peek()
        guard t.kind == .name else { return nil }
        pos += 1
        guard try expect(.equal) != nil, let b = try expression() else { reset(m); return nil }
        return Keyword(arg: identifier(t), value: b, range: range(from: t))
    }
}
