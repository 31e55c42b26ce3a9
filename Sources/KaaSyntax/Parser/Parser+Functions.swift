/// Function and class definitions, decorators and function parameters of Grammar/python.gram, with the action
/// helpers that build `arguments` (CPython: Parser/action_helpers.c _PyPegen_make_arguments and friends).

/// CPython: NameDefaultPair — a parameter and its default (nil for a keyword-only parameter without one).
struct NameDefaultPair {
    var arg: Arg
    var value: Expr?
}

/// CPython: SlashWithDefault — the parameters before `/` when some have defaults.
struct SlashWithDefault {
    var plainNames: [Arg]
    var namesWithDefaults: [NameDefaultPair]
}

/// CPython: StarEtc — what follows `*` / `**` in a parameter list.
struct StarEtc {
    var vararg: Arg?
    var kwonlyargs: [NameDefaultPair]?
    var kwarg: Arg?
}

extension Parser {
    /// CPython: _PyPegen_make_arguments
    func makeArguments(slashWithoutDefault: [Arg]?, slashWithDefault: SlashWithDefault?, plainNames: [Arg]?,
                       namesWithDefault: [NameDefaultPair]?, starEtc: StarEtc?) -> Arguments {
        var posonlyargs: [Arg] = []
        if let s = slashWithoutDefault {
            posonlyargs = s
        } else if let s = slashWithDefault {
            posonlyargs = s.plainNames + s.namesWithDefaults.map(\.arg)
        }
        let posargs = (plainNames ?? []) + (namesWithDefault ?? []).map(\.arg)
        var posdefaults: [Expr] = []
        if let s = slashWithDefault { posdefaults += s.namesWithDefaults.compactMap(\.value) }
        if let n = namesWithDefault { posdefaults += n.compactMap(\.value) }
        let kwonly = starEtc?.kwonlyargs ?? []
        return Arguments(posonlyargs: posonlyargs, args: posargs, vararg: starEtc?.vararg,
                         kwonlyargs: kwonly.map(\.arg), kwDefaults: kwonly.map(\.value), kwarg: starEtc?.kwarg,
                         defaults: posdefaults)
    }

    /// CPython: _PyPegen_empty_arguments
    func emptyArguments() -> Arguments {
        Arguments(posonlyargs: [], args: [], vararg: nil, kwonlyargs: [], kwDefaults: [], kwarg: nil, defaults: [])
    }

    // MARK: - Decorators and classes

    /// decorators: ('@' named_expression NEWLINE)+
    func decorators() throws -> [Expr]? {
        try enter(); defer { level -= 1 }
        var out: [Expr] = []
        try helper {  // _loop1 of _tmp
            while true {
                let m = mark()
                if try expect(.at) != nil, let e = try helper({ try namedExpression() }), try expect(.newline) != nil {
                    out.append(e)
                } else {
                    reset(m)
                    break
                }
            }
        }
        return out.isEmpty ? nil : out
    }

    /// class_def: decorators class_def_raw | class_def_raw  (CPython: _PyPegen_class_def_decorators)
    func classDef() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let decorators = try decorators() {
            if var c = try classDefRaw() {
                if case .classDef(let name, let bases, let keywords, let body, _) = c.kind {
                    c.kind = .classDef(name: name, bases: bases, keywords: keywords, body: body,
                                       decoratorList: decorators)
                }
                return c
            }
            reset(m)
        }
        return try classDefRaw()
    }

    /// class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block
    func classDefRaw() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidClassDefRaw(); reset(m) }
        let start = try peek()
        if try expect(.kwClass) != nil, let name = try nameToken() {
            var bases: [Expr] = []
            var keywords: [Keyword] = []
            let m2 = mark()
            if try expect(.lpar) != nil {
                let call = try helper({ try arguments() })
                if try expect(.rpar) != nil {
                    if let call {
                        bases = call.args
                        keywords = call.keywords
                    }
                } else {
                    reset(m2)
                }
            }
            if try expect(.colon) != nil, let body = try block() {
                return Stmt(.classDef(name: identifier(name), bases: bases, keywords: keywords, body: body, decoratorList: []),
                            range: extra(start))
            }
        }
        reset(m)
        return nil
    }

    // MARK: - Functions

    /// function_def: decorators function_def_raw | function_def_raw  (CPython: _PyPegen_function_def_decorators)
    func functionDef() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let decorators = try decorators() {
            if var f = try functionDefRaw() {
                switch f.kind {
                case .functionDef(let name, let args, let body, _, let returns, let tc):
                    f.kind = .functionDef(name: name, args: args, body: body, decoratorList: decorators,
                                          returns: returns, typeComment: tc)
                case .asyncFunctionDef(let name, let args, let body, _, let returns, let tc):
                    f.kind = .asyncFunctionDef(name: name, args: args, body: body, decoratorList: decorators,
                                               returns: returns, typeComment: tc)
                default: break
                }
                return f
            }
            reset(m)
        }
        return try functionDefRaw()
    }

    /// function_def_raw: invalid_def_raw
    ///   | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
    func functionDefRaw() throws -> Stmt? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidDefRaw(); reset(m) }
        let start = try peek()
        let isAsync = try expect(.async) != nil
        if try expect(.kwDef) != nil, let name = try nameToken() {
            _ = try expectForced(.lpar, "(")
            let args = try params()
            if try expect(.rpar) != nil {
                var returns: Expr? = nil
                let m2 = mark()
                if try expect(.rarrow) != nil, let r = try helper({ try expression() }) { returns = r } else { reset(m2) }
                _ = try expectForced(.colon, ":")
                let tc = try funcTypeComment()
                if let body = try block() {
                    let a = args ?? emptyArguments()
                    let kind: StmtKind = isAsync
                        ? .asyncFunctionDef(name: identifier(name), args: a, body: body, decoratorList: [], returns: returns,
                                            typeComment: tc.map { text($0) })
                        : .functionDef(name: identifier(name), args: a, body: body, decoratorList: [], returns: returns,
                                       typeComment: tc.map { text($0) })
                    return Stmt(kind, range: extra(start))
                }
            }
        }
        reset(m)
        return nil
    }

    /// func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | invalid_double_type_comments | TYPE_COMMENT
    func funcTypeComment() throws -> ParserToken? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.newline) != nil, let t = try expect(.typeComment) {
            let m2 = mark()
            let ok = try expect(.newline) != nil && expect(.indent) != nil
            reset(m2)
            if ok { return t }
        }
        reset(m)
        if callInvalidRules { try invalidDoubleTypeComments(); reset(m) }
        return try expect(.typeComment)
    }

    // MARK: - Parameters

    /// params: invalid_parameters | parameters
    func params() throws -> Arguments? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidParameters(); reset(m) }
        return try parameters()
    }

    /// param_no_default*
    func paramNoDefaultStar() throws -> [Arg] {
        try enter(); defer { level -= 1 }  // _loop0
        var out: [Arg] = []
        while let a = try paramNoDefault() { out.append(a) }
        return out
    }

    /// param_with_default*
    func paramWithDefaultStar() throws -> [NameDefaultPair] {
        try enter(); defer { level -= 1 }  // _loop0
        var out: [NameDefaultPair] = []
        while let a = try paramWithDefault() { out.append(a) }
        return out
    }

    /// param_maybe_default*
    func paramMaybeDefaultStar() throws -> [NameDefaultPair] {
        try enter(); defer { level -= 1 }  // _loop0
        var out: [NameDefaultPair] = []
        while let a = try paramMaybeDefault() { out.append(a) }
        return out
    }

    /// parameters: slash_no_default param_no_default* param_with_default* [star_etc]
    ///   | slash_with_default param_with_default* [star_etc]
    ///   | param_no_default+ param_with_default* [star_etc]
    ///   | param_with_default+ [star_etc]
    ///   | star_etc
    func parameters() throws -> Arguments? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try slashNoDefault() {
            let b = try paramNoDefaultStar()
            let c = try paramWithDefaultStar()
            let d = try starEtc()
            return makeArguments(slashWithoutDefault: a, slashWithDefault: nil, plainNames: b, namesWithDefault: c,
                                 starEtc: d)
        }
        reset(m)
        if let a = try slashWithDefault() {
            let b = try paramWithDefaultStar()
            let c = try starEtc()
            return makeArguments(slashWithoutDefault: nil, slashWithDefault: a, plainNames: nil, namesWithDefault: b,
                                 starEtc: c)
        }
        reset(m)
        let a = try paramNoDefaultStar()
        if !a.isEmpty {
            let b = try paramWithDefaultStar()
            let c = try starEtc()
            return makeArguments(slashWithoutDefault: nil, slashWithDefault: nil, plainNames: a, namesWithDefault: b,
                                 starEtc: c)
        }
        reset(m)
        let w = try paramWithDefaultStar()
        if !w.isEmpty {
            let b = try starEtc()
            return makeArguments(slashWithoutDefault: nil, slashWithDefault: nil, plainNames: nil, namesWithDefault: w,
                                 starEtc: b)
        }
        reset(m)
        if let s = try starEtc() {
            return makeArguments(slashWithoutDefault: nil, slashWithDefault: nil, plainNames: nil, namesWithDefault: nil,
                                 starEtc: s)
        }
        reset(m)
        return nil
    }

    /// `'/' ','` or `'/' &')'`
    private func slashEnd() throws -> Bool {
        let m = mark()
        if try expect(.slash) != nil {
            if try expect(.comma) != nil { return true }
            if try check(.rpar) { return true }
        }
        reset(m)
        return false
    }

    /// slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
    func slashNoDefault() throws -> [Arg]? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let a = try paramNoDefaultStar()
        if !a.isEmpty, try slashEnd() { return a }
        reset(m)
        return nil
    }

    /// slash_with_default: param_no_default* param_with_default+ '/' ',' | ... '/' &')'
    func slashWithDefault() throws -> SlashWithDefault? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let a = try paramNoDefaultStar()
        let b = try paramWithDefaultStar()
        if !b.isEmpty, try slashEnd() { return SlashWithDefault(plainNames: a, namesWithDefaults: b) }
        reset(m)
        return nil
    }

    /// star_etc: invalid_star_etc | '*' param_no_default param_maybe_default* [kwds]
    ///   | '*' param_no_default_star_annotation param_maybe_default* [kwds]
    ///   | '*' ',' param_maybe_default+ [kwds] | kwds
    func starEtc() throws -> StarEtc? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidStarEtc(); reset(m) }
        if try expect(.star) != nil {
            let afterStar = mark()
            if let a = try paramNoDefault() ?? paramNoDefaultStarAnnotation() {
                let b = try paramMaybeDefaultStar()
                let c = try kwds()
                return StarEtc(vararg: a, kwonlyargs: b, kwarg: c)
            }
            reset(afterStar)
            if try expect(.comma) != nil {
                let b = try paramMaybeDefaultStar()
                if !b.isEmpty {
                    let c = try kwds()
                    return StarEtc(vararg: nil, kwonlyargs: b, kwarg: c)
                }
            }
        }
        reset(m)
        if let a = try kwds() { return StarEtc(vararg: nil, kwonlyargs: nil, kwarg: a) }
        reset(m)
        return nil
    }

    /// kwds: invalid_kwds | '**' param_no_default
    func kwds() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if callInvalidRules { try invalidKwds(); reset(m) }
        if try expect(.doublestar) != nil, let a = try paramNoDefault() { return a }
        reset(m)
        return nil
    }

    /// The tail shared by the param_* rules: `',' TYPE_COMMENT?` or `TYPE_COMMENT? &')'`; returns whether it matched
    /// and the type comment.
    private func paramEnd() throws -> (ok: Bool, typeComment: String?) {
        let m = mark()
        if try expect(.comma) != nil {
            let tc = try expect(.typeComment)
            return (true, tc.map { text($0) })
        }
        let tc = try expect(.typeComment)
        if try check(.rpar) { return (true, tc.map { text($0) }) }
        reset(m)
        return (false, nil)
    }

    /// CPython: _PyPegen_add_type_comment_to_arg
    private func withTypeComment(_ a: Arg, _ tc: String?) -> Arg {
        guard let tc else { return a }
        var a = a
        a.typeComment = tc
        return a
    }

    /// param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
    func paramNoDefault() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try param() {
            let end = try paramEnd()
            if end.ok { return withTypeComment(a, end.typeComment) }
        }
        reset(m)
        return nil
    }

    /// param_no_default_star_annotation: param_star_annotation ',' TYPE_COMMENT? | ... TYPE_COMMENT? &')'
    func paramNoDefaultStarAnnotation() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try paramStarAnnotation() {
            let end = try paramEnd()
            if end.ok { return withTypeComment(a, end.typeComment) }
        }
        reset(m)
        return nil
    }

    /// param_with_default: param default ',' TYPE_COMMENT? | param default TYPE_COMMENT? &')'
    func paramWithDefault() throws -> NameDefaultPair? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try param(), let d = try `default`() {
            let end = try paramEnd()
            if end.ok { return NameDefaultPair(arg: withTypeComment(a, end.typeComment), value: d) }
        }
        reset(m)
        return nil
    }

    /// param_maybe_default: param default? ',' TYPE_COMMENT? | param default? TYPE_COMMENT? &')'
    func paramMaybeDefault() throws -> NameDefaultPair? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if let a = try param() {
            let d = try `default`()
            let end = try paramEnd()
            if end.ok { return NameDefaultPair(arg: withTypeComment(a, end.typeComment), value: d) }
        }
        reset(m)
        return nil
    }

    /// param: NAME annotation?
    func param() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let start = try peek()
        guard let name = try nameToken() else { return nil }
        let annotation = try self.annotation()
        return Arg(arg: identifier(name), annotation: annotation, typeComment: nil, range: extra(start))
    }

    /// param_star_annotation: NAME star_annotation
    func paramStarAnnotation() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let m = mark()
        let start = try peek()
        if let name = try nameToken(), let annotation = try starAnnotation() {
            return Arg(arg: identifier(name), annotation: annotation, typeComment: nil, range: extra(start))
        }
        reset(m)
        return nil
    }

    /// annotation: ':' expression
    func annotation() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.colon) != nil, let e = try expression() { return e }
        reset(m)
        return nil
    }

    /// star_annotation: ':' star_expression
    func starAnnotation() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.colon) != nil, let e = try starExpression() { return e }
        reset(m)
        return nil
    }

    /// default: '=' expression | invalid_default
    func `default`() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = mark()
        if try expect(.equal) != nil, let e = try expression() { return e }
        reset(m)
        if callInvalidRules { try invalidDefault() }
        reset(m)
        return nil
    }
}
