/// Grammar/python.gram, "FUNCTION CALL ARGUMENTS": arguments, args, kwargs, starred_expression, kwarg_or_starred,
/// kwarg_or_double_starred.
extension Parser {
    // arguments (memo):
    //     | a=args [','] &')' { a }
    //     | invalid_arguments
    /// The args and keywords (CPython returns them in a Call with a dummy function name, memoized as such).
    func arguments() throws -> CallArguments? {
        guard let call = try argumentsCall(), case .call(_, let args, let keywords) = call.kind else { return nil }
        return CallArguments(args: args, keywords: keywords, range: call.range)
    }

    private func argumentsCall() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try memoized(.arguments) {
            let m = pos
            if let a = try args() {
                _ = try expect(.comma)
                if try check(.rpar) {
                    // CPython: _PyPegen_dummy_name
                    return Expr(.call(func: Expr(.name(id: "", ctx: .load), range: a.range), args: a.args,
                                      keywords: a.keywords), range: a.range)
                }
            }
            reset(m)
            if callInvalidRules {
                try invalidArguments()
            }
            return nil
        }
    }

    // args:
    //     | a=','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ b=[',' k=kwargs {k}]
    //         { _PyPegen_collect_call_seqs(p, a, b) }
    //     | a=kwargs { Call(dummy, starred of a, keywords of a) }
    func args() throws -> CallArguments? {
        try enter(); defer { level -= 1 }
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
            var kw: [KeywordOrStarred]? = nil
            if try expect(.comma) != nil {
                kw = try kwargs()
                if kw == nil { reset(m3) }
            }
            // CPython: _PyPegen_collect_call_seqs — starred items of kwargs join the positional arguments.
            var keywords: [Keyword] = []
            if let kw {
                for item in kw {
                    switch item {
                    case .starred(let e): items.append(e)
                    case .keyword(let k): keywords.append(k)
                    }
                }
            }
            return CallArguments(args: items, keywords: keywords, range: extra(st))
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
            return CallArguments(args: starred, keywords: keywords, range: extra(st))
        }
        reset(m)
        return nil
    }

    /// `(starred_expression | ( assignment_expression | expression !':=') !'=')`
    func positionalArgument() throws -> Expr? {
        try enter(); defer { level -= 1 }
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
        try enter(); defer { level -= 1 }
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
        try enter(); defer { level -= 1 }
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
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.star) else { return nil }
        guard let a = try expression() else { reset(m); return nil }
        return Expr(.starred(value: a, ctx: .load), range: extra(st))
    }

    // kwarg_or_starred:
    //     | invalid_kwarg
    //     | a=NAME '=' b=expression { keyword(a, b) }
    //     | a=starred_expression
    func kwargOrStarred() throws -> KeywordOrStarred? {
        try enter(); defer { level -= 1 }
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
        try enter(); defer { level -= 1 }
        let m = pos
        if callInvalidRules {
            try invalidKwarg()
            reset(m)
        }
        if let k = try nameEqualsExpression() { return .keyword(k) }
        reset(m)
        if let st = try expect(.doublestar) {
            if let a = try expression() {
                return .keyword(Keyword(arg: nil, value: a, range: extra(st)))
            }
        }
        reset(m)
        return nil
    }

    /// `a=NAME '=' b=expression { keyword(a, b) }`
    func nameEqualsExpression() throws -> Keyword? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        guard t.kind == .name else { return nil }
        pos += 1
        guard try expect(.equal) != nil, let b = try expression() else { reset(m); return nil }
        return Keyword(arg: identifier(t), value: b, range: extra(t))
    }
}
