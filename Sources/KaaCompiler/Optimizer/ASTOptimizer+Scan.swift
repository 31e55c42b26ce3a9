import KaaSyntax

/// A read-only look ahead of the folding pass: could folding change this statement?
///
/// Folding rebuilds every node it visits (and the arrays it writes through copy on write), so folding a statement
/// that has nothing to fold copies its whole subtree for nothing. `foldStmts` skips the statements this scan clears.
/// The scan is conservative: it answers true for every node whose kind folding may replace (a binary or unary
/// operation over constants, `not` over a single `is`/`in` comparison, a constant subscript or tuple, `__debug__`,
/// a literal list or set iterated over or tested with `in`) and for any subtree deep enough that folding could
/// raise the compiler's RecursionError, so that error still comes from the folding pass exactly as before.
extension ASTOptimizer {
    /// True when folding `s` might change it (or must run to report a too deep nesting).
    func mayChange(_ s: Stmt) -> Bool {
        var scan = FoldScan(futureAnnotations: futureAnnotations,
                            depthLeft: recursionLimit - recursionDepth - FoldScan.margin)
        return scan.stmt(s)
    }
}

struct FoldScan {
    /// Levels kept in hand below the recursion limit.
    static let margin = 8
    let futureAnnotations: Bool
    /// Nesting levels the scan may descend before it gives up and answers true.
    var depthLeft: Int

    mutating func stmts(_ list: [Stmt]) -> Bool {
        for s in list where stmt(s) { return true }
        return false
    }

    mutating func exprs(_ list: [Expr]) -> Bool {
        for e in list where expr(e) { return true }
        return false
    }

    mutating func optional(_ e: Expr?) -> Bool {
        guard let e else { return false }
        return expr(e)
    }

    mutating func arguments(_ a: Arguments) -> Bool {
        if exprs(a.defaults) { return true }
        for d in a.kwDefaults where optional(d) { return true }
        if futureAnnotations { return false }
        for arg in a.posonlyargs where optional(arg.annotation) { return true }
        for arg in a.args where optional(arg.annotation) { return true }
        for arg in a.kwonlyargs where optional(arg.annotation) { return true }
        if let v = a.vararg, optional(v.annotation) { return true }
        if let k = a.kwarg, optional(k.annotation) { return true }
        return false
    }

    mutating func keywords(_ list: [Keyword]) -> Bool {
        for k in list where expr(k.value) { return true }
        return false
    }

    /// A literal list or set that fold_iter turns into a tuple or constant.
    static func isIterLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .list, .set: return true
        default: return false
        }
    }

    static func isConstant(_ e: Expr) -> Bool {
        if case .constant = e.kind { return true }
        return false
    }

    mutating func stmt(_ s: Stmt) -> Bool {
        depthLeft -= 1
        defer { depthLeft += 1 }
        if depthLeft <= 0 { return true }
        switch s.kind {
        case .functionDef(_, let args, let body, let decorators, let returns, _),
             .asyncFunctionDef(_, let args, let body, let decorators, let returns, _):
            return arguments(args) || stmts(body) || exprs(decorators) || (!futureAnnotations && optional(returns))
        case .classDef(_, let bases, let kws, let body, let decorators):
            return exprs(bases) || keywords(kws) || stmts(body) || exprs(decorators)
        case .return(let value):
            return optional(value)
        case .delete(let targets):
            return exprs(targets)
        case .assign(let targets, let value, _):
            return exprs(targets) || expr(value)
        case .augAssign(let target, _, let value):
            return expr(target) || expr(value)
        case .annAssign(let target, let annotation, let value, _):
            return expr(target) || (!futureAnnotations && expr(annotation)) || optional(value)
        case .for(let target, let iter, let body, let orelse, _):
            return FoldScan.isIterLiteral(iter) || expr(target) || expr(iter) || stmts(body) || stmts(orelse)
        case .asyncFor(let target, let iter, let body, let orelse, _):
            return expr(target) || expr(iter) || stmts(body) || stmts(orelse)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            return expr(test) || stmts(body) || stmts(orelse)
        case .with(let items, let body, _), .asyncWith(let items, let body, _):
            for item in items where expr(item.contextExpr) || optional(item.optionalVars) { return true }
            return stmts(body)
        case .raise(let exc, let cause):
            return optional(exc) || optional(cause)
        case .match(let subject, let cases):
            if expr(subject) { return true }
            for c in cases where pattern(c.pattern) || optional(c.guard) || stmts(c.body) { return true }
            return false
        case .try(let body, let handlers, let orelse, let finalbody),
             .tryStar(let body, let handlers, let orelse, let finalbody):
            if stmts(body) || stmts(orelse) || stmts(finalbody) { return true }
            for h in handlers where optional(h.type) || stmts(h.body) { return true }
            return false
        case .assert(let test, let msg):
            return expr(test) || optional(msg)
        case .expr(let value):
            return expr(value)
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue:
            return false
        }
    }

    mutating func pattern(_ p: Pattern) -> Bool {
        depthLeft -= 1
        defer { depthLeft += 1 }
        if depthLeft <= 0 { return true }
        switch p.kind {
        case .matchValue(let value):
            return expr(value)
        case .matchSingleton, .matchStar:
            return false
        case .matchSequence(let patterns), .matchOr(let patterns):
            for q in patterns where pattern(q) { return true }
            return false
        case .matchMapping(let keys, let patterns, _):
            if exprs(keys) { return true }
            for q in patterns where pattern(q) { return true }
            return false
        case .matchClass(let cls, let patterns, _, let kwdPatterns):
            if expr(cls) { return true }
            for q in patterns where pattern(q) { return true }
            for q in kwdPatterns where pattern(q) { return true }
            return false
        case .matchAs(let q, _):
            guard let q else { return false }
            return pattern(q)
        }
    }

    mutating func comprehensions(_ gens: [Comprehension]) -> Bool {
        for g in gens where FoldScan.isIterLiteral(g.iter) || expr(g.target) || expr(g.iter) || exprs(g.ifs) {
            return true
        }
        return false
    }

    mutating func expr(_ e: Expr) -> Bool {
        depthLeft -= 1
        defer { depthLeft += 1 }
        if depthLeft <= 0 { return true }
        switch e.kind {
        case .boolOp(_, let values):
            return exprs(values)
        case .binOp(let left, _, let right):
            // Unchanged operands that are not both constants leave the operation as it is.
            return (FoldScan.isConstant(left) && FoldScan.isConstant(right)) || expr(left) || expr(right)
        case .unaryOp(let op, let operand):
            switch operand.kind {
            case .constant: return true
            case .compare(_, let ops, _) where op == .not && ops.count == 1: return true
            default: return expr(operand)
            }
        case .lambda(let args, let body):
            return arguments(args) || expr(body)
        case .ifExp(let test, let body, let orelse):
            return expr(test) || expr(body) || expr(orelse)
        case .dict(let keys, let values):
            for k in keys where optional(k) { return true }
            return exprs(values)
        case .set(let elts):
            return exprs(elts)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            return expr(elt) || comprehensions(gens)
        case .dictComp(let key, let value, let gens):
            return expr(key) || expr(value) || comprehensions(gens)
        case .await(let value), .yieldFrom(let value):
            return expr(value)
        case .yield(let value):
            return optional(value)
        case .compare(let left, let ops, let comparators):
            if let last = ops.last, last == .in || last == .notIn, let c = comparators.last,
               FoldScan.isIterLiteral(c) {
                return true
            }
            return expr(left) || exprs(comparators)
        case .call(let fn, let args, let kws):
            return expr(fn) || exprs(args) || keywords(kws)
        case .formattedValue(let value, _, let spec):
            return expr(value) || optional(spec)
        case .joinedStr(let values):
            return exprs(values)
        case .attribute(let value, _, _):
            return expr(value)
        case .subscript(let value, let slice, let ctx):
            return (ctx == .load && FoldScan.isConstant(value) && FoldScan.isConstant(slice)) || expr(value)
                || expr(slice)
        case .starred(let value, _):
            return expr(value)
        case .slice(let lower, let upper, let step):
            return optional(lower) || optional(upper) || optional(step)
        case .list(let elts, _):
            return exprs(elts)
        case .tuple(let elts, let ctx):
            if ctx == .load && elts.allSatisfy(FoldScan.isConstant) { return true }
            return exprs(elts)
        case .name(let id, let ctx):
            return ctx == .load && id == "__debug__"
        case .namedExpr(_, let value):
            return expr(value)
        case .constant:
            return false
        }
    }
}
