import KaaCore
import KaaSyntax

/// The checks compile() makes on a tree built from `_ast` objects before compiling it: CPython 3.11's
/// Python/ast.c (_PyAST_Validate), in its order and with its messages. Returns false with the exception set.
func validateAST(_ mod: Mod) -> Bool {
    var v = ASTValidator()
    do {
        switch mod {
        case .module(let body, _), .interactive(let body): try v.stmts(body)
        case .expression(let body): try v.expr(body, .load)
        case .functionType(let argtypes, let returns):
            try v.exprs(argtypes, .load)
            try v.expr(returns, .load)
        }
        return true
    } catch {
        return false
    }
}

private struct ASTValidator {
    func fail(_ t: TypePtr, _ message: String) -> ASTObjectError {
        raise(t, message)
        return ASTObjectError()
    }

    /// CPython: VALIDATE_POSITIONS
    func positions(_ r: SourceRange) throws {
        if r.lineno > r.endLineno {
            throw fail(valueErrorType, "AST node line range (\(r.lineno), \(r.endLineno)) is not valid")
        }
        if (r.lineno < 0 && r.endLineno != r.lineno) || (r.colOffset < 0 && r.colOffset != r.endColOffset) {
            throw fail(valueErrorType, "AST node column range (\(r.colOffset), \(r.endColOffset)) for line range "
                       + "(\(r.lineno), \(r.endLineno)) is not valid")
        }
        if r.lineno == r.endLineno && r.colOffset > r.endColOffset {
            throw fail(valueErrorType, "line \(r.lineno), column \(r.colOffset)-\(r.endColOffset) is not a valid range")
        }
    }

    func name(_ id: String) throws {
        for forbidden in ["None", "True", "False"] where id == forbidden {
            throw fail(valueErrorType, "identifier field can't represent '\(forbidden)' constant")
        }
    }

    static func isNoneMarker(_ e: Expr) -> Bool {
        if case .constant(.str(let s), _) = e.kind, s.codePoints.first == noneMark { return true }
        return false
    }

    func comprehension(_ gens: [Comprehension]) throws {
        if gens.isEmpty { throw fail(valueErrorType, "comprehension with no generators") }
        for g in gens {
            try expr(g.target, .store)
            try expr(g.iter, .load)
            try exprs(g.ifs, .load)
        }
    }

    func keywords(_ kws: [Keyword]) throws {
        for k in kws { try expr(k.value, .load) }
    }

    func args(_ args: [Arg]) throws {
        for a in args {
            try positions(a.range)
            if let ann = a.annotation { try expr(ann, .load) }
        }
    }

    func arguments(_ a: Arguments) throws {
        try args(a.posonlyargs)
        try args(a.args)
        if let ann = a.vararg?.annotation { try expr(ann, .load) }
        try args(a.kwonlyargs)
        if let ann = a.kwarg?.annotation { try expr(ann, .load) }
        if a.defaults.count > a.posonlyargs.count + a.args.count {
            throw fail(valueErrorType, "more positional defaults than args on arguments")
        }
        if a.kwDefaults.count != a.kwonlyargs.count {
            throw fail(valueErrorType, "length of kwonlyargs is not the same as kw_defaults on arguments")
        }
        try exprs(a.defaults, .load)
        for d in a.kwDefaults { if let d { try expr(d, .load) } }
    }

    func constant(_ c: ConstantValue) throws {
        if case .str(let s) = c, s.codePoints.first == invalidConstantMark, s.codePoints.count == 2 {
            let i = Int(s.codePoints[1])
            let n = i < ASTFromObject.invalidConstants.count ? ASTFromObject.invalidConstants[i] : "object"
            throw fail(typeErrorType, "got an invalid type in Constant: \(n)")
        }
    }

    static func contextName(_ c: ExprContext) -> String { c.rawValue }

    func expr(_ e: Expr, _ ctx: ExprContext) throws {
        if ASTValidator.isNoneMarker(e) { throw fail(valueErrorType, "None disallowed in expression list") }
        try positions(e.range)
        var actual: ExprContext? = nil
        switch e.kind {
        case .attribute(_, _, let c), .subscript(_, _, let c), .starred(_, let c), .list(_, let c), .tuple(_, let c):
            actual = c
        case .name(let id, let c):
            try name(id)
            actual = c
        default:
            if ctx != .load {
                throw fail(valueErrorType, "expression which can't be assigned to in \(ASTValidator.contextName(ctx)) context")
            }
        }
        if let actual, actual != ctx {
            throw fail(valueErrorType, "expression must have \(ASTValidator.contextName(ctx)) context but has "
                       + "\(ASTValidator.contextName(actual)) instead")
        }
        switch e.kind {
        case .boolOp(_, let values):
            if values.count < 2 { throw fail(valueErrorType, "BoolOp with less than 2 values") }
            try exprs(values, .load)
        case .binOp(let l, _, let r):
            try expr(l, .load); try expr(r, .load)
        case .unaryOp(_, let operand):
            try expr(operand, .load)
        case .lambda(let a, let body):
            try arguments(a); try expr(body, .load)
        case .ifExp(let t, let b, let o):
            try expr(t, .load); try expr(b, .load); try expr(o, .load)
        case .dict(let keys, let values):
            if keys.count != values.count {
                throw fail(valueErrorType, "Dict doesn't have the same number of keys as values")
            }
            for k in keys { if let k { try expr(k, .load) } }
            try exprs(values, .load)
        case .set(let elts):
            try exprs(elts, .load)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            try comprehension(gens); try expr(elt, .load)
        case .dictComp(let k, let v, let gens):
            try comprehension(gens); try expr(k, .load); try expr(v, .load)
        case .yield(let v):
            if let v { try expr(v, .load) }
        case .yieldFrom(let v), .await(let v):
            try expr(v, .load)
        case .compare(let left, let ops, let comparators):
            if comparators.isEmpty { throw fail(valueErrorType, "Compare with no comparators") }
            if comparators.count != ops.count {
                throw fail(valueErrorType, "Compare has a different number of comparators and operands")
            }
            try exprs(comparators, .load); try expr(left, .load)
        case .call(let f, let a, let kws):
            try expr(f, .load); try exprs(a, .load); try keywords(kws)
        case .constant(let c, _):
            try constant(c)
        case .joinedStr(let values):
            try exprs(values, .load)
        case .formattedValue(let v, _, let spec):
            try expr(v, .load)
            if let spec { try expr(spec, .load) }
        case .attribute(let v, _, _):
            try expr(v, .load)
        case .subscript(let v, let s, _):
            try expr(s, .load); try expr(v, .load)
        case .starred(let v, _):
            try expr(v, ctx)
        case .slice(let lo, let hi, let step):
            if let lo { try expr(lo, .load) }
            if let hi { try expr(hi, .load) }
            if let step { try expr(step, .load) }
        case .list(let elts, _), .tuple(let elts, _):
            try exprs(elts, ctx)
        case .namedExpr(let target, let value):
            if case .name = target.kind {} else { throw fail(typeErrorType, "NamedExpr target must be a Name") }
            try expr(value, .load)
        case .name:
            break
        }
    }

    func exprs(_ list: [Expr], _ ctx: ExprContext) throws {
        for e in list { try expr(e, ctx) }
    }

    // MARK: patterns

    static func isLiteralNumber(_ e: Expr, real: Bool, imaginary: Bool) -> Bool {
        guard case .constant(let c, _) = e.kind else { return false }
        switch c {
        case .int, .float: return real
        case .complex: return imaginary
        default: return false
        }
    }
    static func isLiteralNegative(_ e: Expr, real: Bool, imaginary: Bool) -> Bool {
        guard case .unaryOp(.uSub, let operand) = e.kind else { return false }
        return isLiteralNumber(operand, real: real, imaginary: imaginary)
    }
    static func isLiteralComplex(_ e: Expr) -> Bool {
        guard case .binOp(let l, let op, let r) = e.kind, op == .add || op == .sub else { return false }
        switch l.kind {
        case .constant: if !isLiteralNumber(l, real: true, imaginary: false) { return false }
        case .unaryOp: if !isLiteralNegative(l, real: true, imaginary: false) { return false }
        default: return false
        }
        return isLiteralNumber(r, real: false, imaginary: true)
    }

    func patternMatchValue(_ e: Expr) throws {
        try expr(e, .load)
        switch e.kind {
        case .constant(let c, _):
            switch c {
            case .int, .float, .bytes, .complex, .str: return
            default: throw fail(valueErrorType, "unexpected constant inside of a literal pattern")
            }
        case .attribute: return
        case .unaryOp: if ASTValidator.isLiteralNegative(e, real: true, imaginary: true) { return }
        case .binOp: if ASTValidator.isLiteralComplex(e) { return }
        case .joinedStr: return
        default: break
        }
        throw fail(valueErrorType, "patterns may only match literals and attribute lookups")
    }

    func capture(_ n: String) throws {
        if n == "_" { throw fail(valueErrorType, "can't capture name '_' in patterns") }
        try name(n)
    }

    func pattern(_ p: Pattern, starOK: Bool) throws {
        if case .matchSingleton(.str(let s)) = p.kind, s.codePoints.first == noneMark {
            throw fail(valueErrorType, "None disallowed in pattern list")
        }
        try positions(p.range)
        switch p.kind {
        case .matchValue(let v):
            try patternMatchValue(v)
        case .matchSingleton(let v):
            switch v {
            case .none, .bool: break
            default: throw fail(valueErrorType, "MatchSingleton can only contain True, False and None")
            }
        case .matchSequence(let ps):
            try patterns(ps, starOK: true)
        case .matchMapping(let keys, let ps, let rest):
            if keys.count != ps.count {
                throw fail(valueErrorType, "MatchMapping doesn't have the same number of keys as patterns")
            }
            if let rest { try capture(rest) }
            for k in keys {
                if case .constant(let c, _) = k.kind {
                    switch c {
                    case .none, .bool: continue
                    default: break
                    }
                }
                try patternMatchValue(k)
            }
            try patterns(ps, starOK: false)
        case .matchClass(let cls, let ps, let kwdAttrs, let kwdPatterns):
            if kwdAttrs.count != kwdPatterns.count {
                throw fail(valueErrorType,
                           "MatchClass doesn't have the same number of keyword attributes as patterns")
            }
            try expr(cls, .load)
            var c = cls
            while true {
                if case .name = c.kind { break }
                if case .attribute(let v, _, _) = c.kind { c = v; continue }
                throw fail(valueErrorType, "MatchClass cls field can only contain Name or Attribute nodes.")
            }
            for a in kwdAttrs { try name(a) }
            try patterns(ps, starOK: false)
            try patterns(kwdPatterns, starOK: false)
        case .matchStar(let n):
            if !starOK { throw fail(valueErrorType, "can't use MatchStar here") }
            if let n { try capture(n) }
        case .matchAs(let sub, let n):
            if let n { try capture(n) }
            if let sub {
                if n == nil {
                    throw fail(valueErrorType, "MatchAs must specify a target name if a pattern is given")
                }
                try pattern(sub, starOK: false)
            }
        case .matchOr(let ps):
            if ps.count < 2 { throw fail(valueErrorType, "MatchOr requires at least 2 patterns") }
            try patterns(ps, starOK: false)
        }
    }

    func patterns(_ ps: [Pattern], starOK: Bool) throws {
        for p in ps { try pattern(p, starOK: starOK) }
    }

    // MARK: statements

    func nonempty(_ count: Int, _ what: String, _ owner: String) throws {
        if count == 0 { throw fail(valueErrorType, "empty \(what) on \(owner)") }
    }

    func body(_ b: [Stmt], _ owner: String) throws {
        try nonempty(b.count, "body", owner)
        try stmts(b)
    }

    func withItems(_ items: [WithItem], _ owner: String) throws {
        try nonempty(items.count, "items", owner)
        for item in items {
            try expr(item.contextExpr, .load)
            if let v = item.optionalVars { try expr(v, .store) }
        }
    }

    func handlers(_ hs: [ExceptHandler], checkPositions: Bool) throws {
        for h in hs {
            if let t = h.type, ASTValidator.isNoneMarker(t) {
                throw fail(valueErrorType, "None disallowed in statement list")
            }
            if checkPositions { try positions(h.range) }
            if let t = h.type { try expr(t, .load) }
            try body(h.body, "ExceptHandler")
        }
    }

    func tryStatement(_ b: [Stmt], _ hs: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt],
                      _ owner: String) throws {
        try body(b, owner)
        if hs.isEmpty && finalbody.isEmpty {
            throw fail(valueErrorType, "\(owner) has neither except handlers nor finalbody")
        }
        if hs.isEmpty && !orelse.isEmpty {
            throw fail(valueErrorType, "\(owner) has orelse but no except handlers")
        }
        try handlers(hs, checkPositions: owner == "Try")
        try stmts(finalbody)
        try stmts(orelse)
    }

    func stmt(_ s: Stmt) throws {
        if case .expr(let e) = s.kind, ASTValidator.isNoneMarker(e) {
            throw fail(valueErrorType, "None disallowed in statement list")
        }
        try positions(s.range)
        switch s.kind {
        case .functionDef(_, let a, let b, let decorators, let returns, _):
            try body(b, "FunctionDef")
            try arguments(a)
            try exprs(decorators, .load)
            if let returns { try expr(returns, .load) }
        case .asyncFunctionDef(_, let a, let b, let decorators, let returns, _):
            try body(b, "AsyncFunctionDef")
            try arguments(a)
            try exprs(decorators, .load)
            if let returns { try expr(returns, .load) }
        case .classDef(_, let bases, let kws, let b, let decorators):
            try body(b, "ClassDef")
            try exprs(bases, .load)
            try keywords(kws)
            try exprs(decorators, .load)
        case .return(let v):
            if let v { try expr(v, .load) }
        case .delete(let targets):
            try nonempty(targets.count, "targets", "Delete")
            try exprs(targets, .del)
        case .assign(let targets, let value, _):
            try nonempty(targets.count, "targets", "Assign")
            try exprs(targets, .store)
            try expr(value, .load)
        case .augAssign(let target, _, let value):
            try expr(target, .store)
            try expr(value, .load)
        case .annAssign(let target, let annotation, let value, let simple):
            if simple != 0 { if case .name = target.kind {} else {
                throw fail(typeErrorType, "AnnAssign with simple non-Name target")
            } }
            try expr(target, .store)
            if let value { try expr(value, .load) }
            try expr(annotation, .load)
        case .for(let target, let iter, let b, let orelse, _):
            try expr(target, .store); try expr(iter, .load)
            try body(b, "For"); try stmts(orelse)
        case .asyncFor(let target, let iter, let b, let orelse, _):
            try expr(target, .store); try expr(iter, .load)
            try body(b, "AsyncFor"); try stmts(orelse)
        case .while(let test, let b, let orelse):
            try expr(test, .load); try body(b, "While"); try stmts(orelse)
        case .if(let test, let b, let orelse):
            try expr(test, .load); try body(b, "If"); try stmts(orelse)
        case .with(let items, let b, _):
            try withItems(items, "With"); try body(b, "With")
        case .asyncWith(let items, let b, _):
            try withItems(items, "AsyncWith"); try body(b, "AsyncWith")
        case .match(let subject, let cases):
            try expr(subject, .load)
            try nonempty(cases.count, "cases", "Match")
            for c in cases {
                try pattern(c.pattern, starOK: false)
                if let g = c.guard { try expr(g, .load) }
                try body(c.body, "match_case")
            }
        case .raise(let exc, let cause):
            if let exc {
                try expr(exc, .load)
                if let cause { try expr(cause, .load) }
            } else if cause != nil {
                throw fail(valueErrorType, "Raise with cause but no exception")
            }
        case .try(let b, let hs, let orelse, let finalbody):
            try tryStatement(b, hs, orelse, finalbody, "Try")
        case .tryStar(let b, let hs, let orelse, let finalbody):
            try tryStatement(b, hs, orelse, finalbody, "TryStar")
        case .assert(let test, let msg):
            try expr(test, .load)
            if let msg { try expr(msg, .load) }
        case .import(let names):
            try nonempty(names.count, "names", "Import")
        case .importFrom(_, let names, let level):
            if let level, level < 0 { throw fail(valueErrorType, "Negative ImportFrom level") }
            try nonempty(names.count, "names", "ImportFrom")
        case .global(let names):
            try nonempty(names.count, "names", "Global")
        case .nonlocal(let names):
            try nonempty(names.count, "names", "Nonlocal")
        case .expr(let value):
            try expr(value, .load)
        case .pass, .break, .continue:
            break
        }
    }

    func stmts(_ list: [Stmt]) throws {
        for s in list { try stmt(s) }
    }
}
