/// Grammar/python.gram, "ASSIGNMENT TARGETS": star_targets and friends, single_target, t_primary (a loop for its
/// left recursion), del_targets.
extension Parser {
    // star_targets:
    //     | a=star_target !',' { a }
    //     | a=star_target b=(',' c=star_target { c })* [','] { Tuple([a] + b, Store) }
    func starTargets() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let st = try startToken()
        guard let a = try starTarget() else { return nil }
        if try !check(.comma) { return a }
        var elts = [a]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let c = try starTarget() else { reset(m); break }
            elts.append(c)
        }
        _ = try expect(.comma)
        return Expr(.tuple(elts: elts, ctx: .store), range: extra(st))
    }

    // star_targets_list_seq: a=','.star_target+ [','] { a }
    func starTargetsListSeq() throws -> [Expr]? {
        try enter(); defer { level -= 1 }
        guard let first = try starTarget() else { return nil }
        var elts = [first]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let c = try starTarget() else { reset(m); break }
            elts.append(c)
        }
        _ = try expect(.comma)
        return elts
    }

    // star_targets_tuple_seq:
    //     | a=star_target b=(',' c=star_target { c })+ [','] { [a] + b }
    //     | a=star_target ',' { [a] }
    func starTargetsTupleSeq() throws -> [Expr]? {
        try enter(); defer { level -= 1 }
        let m0 = pos
        guard let a = try starTarget() else { return nil }
        var elts = [a]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let c = try starTarget() else { reset(m); break }
            elts.append(c)
        }
        if elts.count > 1 {
            _ = try expect(.comma)
            return elts
        }
        if try expect(.comma) != nil { return elts }
        reset(m0)
        return nil
    }

    // star_target (memo):
    //     | '*' a=(!'*' star_target) { Starred(set_expr_context(a, Store), Store) }
    //     | target_with_star_atom
    func starTarget() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try memoized(.starTarget) {
            let m = pos
            if let st = try expect(.star) {
                if try !check(.star) {
                    if let a = try starTarget() {
                        return Expr(.starred(value: setExprContext(a, .store), ctx: .store), range: extra(st))
                    }
                }
                reset(m)
            }
            return try targetWithStarAtom()
        }
    }

    // target_with_star_atom (memo):
    //     | a=t_primary '.' b=NAME !t_lookahead { Attribute(a, b, Store) }
    //     | a=t_primary '[' b=slices ']' !t_lookahead { Subscript(a, b, Store) }
    //     | star_atom
    func targetWithStarAtom() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try memoized(.targetWithStarAtom) {
            let m = pos
            if let e = try subscriptAttributeTarget(.store) { return e }
            reset(m)
            return try starAtom()
        }
    }

    /// The two `t_primary` alternatives shared by target_with_star_atom, single_subscript_attribute_target and
    /// del_target.
    func subscriptAttributeTarget(_ ctx: ExprContext) throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let st = try startToken()
        guard let a = try tPrimary() else { return nil }
        let m2 = pos
        if try expect(.dot) != nil, let b = try expect(.name), try !tLookahead() {
            return Expr(.attribute(value: a, attr: identifier(b), ctx: ctx), range: extra(st))
        }
        reset(m2)
        if try expect(.lsqb) != nil, let b = try slices(), try expect(.rsqb) != nil, try !tLookahead() {
            return Expr(.subscript(value: a, slice: b, ctx: ctx), range: extra(st))
        }
        reset(m)
        return nil
    }

    // star_atom:
    //     | a=NAME { set_expr_context(a, Store) }
    //     | '(' a=target_with_star_atom ')' { set_expr_context(a, Store) }
    //     | '(' a=[star_targets_tuple_seq] ')' { Tuple(a, Store) }
    //     | '[' a=[star_targets_list_seq] ']' { List(a, Store) }
    func starAtom() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        switch t.kind {
        case .name:
            pos += 1
            return Expr(.name(id: identifier(t), ctx: .store), range: SourceRange(start: t.start, end: t.end))
        case .lpar:
            pos += 1
            if let a = try targetWithStarAtom(), try expect(.rpar) != nil {
                return setExprContext(a, .store)
            }
            reset(m)
            pos += 1
            let a = try starTargetsTupleSeq()
            if try expect(.rpar) != nil {
                return Expr(.tuple(elts: a ?? [], ctx: .store), range: extra(t))
            }
            reset(m)
            return nil
        case .lsqb:
            pos += 1
            let a = try starTargetsListSeq()
            if try expect(.rsqb) != nil {
                return Expr(.list(elts: a ?? [], ctx: .store), range: extra(t))
            }
            reset(m)
            return nil
        default:
            return nil
        }
    }

    // single_target:
    //     | single_subscript_attribute_target
    //     | a=NAME { set_expr_context(a, Store) }
    //     | '(' a=single_target ')' { a }
    func singleTarget() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let e = try singleSubscriptAttributeTarget() { return e }
        reset(m)
        let t = try peek()
        if t.kind == .name {
            pos += 1
            return Expr(.name(id: identifier(t), ctx: .store), range: SourceRange(start: t.start, end: t.end))
        }
        if t.kind == .lpar {
            pos += 1
            if let a = try singleTarget(), try expect(.rpar) != nil { return a }
        }
        reset(m)
        return nil
    }

    // single_subscript_attribute_target:
    //     | a=t_primary '.' b=NAME !t_lookahead { Attribute(a, b, Store) }
    //     | a=t_primary '[' b=slices ']' !t_lookahead { Subscript(a, b, Store) }
    func singleSubscriptAttributeTarget() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try subscriptAttributeTarget(.store)
    }

    // t_primary:
    //     | a=t_primary '.' b=NAME &t_lookahead { Attribute(a, b, Load) }
    //     | a=t_primary '[' b=slices ']' &t_lookahead { Subscript(a, b, Load) }
    //     | a=t_primary b=genexp &t_lookahead { Call(a, [b]) }
    //     | a=t_primary '(' b=[arguments] ')' &t_lookahead { Call(a, b) }
    //     | a=atom &t_lookahead { a }
    func tPrimary() throws -> Expr? {
        try enter(); try enter(); defer { level -= 2 }
        return try memoized(.tPrimary) {
            let m = pos
            let st = try startToken()
            guard var a = try atom(), try tLookahead() else { reset(m); return nil }
            while let next = try tPrimaryTrailer(a, st) { a = next }
            return a
        }
    }

    /// One growth step of t_primary's left recursion.
    private func tPrimaryTrailer(_ a: Expr, _ st: ParserToken) throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if try expect(.dot) != nil, let b = try expect(.name), try tLookahead() {
            return Expr(.attribute(value: a, attr: identifier(b), ctx: .load), range: extra(st))
        }
        reset(m)
        if try expect(.lsqb) != nil, let b = try slices(), try expect(.rsqb) != nil, try tLookahead() {
            return Expr(.subscript(value: a, slice: b, ctx: .load), range: extra(st))
        }
        reset(m)
        if let b = try genexp(), try tLookahead() {
            return Expr(.call(func: a, args: [b], keywords: []), range: extra(st))
        }
        reset(m)
        if try expect(.lpar) != nil {
            let b = try arguments()
            if try expect(.rpar) != nil, try tLookahead() {
                return Expr(.call(func: a, args: b?.args ?? [], keywords: b?.keywords ?? []),
                            range: extra(st))
            }
        }
        reset(m)
        return nil
    }

    // t_lookahead: '(' | '[' | '.'
    @inline(__always) func tLookahead() throws -> Bool {
        let k = try peek().kind
        return k == .lpar || k == .lsqb || k == .dot
    }

    // del_targets: a=','.del_target+ [','] { a }
    func delTargets() throws -> [Expr]? {
        try enter(); defer { level -= 1 }
        guard let first = try delTarget() else { return nil }
        var elts = [first]
        while true {
            let m = pos
            guard try expect(.comma) != nil else { break }
            guard let c = try delTarget() else { reset(m); break }
            elts.append(c)
        }
        _ = try expect(.comma)
        return elts
    }

    // del_target (memo):
    //     | a=t_primary '.' b=NAME !t_lookahead { Attribute(a, b, Del) }
    //     | a=t_primary '[' b=slices ']' !t_lookahead { Subscript(a, b, Del) }
    //     | del_t_atom
    func delTarget() throws -> Expr? {
        try enter(); defer { level -= 1 }
        return try memoized(.delTarget) {
            let m = pos
            if let e = try subscriptAttributeTarget(.del) { return e }
            reset(m)
            return try delTAtom()
        }
    }

    // del_t_atom:
    //     | a=NAME { set_expr_context(a, Del) }
    //     | '(' a=del_target ')' { set_expr_context(a, Del) }
    //     | '(' a=[del_targets] ')' { Tuple(a, Del) }
    //     | '[' a=[del_targets] ']' { List(a, Del) }
    func delTAtom() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        let t = try peek()
        switch t.kind {
        case .name:
            pos += 1
            return Expr(.name(id: identifier(t), ctx: .del), range: SourceRange(start: t.start, end: t.end))
        case .lpar:
            pos += 1
            if let a = try delTarget(), try expect(.rpar) != nil {
                return setExprContext(a, .del)
            }
            reset(m)
            pos += 1
            let a = try delTargets()
            if try expect(.rpar) != nil {
                return Expr(.tuple(elts: a ?? [], ctx: .del), range: extra(t))
            }
            reset(m)
            return nil
        case .lsqb:
            pos += 1
            let a = try delTargets()
            if try expect(.rsqb) != nil {
                return Expr(.list(elts: a ?? [], ctx: .del), range: extra(t))
            }
            reset(m)
            return nil
        default:
            return nil
        }
    }
}
