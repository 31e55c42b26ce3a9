/// Grammar/python.gram, "Primary elements": await_primary, primary (left-recursive, written as a loop), slices, slice.
extension Parser {
    // await_primary (memo):
    //     | AWAIT a=primary { Await(a) }
    //     | primary
    func awaitPrimary() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let st = try expect(.await) {
            if let a = try primary() {
                return Expr(.await(value: a), range: extra(st))
            }
            reset(m)
        }
        return try primary()
    }

    // primary:
    //     | a=primary '.' b=NAME { Attribute(a, b, Load) }
    //     | a=primary b=genexp { Call(a, [b], []) }
    //     | a=primary '(' b=[arguments] ')' { Call(a, b.args, b.keywords) }
    //     | a=primary '[' b=slices ']' { Subscript(a, b, Load) }
    //     | atom
    func primary() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        let st = try startToken()
        guard var a = try atom() else { return nil }
        while let next = try primaryTrailer(a, st) { a = next }
        return a
    }

    /// One growth step of `primary`'s left recursion: the first of its four recursive alternatives that matches
    /// after `a`, or nil (pos unchanged).
    func primaryTrailer(_ a: Expr, _ st: ParserToken) throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        switch t.kind {
        case .dot:
            pos += 1
            if let name = try expect(.name) {
                return Expr(.attribute(value: a, attr: identifier(name), ctx: .load), range: extra(st))
            }
            reset(m)
            return nil
        case .lpar:
            if let g = try genexp() {
                return Expr(.call(func: a, args: [g], keywords: []), range: extra(st))
            }
            reset(m)
            pos += 1
            let b = try arguments()
            if try expect(.rpar) != nil {
                return Expr(.call(func: a, args: b?.args ?? [], keywords: b?.keywords ?? []), range: extra(st))
            }
            reset(m)
            return nil
        case .lsqb:
            // `primary genexp` comes first: in the second pass genexp's invalid_comprehension also starts at '['.
            if callInvalidRules {
                if let g = try genexp() {
                    return Expr(.call(func: a, args: [g], keywords: []), range: extra(st))
                }
                reset(m)
            }
            pos += 1
            if let b = try slices(), try expect(.rsqb) != nil {
                return Expr(.subscript(value: a, slice: b, ctx: .load), range: extra(st))
            }
            reset(m)
            return nil
        case .lbrace:
            // genexp's invalid_comprehension (second pass) also starts at '{'.
            if callInvalidRules {
                if let g = try genexp() {
                    return Expr(.call(func: a, args: [g], keywords: []), range: extra(st))
                }
                reset(m)
            }
            return nil
        default:
            return nil
        }
    }

    // slices:
    //     | a=slice !',' { a }
    //     | a=','.(slice | starred_expression)+ [','] { Tuple(a, Load) }
    func slices() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let st = try startToken()
        if let a = try slice() {
            if try !check(.comma) { return a }
        }
        reset(m)
        guard let first = try sliceOrStarredExpression() else { return nil }
        var elts = [first]
        while true {
            let m2 = pos
            guard try expect(.comma) != nil else { break }
            guard let e = try sliceOrStarredExpression() else { reset(m2); break }
            elts.append(e)
        }
        _ = try expect(.comma)
        return Expr(.tuple(elts: elts, ctx: .load), range: extra(st))
    }

    func sliceOrStarredExpression() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let s = try slice() { return s }
        reset(m)
        return try starredExpression()
    }

    // slice:
    //     | a=[expression] ':' b=[expression] c=[':' d=[expression] { d }] { Slice(a, b, c) }
    //     | a=named_expression { a }
    func slice() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let st = try startToken()
        let a = try expression()
        if try expect(.colon) != nil {
            let b = try expression()
            var c: Expr? = nil
            if try expect(.colon) != nil { c = try expression() }
            return Expr(.slice(lower: a, upper: b, step: c), range: extra(st))
        }
        reset(m)
        return try namedExpression()
    }
}
