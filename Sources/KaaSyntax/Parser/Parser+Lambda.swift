/// Grammar/python.gram, "Lambda functions": lambdef and the lambda_* parameter rules, with their invalid_* rules.
/// The helper types mirror CPython's SlashWithDefault / StarEtc / NameDefaultPair, kept private to this file so the
/// statement half (function `params`) can have its own.
private struct LambdaNameDefault {
    var arg: Arg
    var value: Expr?
}

private struct LambdaSlashWithDefault {
    var plainNames: [Arg]
    var namesWithDefaults: [LambdaNameDefault]
}

private struct LambdaStarEtc {
    var vararg: Arg?
    var kwonlyargs: [LambdaNameDefault]
    var kwarg: Arg?
}

extension Parser {
    // lambdef: 'lambda' a=[lambda_params] ':' b=expression { Lambda(a or empty arguments, b) }
    func lambdef() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let st = try expect(.kwLambda) else { return nil }
        let a = try lambdaParams()
        guard try expect(.colon) != nil, let b = try expression() else { reset(m); return nil }
        let args = a ?? Arguments(posonlyargs: [], args: [], vararg: nil, kwonlyargs: [], kwDefaults: [],
                                  kwarg: nil, defaults: [])
        return Expr(.lambda(args: args, body: b), range: extra(st))
    }

    // lambda_params: invalid_lambda_parameters | lambda_parameters
    func lambdaParams() throws -> Arguments? {
        try enter(); defer { level -= 1 }
        let m = pos
        if callInvalidRules {
            try invalidLambdaParameters()
            reset(m)
        }
        return try lambdaParameters()
    }

    // lambda_parameters:
    //     | a=lambda_slash_no_default b=lambda_param_no_default* c=lambda_param_with_default* d=[lambda_star_etc]
    //     | a=lambda_slash_with_default b=lambda_param_with_default* c=[lambda_star_etc]
    //     | a=lambda_param_no_default+ b=lambda_param_with_default* c=[lambda_star_etc]
    //     | a=lambda_param_with_default+ b=[lambda_star_etc]
    //     | a=lambda_star_etc
    func lambdaParameters() throws -> Arguments? {
        try enter(); defer { level -= 1 }
        let m = pos
        if let a = try lambdaSlashNoDefault() {
            let b = try lambdaParamNoDefaultStar()
            let c = try lambdaParamWithDefaultStar()
            let d = try lambdaStarEtc()
            return makeLambdaArguments(slashNoDefault: a, slashWithDefault: nil, plainNames: b, namesWithDefault: c,
                                       starEtc: d)
        }
        reset(m)
        if let a = try lambdaSlashWithDefault() {
            let b = try lambdaParamWithDefaultStar()
            let c = try lambdaStarEtc()
            return makeLambdaArguments(slashNoDefault: nil, slashWithDefault: a, plainNames: nil,
                                       namesWithDefault: b, starEtc: c)
        }
        reset(m)
        let a = try lambdaParamNoDefaultStar()
        if !a.isEmpty {
            let b = try lambdaParamWithDefaultStar()
            let c = try lambdaStarEtc()
            return makeLambdaArguments(slashNoDefault: nil, slashWithDefault: nil, plainNames: a,
                                       namesWithDefault: b, starEtc: c)
        }
        reset(m)
        let wd = try lambdaParamWithDefaultStar()
        if !wd.isEmpty {
            let b = try lambdaStarEtc()
            return makeLambdaArguments(slashNoDefault: nil, slashWithDefault: nil, plainNames: nil,
                                       namesWithDefault: wd, starEtc: b)
        }
        reset(m)
        if let a = try lambdaStarEtc() {
            return makeLambdaArguments(slashNoDefault: nil, slashWithDefault: nil, plainNames: nil,
                                       namesWithDefault: nil, starEtc: a)
        }
        reset(m)
        return nil
    }

    /// CPython: _PyPegen_make_arguments.
    private func makeLambdaArguments(slashNoDefault: [Arg]?, slashWithDefault: LambdaSlashWithDefault?,
                                     plainNames: [Arg]?, namesWithDefault: [LambdaNameDefault]?,
                                     starEtc: LambdaStarEtc?) -> Arguments {
        var posonly: [Arg] = []
        if let slashNoDefault {
            posonly = slashNoDefault
        } else if let s = slashWithDefault {
            posonly = s.plainNames + s.namesWithDefaults.map(\.arg)
        }
        let posargs = (plainNames ?? []) + (namesWithDefault ?? []).map(\.arg)
        var defaults: [Expr] = []
        if let s = slashWithDefault { defaults += s.namesWithDefaults.compactMap(\.value) }
        if let n = namesWithDefault { defaults += n.compactMap(\.value) }
        return Arguments(posonlyargs: posonly, args: posargs, vararg: starEtc?.vararg,
                         kwonlyargs: (starEtc?.kwonlyargs ?? []).map(\.arg),
                         kwDefaults: (starEtc?.kwonlyargs ?? []).map(\.value),
                         kwarg: starEtc?.kwarg, defaults: defaults)
    }

    /// `lambda_param_no_default*`
    private func lambdaParamNoDefaultStar() throws -> [Arg] {
        try enter(); defer { level -= 1 }
        var items: [Arg] = []
        while let a = try lambdaParamNoDefault() { items.append(a) }
        return items
    }

    /// `lambda_param_with_default*`
    private func lambdaParamWithDefaultStar() throws -> [LambdaNameDefault] {
        try enter(); defer { level -= 1 }
        var items: [LambdaNameDefault] = []
        while let a = try lambdaParamWithDefault() { items.append(a) }
        return items
    }

    /// `lambda_param_maybe_default*`
    private func lambdaParamMaybeDefaultStar() throws -> [LambdaNameDefault] {
        try enter(); defer { level -= 1 }
        var items: [LambdaNameDefault] = []
        while let a = try lambdaParamMaybeDefault() { items.append(a) }
        return items
    }

    // lambda_slash_no_default:
    //     | a=lambda_param_no_default+ '/' ',' { a }
    //     | a=lambda_param_no_default+ '/' &':' { a }
    private func lambdaSlashNoDefault() throws -> [Arg]? {
        try enter(); defer { level -= 1 }
        let m = pos
        let a = try lambdaParamNoDefaultStar()
        if !a.isEmpty, try expect(.slash) != nil {
            if try expect(.comma) != nil || check(.colon) { return a }
        }
        reset(m)
        return nil
    }

    // lambda_slash_with_default:
    //     | a=lambda_param_no_default* b=lambda_param_with_default+ '/' ',' { SlashWithDefault(a, b) }
    //     | a=lambda_param_no_default* b=lambda_param_with_default+ '/' &':' { SlashWithDefault(a, b) }
    private func lambdaSlashWithDefault() throws -> LambdaSlashWithDefault? {
        try enter(); defer { level -= 1 }
        let m = pos
        let a = try lambdaParamNoDefaultStar()
        let b = try lambdaParamWithDefaultStar()
        if !b.isEmpty, try expect(.slash) != nil {
            if try expect(.comma) != nil || check(.colon) {
                return LambdaSlashWithDefault(plainNames: a, namesWithDefaults: b)
            }
        }
        reset(m)
        return nil
    }

    // lambda_star_etc:
    //     | invalid_lambda_star_etc
    //     | '*' a=lambda_param_no_default b=lambda_param_maybe_default* c=[lambda_kwds] { StarEtc(a, b, c) }
    //     | '*' ',' b=lambda_param_maybe_default+ c=[lambda_kwds] { StarEtc(NULL, b, c) }
    //     | a=lambda_kwds { StarEtc(NULL, NULL, a) }
    private func lambdaStarEtc() throws -> LambdaStarEtc? {
        try enter(); defer { level -= 1 }
        let m = pos
        if callInvalidRules {
            try invalidLambdaStarEtc()
            reset(m)
        }
        if try expect(.star) != nil {
            if let a = try lambdaParamNoDefault() {
                let b = try lambdaParamMaybeDefaultStar()
                let c = try lambdaKwds()
                return LambdaStarEtc(vararg: a, kwonlyargs: b, kwarg: c)
            }
            reset(m)
            _ = try expect(.star)
            if try expect(.comma) != nil {
                let b = try lambdaParamMaybeDefaultStar()
                if !b.isEmpty {
                    let c = try lambdaKwds()
                    return LambdaStarEtc(vararg: nil, kwonlyargs: b, kwarg: c)
                }
            }
        }
        reset(m)
        if let a = try lambdaKwds() { return LambdaStarEtc(vararg: nil, kwonlyargs: [], kwarg: a) }
        reset(m)
        return nil
    }

    // lambda_kwds: invalid_lambda_kwds | '**' a=lambda_param_no_default { a }
    private func lambdaKwds() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let m = pos
        if callInvalidRules {
            try invalidLambdaKwds()
            reset(m)
        }
        if try expect(.doublestar) != nil, let a = try lambdaParamNoDefault() { return a }
        reset(m)
        return nil
    }

    // lambda_param_no_default: a=lambda_param ',' { a } | a=lambda_param &':' { a }
    private func lambdaParamNoDefault() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let a = try lambdaParam() else { return nil }
        if try expect(.comma) != nil || check(.colon) { return a }
        reset(m)
        return nil
    }

    // lambda_param_with_default: a=lambda_param c=default ',' | a=lambda_param c=default &':'
    private func lambdaParamWithDefault() throws -> LambdaNameDefault? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let a = try lambdaParam(), let c = try lambdaDefault() else { reset(m); return nil }
        if try expect(.comma) != nil || check(.colon) { return LambdaNameDefault(arg: a, value: c) }
        reset(m)
        return nil
    }

    // lambda_param_maybe_default: a=lambda_param c=default? ',' | a=lambda_param c=default? &':'
    private func lambdaParamMaybeDefault() throws -> LambdaNameDefault? {
        try enter(); defer { level -= 1 }
        let m = pos
        guard let a = try lambdaParam() else { return nil }
        let c = try lambdaDefault()
        if try expect(.comma) != nil || check(.colon) { return LambdaNameDefault(arg: a, value: c) }
        reset(m)
        return nil
    }

    // lambda_param: a=NAME { arg(a, NULL, NULL) }
    private func lambdaParam() throws -> Arg? {
        try enter(); defer { level -= 1 }
        let t = try peek()
        guard t.kind == .name else { return nil }
        pos += 1
        return Arg(arg: identifier(t), annotation: nil, typeComment: nil, range: SourceRange(start: t.start, end: t.end))
    }

    // default: '=' a=expression { a } | invalid_default
    // invalid_default: a='=' &(')'|',') { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "expected default value expression") }
    private func lambdaDefault() throws -> Expr? {
        try enter(); defer { level -= 1 }
        let m = pos
        if try expect(.equal) != nil, let a = try expression() { return a }
        reset(m)
        if callInvalidRules, let a = try expect(.equal) {
            let k = try peek().kind
            if k == .rpar || k == .comma {
                throw error("expected default value expression", at: SourceRange(start: a.start, end: a.end))
            }
            reset(m)
        }
        return nil
    }

    // MARK: - invalid rules

    // invalid_lambda_parameters:
    //     | lambda_param_no_default* invalid_lambda_parameters_helper a=lambda_param_no_default
    //     | lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')'
    //     | a="/" ','
    //     | (lambda_slash_no_default | lambda_slash_with_default) lambda_param_maybe_default* a='/'
    //     | (lambda_slash_no_default | lambda_slash_with_default)? lambda_param_maybe_default* '*'
    //           (',' | lambda_param_no_default) lambda_param_maybe_default* a='/'
    //     | lambda_param_maybe_default+ '/' a='*'
    func invalidLambdaParameters() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        _ = try lambdaParamNoDefaultStar()
        if try invalidLambdaParametersHelper(), let a = try lambdaParamNoDefault() {
            throw error("non-default argument follows default argument", at: a.range)
        }
        reset(m)
        _ = try lambdaParamNoDefaultStar()
        if let a = try expect(.lpar), try lambdaParam() != nil {
            while true {
                let m2 = pos
                guard try expect(.comma) != nil else { break }
                guard try lambdaParam() != nil else { reset(m2); break }
            }
            _ = try expect(.comma)
            if let b = try expect(.rpar) {
                throw error(.syntaxError, "Lambda expression parameters cannot be parenthesized", start: a.start,
                            end: b.end)
            }
        }
        reset(m)
        if let a = try expect(.slash), try expect(.comma) != nil {
            throw error("at least one argument must precede /", at: SourceRange(start: a.start, end: a.end))
        }
        reset(m)
        var hasSlash = false
        if try lambdaSlashNoDefault() != nil {
            hasSlash = true
        } else {
            reset(m)
            if try lambdaSlashWithDefault() != nil { hasSlash = true } else { reset(m) }
        }
        if hasSlash {
            _ = try lambdaParamMaybeDefaultStar()
            if let a = try expect(.slash) {
                throw error("/ may appear only once", at: SourceRange(start: a.start, end: a.end))
            }
        }
        reset(m)
        if try lambdaSlashNoDefault() == nil {
            reset(m)
            if try lambdaSlashWithDefault() == nil { reset(m) }
        }
        _ = try lambdaParamMaybeDefaultStar()
        if try expect(.star) != nil {
            var ok = try expect(.comma) != nil
            if !ok { ok = try lambdaParamNoDefault() != nil }
            if ok {
                _ = try lambdaParamMaybeDefaultStar()
                if let a = try expect(.slash) {
                    throw error("/ must be ahead of *", at: SourceRange(start: a.start, end: a.end))
                }
            }
        }
        reset(m)
        if try !lambdaParamMaybeDefaultStar().isEmpty, try expect(.slash) != nil, let a = try expect(.star) {
            throw error("expected comma between / and *", at: SourceRange(start: a.start, end: a.end))
        }
        reset(m)
    }

    // invalid_lambda_parameters_helper:
    //     | a=lambda_slash_with_default { [a] }
    //     | lambda_param_with_default+
    private func invalidLambdaParametersHelper() throws -> Bool {
        try enter(); defer { level -= 1 }
        let m = pos
        if try lambdaSlashWithDefault() != nil { return true }
        reset(m)
        if try !lambdaParamWithDefaultStar().isEmpty { return true }
        reset(m)
        return false
    }

    // invalid_lambda_star_etc:
    //     | '*' (':' | ',' (':' | '**')) { RAISE_SYNTAX_ERROR("named arguments must follow bare *") }
    //     | '*' lambda_param a='=' { "var-positional argument cannot have default value" }
    //     | '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*' (lambda_param_no_default | ',')
    //         { "* argument may appear only once" }
    private func invalidLambdaStarEtc() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        guard try expect(.star) != nil else { return }
        if try expect(.colon) != nil {
            throw syntaxErrorAtLastToken("named arguments must follow bare *")
        }
        if try expect(.comma) != nil {
            if try expect(.colon) != nil || expect(.doublestar) != nil {
                throw syntaxErrorAtLastToken("named arguments must follow bare *")
            }
        }
        reset(m)
        _ = try expect(.star)
        if try lambdaParam() != nil, let a = try expect(.equal) {
            throw error("var-positional argument cannot have default value", at: SourceRange(start: a.start, end: a.end))
        }
        reset(m)
        _ = try expect(.star)
        var ok = try lambdaParamNoDefault() != nil
        if !ok { ok = try expect(.comma) != nil }
        if ok {
            _ = try lambdaParamMaybeDefaultStar()
            if let a = try expect(.star) {
                var ok2 = try lambdaParamNoDefault() != nil
                if !ok2 { ok2 = try expect(.comma) != nil }
                if ok2 {
                    throw error("* argument may appear only once", at: SourceRange(start: a.start, end: a.end))
                }
            }
        }
        reset(m)
    }

    // invalid_lambda_kwds:
    //     | '**' lambda_param a='=' { "var-keyword argument cannot have default value" }
    //     | '**' lambda_param ',' a=lambda_param { "arguments cannot follow var-keyword argument" }
    //     | '**' lambda_param ',' a[Token*]=('*'|'**'|'/') { "arguments cannot follow var-keyword argument" }
    private func invalidLambdaKwds() throws {
        try enter(); defer { level -= 1 }
        let m = pos
        guard try expect(.doublestar) != nil, try lambdaParam() != nil else { reset(m); return }
        if let a = try expect(.equal) {
            throw error("var-keyword argument cannot have default value", at: SourceRange(start: a.start, end: a.end))
        }
        if try expect(.comma) != nil {
            if let a = try lambdaParam() {
                throw error("arguments cannot follow var-keyword argument", at: a.range)
            }
            let t = try peek()
            if t.kind == .star || t.kind == .doublestar || t.kind == .slash {
                pos += 1
                throw error("arguments cannot follow var-keyword argument", at: SourceRange(start: t.start, end: t.end))
            }
        }
        reset(m)
    }
}
