/// Grammar/python.gram, `atom`, `group` and the LITERALS section: list, tuple, set and dict displays.
extension Parser {
    // atom:
    //     | NAME
    //     | 'True' | 'False' | 'None'
    //     | &STRING strings
    //     | NUMBER
    //     | &'(' (tuple | group | genexp)
    //     | &'[' (list | listcomp)
    //     | &'{' (dict | set | dictcomp | setcomp)
    //     | '...'
    func atom() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        switch t.kind {
        case .name:
            pos += 1
            return Expr(.name(id: identifier(t), ctx: .load), range: SourceRange(start: t.start, end: t.end))
        case .kwTrue:
            pos += 1
            return Expr(.constant(value: .bool(true), kind: nil), range: SourceRange(start: t.start, end: t.end))
        case .kwFalse:
            pos += 1
            return Expr(.constant(value: .bool(false), kind: nil), range: SourceRange(start: t.start, end: t.end))
        case .kwNone:
            pos += 1
            return Expr(.constant(value: .none, kind: nil), range: SourceRange(start: t.start, end: t.end))
        case .string:
            return try strings()
        case .number:
            return try numberExpression()
        case .lpar:
            if let e = try tuple() { return e }
            reset(m)
            if let e = try group() { return e }
            reset(m)
            if let e = try genexp() { return e }
            reset(m)
            return nil
        case .lsqb:
            if let e = try list() { return e }
            reset(m)
            if let e = try listcomp() { return e }
            reset(m)
            return nil
        case .lbrace:
            if let e = try dict() { return e }
            reset(m)
            if let e = try set() { return e }
            reset(m)
            if let e = try dictcomp() { return e }
            reset(m)
            if let e = try setcomp() { return e }
            reset(m)
            return nil
        case .ellipsis:
            pos += 1
            return Expr(.constant(value: .ellipsis, kind: nil), range: SourceRange(start: t.start, end: t.end))
        default:
            return nil
        }
    }

    // group:
    //     | '(' a=(yield_expr | named_expression) ')' { a }
    //     | invalid_group
    func group() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if try expect(.lpar) != nil {
            let m2 = pos
            var a = try yieldExpr()
            if a == nil {
                reset(m2)
                a = try namedExpression()
            }
            if let a, try expect(.rpar) != nil { return a }
        }
        reset(m)
        if callInvalidRules {
            try invalidGroup()
            reset(m)
        }
        return nil
    }

    // list: '[' a=[star_named_expressions] ']' { List(a, Load) }
    func list() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.lsqb) else { return nil }
        let a = try starNamedExpressions()
        guard try expect(.rsqb) != nil else { reset(m); return nil }
        return Expr(.list(elts: a ?? [], ctx: .load), range: extra(st))
    }

    // tuple: '(' a=[y=star_named_expression ',' z=[star_named_expressions] { [y] + z } ] ')' { Tuple(a, Load) }
    func tuple() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.lpar) else { return nil }
        var elts: [Expr] = []
        let m2 = pos
        if let y = try starNamedExpression(), try expect(.comma) != nil {
            elts.append(y)
            if let z = try starNamedExpressions() { elts.append(contentsOf: z) }
        } else {
            reset(m2)
        }
        guard try expect(.rpar) != nil else { reset(m); return nil }
        return Expr(.tuple(elts: elts, ctx: .load), range: extra(st))
    }

    // set: '{' a=star_named_expressions '}' { Set(a) }
    func set() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.lbrace) else { return nil }
        guard let a = try starNamedExpressions(), try expect(.rbrace) != nil else { reset(m); return nil }
        return Expr(.set(elts: a), range: extra(st))
    }

    // dict:
    //     | '{' a=[double_starred_kvpairs] '}' { Dict(keys(a), values(a)) }
    //     | '{' invalid_double_starred_kvpairs '}'
    func dict() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.lbrace) else { return nil }
        let a = try doubleStarredKvpairs()
        if try expect(.rbrace) != nil {
            let pairs = a ?? []
            return Expr(.dict(keys: pairs.map(\.key), values: pairs.map(\.value)), range: extra(st))
        }
        reset(m)
        if callInvalidRules {
            _ = try expect(.lbrace)
            try invalidDoubleStarredKvpairs()
            reset(m)
        }
        return nil
    }

    // double_starred_kvpairs: a=','.double_starred_kvpair+ [','] { a }
    func doubleStarredKvpairs() throws -> [KeyValuePair]? {
        try enter(); defer { level -= 1 }
        guard let first = try doubleStarredKvpair() else { return nil }
        var items = [first]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let e = try doubleStarredKvpair() else { reset(m); break }
            items.append(e)
        }
        _ = try expect(.comma)
        return items
    }

    // double_starred_kvpair:
    //     | '**' a=bitwise_or { KeyValuePair(NULL, a) }
    //     | kvpair
    func doubleStarredKvpair() throws -> KeyValuePair? {
        try enter(); defer { level -= 1 }
        let m = pos
        if try expect(.doublestar) != nil {
            if let a = try bitwiseOr() { return KeyValuePair(key: nil, value: a) }
            reset(m)
        }
        return try kvpair()
    }

    // kvpair: a=expression ':' b=expression { KeyValuePair(a, b) }
    func kvpair() throws -> KeyValuePair? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let a = try expression(), try expect(.colon) != nil, let b = try expression() else {
            reset(m)
            return nil
        }
        return KeyValuePair(key: a, value: b)
    }
}
