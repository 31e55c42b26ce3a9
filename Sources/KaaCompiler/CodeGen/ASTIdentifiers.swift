import KaaSyntax

/// Every identifier of a module's AST: the strings CPython's parser interned while it built the tree
/// (CPython: _PyPegen_new_identifier interns each NAME it turns into an identifier; the parts of a dotted import
/// name are NAMEs of their own, see _PyPegen_join_names_with_dot). Names inside f-strings are included: 3.11 parses
/// their expressions with a parser of their own, which interns just the same.
/// Only CodeGen+InternedStrings uses this, and only when a frozenset constant holds an identifier-like string.
struct ASTIdentifiers {
    private(set) var names: Set<String> = []

    init(_ mod: Mod) {
        switch mod {
        case .module(let body, _), .interactive(let body): stmts(body)
        case .expression(let body): expr(body)
        case .functionType(let argtypes, let returns): exprs(argtypes); expr(returns)
        }
    }

    private mutating func add(_ s: String?) { if let s { names.insert(s) } }
    private mutating func addDotted(_ s: String) {
        if s.utf8.contains(UInt8(ascii: ".")) {
            for part in s.split(separator: ".") { names.insert(String(part)) }
        }
        names.insert(s)
    }

    private mutating func stmts(_ list: [Stmt]) { for s in list { stmt(s) } }
    private mutating func exprs(_ list: [Expr]) { for e in list { expr(e) } }
    private mutating func optional(_ e: Expr?) { if let e { expr(e) } }

    private mutating func arguments(_ a: Arguments) {
        for arg in a.posonlyargs + a.args + a.kwonlyargs { add(arg.arg); optional(arg.annotation) }
        if let v = a.vararg { add(v.arg); optional(v.annotation) }
        if let k = a.kwarg { add(k.arg); optional(k.annotation) }
        exprs(a.defaults)
        for d in a.kwDefaults { optional(d) }
    }

    private mutating func keywords(_ list: [Keyword]) { for k in list { add(k.arg); expr(k.value) } }

    private mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, _),
             .asyncFunctionDef(let name, let args, let body, let decorators, let returns, _):
            add(name); arguments(args); stmts(body); exprs(decorators); optional(returns)
        case .classDef(let name, let bases, let kws, let body, let decorators):
            add(name); exprs(bases); keywords(kws); stmts(body); exprs(decorators)
        case .return(let value): optional(value)
        case .delete(let targets): exprs(targets)
        case .assign(let targets, let value, _): exprs(targets); expr(value)
        case .augAssign(let target, _, let value): expr(target); expr(value)
        case .annAssign(let target, let annotation, let value, _): expr(target); expr(annotation); optional(value)
        case .for(let target, let iter, let body, let orelse, _), .asyncFor(let target, let iter, let body, let orelse, _):
            expr(target); expr(iter); stmts(body); stmts(orelse)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            expr(test); stmts(body); stmts(orelse)
        case .with(let items, let body, _), .asyncWith(let items, let body, _):
            for item in items { expr(item.contextExpr); optional(item.optionalVars) }
            stmts(body)
        case .match(let subject, let cases):
            expr(subject)
            for c in cases { pattern(c.pattern); optional(c.guard); stmts(c.body) }
        case .raise(let exc, let cause): optional(exc); optional(cause)
        case .try(let body, let handlers, let orelse, let finalbody),
             .tryStar(let body, let handlers, let orelse, let finalbody):
            stmts(body)
            for h in handlers { optional(h.type); add(h.name); stmts(h.body) }
            stmts(orelse); stmts(finalbody)
        case .assert(let test, let msg): expr(test); optional(msg)
        case .import(let aliases):
            for a in aliases { addDotted(a.name); add(a.asname) }
        case .importFrom(let module, let aliases, _):
            if let module { addDotted(module) }
            for a in aliases { add(a.name); add(a.asname) }
        case .global(let names), .nonlocal(let names): for n in names { add(n) }
        case .expr(let value): expr(value)
        case .pass, .break, .continue: break
        }
    }

    private mutating func expr(_ e: Expr) {
        switch e.kind {
        case .boolOp(_, let values): exprs(values)
        case .namedExpr(let target, let value): expr(target); expr(value)
        case .binOp(let left, _, let right): expr(left); expr(right)
        case .unaryOp(_, let operand): expr(operand)
        case .lambda(let args, let body): arguments(args); expr(body)
        case .ifExp(let test, let body, let orelse): expr(test); expr(body); expr(orelse)
        case .dict(let keys, let values): for k in keys { optional(k) }; exprs(values)
        case .set(let elts), .list(let elts, _), .tuple(let elts, _), .joinedStr(let elts): exprs(elts)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            expr(elt); comprehensions(gens)
        case .dictComp(let key, let value, let gens): expr(key); expr(value); comprehensions(gens)
        case .await(let value), .yieldFrom(let value), .starred(let value, _): expr(value)
        case .yield(let value): optional(value)
        case .compare(let left, _, let comparators): expr(left); exprs(comparators)
        case .call(let fn, let args, let kws): expr(fn); exprs(args); keywords(kws)
        case .formattedValue(let value, _, let spec): expr(value); optional(spec)
        case .constant: break
        case .attribute(let value, let attr, _): expr(value); add(attr)
        case .subscript(let value, let slice, _): expr(value); expr(slice)
        case .name(let id, _): add(id)
        case .slice(let lower, let upper, let step): optional(lower); optional(upper); optional(step)
        }
    }

    private mutating func comprehensions(_ gens: [Comprehension]) {
        for g in gens { expr(g.target); expr(g.iter); exprs(g.ifs) }
    }

    private mutating func pattern(_ p: Pattern) {
        switch p.kind {
        case .matchValue(let value): expr(value)
        case .matchSingleton: break
        case .matchSequence(let patterns), .matchOr(let patterns): for q in patterns { pattern(q) }
        case .matchMapping(let keys, let patterns, let rest):
            exprs(keys); for q in patterns { pattern(q) }; add(rest)
        case .matchClass(let cls, let patterns, let kwdAttrs, let kwdPatterns):
            expr(cls); for q in patterns { pattern(q) }; for a in kwdAttrs { add(a) }; for q in kwdPatterns { pattern(q) }
        case .matchStar(let name): add(name)
        case .matchAs(let pattern, let name): if let pattern { self.pattern(pattern) }; add(name)
        }
    }
}
