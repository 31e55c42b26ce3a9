import KaaSyntax

/// The AST optimizer CPython 3.11 runs between parsing and the symbol table: constant folding of unary and binary
/// operators, subscripts and tuples of constants, `in`/`not in` and `for` over a literal list (→ tuple) or set
/// (→ frozenset), `not (a is b)` → `a is not b`, and `__debug__` → True/False by optimization level.
/// A folded node keeps its source range and has `kind` nil. Folding never raises: where CPython's evaluation raises,
/// the expression is left alone. What `-O` removes (asserts) and `if __debug__:` dead code are the compiler's work,
/// not this pass's.
/// (CPython 3.11: Python/ast_opt.c, _PyAST_Optimize, astfold_*)
public struct ASTOptimizer {
    /// The optimization level (`-O` count; compile()'s `optimize`); `__debug__` is True only at level 0.
    public var optimizeLevel: Int
    /// Under `from __future__ import annotations`, annotations are left unfolded (they become strings).
    public var futureAnnotations: Bool
    var recursionDepth = 0
    let recursionLimit = CompilerRecursionError.defaultLimit

    public init(optimizeLevel: Int = 0, future: FutureFeatures = FutureFeatures()) {
        self.optimizeLevel = optimizeLevel
        self.futureAnnotations = future.annotations
    }

    /// Optimizes a module. Throws only CompilerRecursionError. `pythonDepth`: as for `SymbolTable.build`.
    /// (CPython: _PyAST_Optimize, astfold_mod)
    public static func optimize(_ mod: Mod, optimizeLevel: Int = 0, future: FutureFeatures = FutureFeatures(),
                                pythonDepth: Int = 0) throws -> Mod {
        var opt = ASTOptimizer(optimizeLevel: optimizeLevel, future: future)
        opt.recursionDepth = 3 * pythonDepth
        return try opt.fold(mod)
    }

    public mutating func fold(_ mod: Mod) throws -> Mod {
        switch mod {
        case .module(var body, let ignores):
            try foldBody(&body)
            return .module(body: body, typeIgnores: ignores)
        case .interactive(var body):
            try foldStmts(&body)
            return .interactive(body: body)
        case .expression(var body):
            try foldExpr(&body)
            return .expression(body: body)
        case .functionType:
            return mod
        }
    }

    // MARK: statements

    /// CPython: astfold_body — a body whose first statement becomes a string constant by folding (`'a' 'b'` is
    /// already one; `'a' + 'b'` becomes one) must not turn into a docstring: it is wrapped in a JoinedStr.
    mutating func foldBody(_ body: inout [Stmt]) throws {
        let hadDocstring = hasDocstring(body)
        try foldStmts(&body)
        if !hadDocstring && hasDocstring(body), case .expr(let value) = body[0].kind {
            let joined = Expr(.joinedStr(values: [value]), range: body[0].range)
            body[0].kind = .expr(value: joined)
        }
    }

    /// Statements folding cannot change are left alone (see ASTOptimizer+Scan.swift): folding rebuilds what it
    /// visits.
    mutating func foldStmts(_ stmts: inout [Stmt]) throws {
        for i in stmts.indices where mayChange(stmts[i]) { try foldStmt(&stmts[i]) }
    }

    mutating func foldExprs(_ exprs: inout [Expr]) throws {
        for i in exprs.indices { try foldExpr(&exprs[i]) }
    }

    mutating func foldOptional(_ e: inout Expr?) throws {
        if var x = e {
            try foldExpr(&x)
            e = x
        }
    }

    /// CPython: astfold_arguments, astfold_arg (annotations only without future annotations).
    mutating func foldArguments(_ a: inout Arguments) throws {
        func foldArgs(_ args: inout [Arg], _ opt: inout ASTOptimizer) throws {
            for i in args.indices { try opt.foldArg(&args[i]) }
        }
        try foldArgs(&a.posonlyargs, &self)
        try foldArgs(&a.args, &self)
        if var v = a.vararg { try foldArg(&v); a.vararg = v }
        try foldArgs(&a.kwonlyargs, &self)
        for i in a.kwDefaults.indices { try foldOptional(&a.kwDefaults[i]) }
        if var k = a.kwarg { try foldArg(&k); a.kwarg = k }
        try foldExprs(&a.defaults)
    }

    mutating func foldArg(_ arg: inout Arg) throws {
        if !futureAnnotations { try foldOptional(&arg.annotation) }
    }

    mutating func foldKeywords(_ keywords: inout [Keyword]) throws {
        for i in keywords.indices { try foldExpr(&keywords[i].value) }
    }

    /// CPython: astfold_stmt
    mutating func foldStmt(_ s: inout Stmt) throws {
        recursionDepth += 1
        if recursionDepth > recursionLimit { throw CompilerRecursionError() }
        defer { recursionDepth -= 1 }
        switch s.kind {
        case .functionDef(let name, var args, var body, var decorators, var returns, let tc):
            try foldArguments(&args)
            try foldBody(&body)
            try foldExprs(&decorators)
            if !futureAnnotations { try foldOptional(&returns) }
            s.kind = .functionDef(name: name, args: args, body: body, decoratorList: decorators, returns: returns,
                                  typeComment: tc)
        case .asyncFunctionDef(let name, var args, var body, var decorators, var returns, let tc):
            try foldArguments(&args)
            try foldBody(&body)
            try foldExprs(&decorators)
            if !futureAnnotations { try foldOptional(&returns) }
            s.kind = .asyncFunctionDef(name: name, args: args, body: body, decoratorList: decorators,
                                       returns: returns, typeComment: tc)
        case .classDef(let name, var bases, var keywords, var body, var decorators):
            try foldExprs(&bases)
            try foldKeywords(&keywords)
            try foldBody(&body)
            try foldExprs(&decorators)
            s.kind = .classDef(name: name, bases: bases, keywords: keywords, body: body, decoratorList: decorators)
        case .return(var value):
            try foldOptional(&value)
            s.kind = .return(value: value)
        case .delete(var targets):
            try foldExprs(&targets)
            s.kind = .delete(targets: targets)
        case .assign(var targets, var value, let tc):
            try foldExprs(&targets)
            try foldExpr(&value)
            s.kind = .assign(targets: targets, value: value, typeComment: tc)
        case .augAssign(var target, let op, var value):
            try foldExpr(&target)
            try foldExpr(&value)
            s.kind = .augAssign(target: target, op: op, value: value)
        case .annAssign(var target, var annotation, var value, let simple):
            try foldExpr(&target)
            if !futureAnnotations { try foldExpr(&annotation) }
            try foldOptional(&value)
            s.kind = .annAssign(target: target, annotation: annotation, value: value, simple: simple)
        case .for(var target, var iter, var body, var orelse, let tc):
            try foldExpr(&target)
            try foldExpr(&iter)
            try foldStmts(&body)
            try foldStmts(&orelse)
            foldIter(&iter)
            s.kind = .for(target: target, iter: iter, body: body, orelse: orelse, typeComment: tc)
        case .asyncFor(var target, var iter, var body, var orelse, let tc):
            try foldExpr(&target)
            try foldExpr(&iter)
            try foldStmts(&body)
            try foldStmts(&orelse)
            s.kind = .asyncFor(target: target, iter: iter, body: body, orelse: orelse, typeComment: tc)
        case .while(var test, var body, var orelse):
            try foldExpr(&test)
            try foldStmts(&body)
            try foldStmts(&orelse)
            s.kind = .while(test: test, body: body, orelse: orelse)
        case .if(var test, var body, var orelse):
            try foldExpr(&test)
            try foldStmts(&body)
            try foldStmts(&orelse)
            s.kind = .if(test: test, body: body, orelse: orelse)
        case .with(var items, var body, let tc):
            try foldWithItems(&items)
            try foldStmts(&body)
            s.kind = .with(items: items, body: body, typeComment: tc)
        case .asyncWith(var items, var body, let tc):
            try foldWithItems(&items)
            try foldStmts(&body)
            s.kind = .asyncWith(items: items, body: body, typeComment: tc)
        case .raise(var exc, var cause):
            try foldOptional(&exc)
            try foldOptional(&cause)
            s.kind = .raise(exc: exc, cause: cause)
        case .match(var subject, var cases):
            try foldExpr(&subject)
            for i in cases.indices {
                try foldPattern(&cases[i].pattern)
                try foldOptional(&cases[i].guard)
                try foldStmts(&cases[i].body)
            }
            s.kind = .match(subject: subject, cases: cases)
        case .try(var body, var handlers, var orelse, var finalbody):
            try foldStmts(&body)
            try foldHandlers(&handlers)
            try foldStmts(&orelse)
            try foldStmts(&finalbody)
            s.kind = .try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
        case .tryStar(var body, var handlers, var orelse, var finalbody):
            try foldStmts(&body)
            try foldHandlers(&handlers)
            try foldStmts(&orelse)
            try foldStmts(&finalbody)
            s.kind = .tryStar(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody)
        case .assert(var test, var msg):
            try foldExpr(&test)
            try foldOptional(&msg)
            s.kind = .assert(test: test, msg: msg)
        case .expr(var value):
            try foldExpr(&value)
            s.kind = .expr(value: value)
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue:
            break
        }
    }

    mutating func foldWithItems(_ items: inout [WithItem]) throws {
        for i in items.indices {
            try foldExpr(&items[i].contextExpr)
            try foldOptional(&items[i].optionalVars)
        }
    }

    mutating func foldHandlers(_ handlers: inout [ExceptHandler]) throws {
        for i in handlers.indices {
            try foldOptional(&handlers[i].type)
            try foldStmts(&handlers[i].body)
        }
    }

    /// CPython: astfold_pattern
    mutating func foldPattern(_ p: inout Pattern) throws {
        recursionDepth += 1
        if recursionDepth > recursionLimit { throw CompilerRecursionError() }
        defer { recursionDepth -= 1 }
        switch p.kind {
        case .matchValue(var value):
            try foldExpr(&value)
            p.kind = .matchValue(value: value)
        case .matchSingleton, .matchStar:
            break
        case .matchSequence(var patterns):
            for i in patterns.indices { try foldPattern(&patterns[i]) }
            p.kind = .matchSequence(patterns: patterns)
        case .matchMapping(var keys, var patterns, let rest):
            try foldExprs(&keys)
            for i in patterns.indices { try foldPattern(&patterns[i]) }
            p.kind = .matchMapping(keys: keys, patterns: patterns, rest: rest)
        case .matchClass(var cls, var patterns, let kwdAttrs, var kwdPatterns):
            try foldExpr(&cls)
            for i in patterns.indices { try foldPattern(&patterns[i]) }
            for i in kwdPatterns.indices { try foldPattern(&kwdPatterns[i]) }
            p.kind = .matchClass(cls: cls, patterns: patterns, kwdAttrs: kwdAttrs, kwdPatterns: kwdPatterns)
        case .matchAs(var pattern, let name):
            if var q = pattern {
                try foldPattern(&q)
                pattern = q
            }
            p.kind = .matchAs(pattern: pattern, name: name)
        case .matchOr(var patterns):
            for i in patterns.indices { try foldPattern(&patterns[i]) }
            p.kind = .matchOr(patterns: patterns)
        }
    }

    // MARK: expressions

    /// CPython: astfold_comprehension
    mutating func foldComprehensions(_ gens: inout [Comprehension]) throws {
        for i in gens.indices {
            try foldExpr(&gens[i].target)
            try foldExpr(&gens[i].iter)
            try foldExprs(&gens[i].ifs)
            foldIter(&gens[i].iter)
        }
    }

    /// CPython: astfold_expr
    mutating func foldExpr(_ e: inout Expr) throws {
        recursionDepth += 1
        if recursionDepth > recursionLimit { throw CompilerRecursionError() }
        defer { recursionDepth -= 1 }
        switch e.kind {
        case .boolOp(let op, var values):
            try foldExprs(&values)
            e.kind = .boolOp(op: op, values: values)
        case .binOp(var left, let op, var right):
            try foldExpr(&left)
            try foldExpr(&right)
            e.kind = .binOp(left: left, op: op, right: right)
            if case .constant(let l, _) = left.kind, case .constant(let r, _) = right.kind,
               let v = ConstantFolding.binary(op, l, r) {
                e.kind = .constant(value: v, kind: nil)
            }
        case .unaryOp(let op, var operand):
            try foldExpr(&operand)
            e.kind = .unaryOp(op: op, operand: operand)
            foldUnary(&e, op, operand)
        case .lambda(var args, var body):
            try foldArguments(&args)
            try foldExpr(&body)
            e.kind = .lambda(args: args, body: body)
        case .ifExp(var test, var body, var orelse):
            try foldExpr(&test)
            try foldExpr(&body)
            try foldExpr(&orelse)
            e.kind = .ifExp(test: test, body: body, orelse: orelse)
        case .dict(var keys, var values):
            for i in keys.indices { try foldOptional(&keys[i]) }
            try foldExprs(&values)
            e.kind = .dict(keys: keys, values: values)
        case .set(var elts):
            try foldExprs(&elts)
            e.kind = .set(elts: elts)
        case .listComp(var elt, var gens):
            try foldExpr(&elt)
            try foldComprehensions(&gens)
            e.kind = .listComp(elt: elt, generators: gens)
        case .setComp(var elt, var gens):
            try foldExpr(&elt)
            try foldComprehensions(&gens)
            e.kind = .setComp(elt: elt, generators: gens)
        case .dictComp(var key, var value, var gens):
            try foldExpr(&key)
            try foldExpr(&value)
            try foldComprehensions(&gens)
            e.kind = .dictComp(key: key, value: value, generators: gens)
        case .generatorExp(var elt, var gens):
            try foldExpr(&elt)
            try foldComprehensions(&gens)
            e.kind = .generatorExp(elt: elt, generators: gens)
        case .await(var value):
            try foldExpr(&value)
            e.kind = .await(value: value)
        case .yield(var value):
            try foldOptional(&value)
            e.kind = .yield(value: value)
        case .yieldFrom(var value):
            try foldExpr(&value)
            e.kind = .yieldFrom(value: value)
        case .compare(var left, let ops, var comparators):
            try foldExpr(&left)
            try foldExprs(&comparators)
            // CPython: fold_compare — a literal list or set after the last `in`/`not in` becomes a tuple/frozenset.
            if let last = ops.last, last == .in || last == .notIn {
                foldIter(&comparators[comparators.count - 1])
            }
            e.kind = .compare(left: left, ops: ops, comparators: comparators)
        case .call(var fn, var args, var keywords):
            try foldExpr(&fn)
            try foldExprs(&args)
            try foldKeywords(&keywords)
            e.kind = .call(func: fn, args: args, keywords: keywords)
        case .formattedValue(var value, let conversion, var spec):
            try foldExpr(&value)
            try foldOptional(&spec)
            e.kind = .formattedValue(value: value, conversion: conversion, formatSpec: spec)
        case .joinedStr(var values):
            try foldExprs(&values)
            e.kind = .joinedStr(values: values)
        case .attribute(var value, let attr, let ctx):
            try foldExpr(&value)
            e.kind = .attribute(value: value, attr: attr, ctx: ctx)
        case .subscript(var value, var slice, let ctx):
            try foldExpr(&value)
            try foldExpr(&slice)
            e.kind = .subscript(value: value, slice: slice, ctx: ctx)
            // CPython: fold_subscr
            if ctx == .load, case .constant(let v, _) = value.kind, case .constant(let i, _) = slice.kind,
               let r = ConstantFolding.getItem(v, i) {
                e.kind = .constant(value: r, kind: nil)
            }
        case .starred(var value, let ctx):
            try foldExpr(&value)
            e.kind = .starred(value: value, ctx: ctx)
        case .slice(var lower, var upper, var step):
            try foldOptional(&lower)
            try foldOptional(&upper)
            try foldOptional(&step)
            e.kind = .slice(lower: lower, upper: upper, step: step)
        case .list(var elts, let ctx):
            try foldExprs(&elts)
            e.kind = .list(elts: elts, ctx: ctx)
        case .tuple(var elts, let ctx):
            try foldExprs(&elts)
            e.kind = .tuple(elts: elts, ctx: ctx)
            // CPython: fold_tuple
            if ctx == .load, let items = ConstantFolding.constTuple(elts) {
                e.kind = .constant(value: .tuple(items), kind: nil)
            }
        case .name(let id, let ctx):
            if ctx == .load && id == "__debug__" {
                e.kind = .constant(value: .bool(optimizeLevel == 0), kind: nil)
            }
        case .namedExpr(let target, var value):
            // Only the value: the target is a name.
            try foldExpr(&value)
            e.kind = .namedExpr(target: target, value: value)
        case .constant:
            break
        }
    }

    /// CPython: fold_unaryop — a constant operand is evaluated; `not` over a single `is`/`is not`/`in`/`not in`
    /// comparison inverts the comparison (the node becomes the comparison, with the comparison's range).
    func foldUnary(_ e: inout Expr, _ op: UnaryOperator, _ operand: Expr) {
        switch operand.kind {
        case .constant(let v, _):
            if let r = ConstantFolding.unary(op, v) { e.kind = .constant(value: r, kind: nil) }
        case .compare(let left, let ops, let comparators) where op == .not && ops.count == 1:
            let inverted: CompareOperator
            switch ops[0] {
            case .is: inverted = .isNot
            case .isNot: inverted = .is
            case .in: inverted = .notIn
            case .notIn: inverted = .in
            // Eq/NotEq and the orderings cannot be safely inverted.
            case .eq, .notEq, .lt, .ltE, .gt, .gtE: return
            }
            e = Expr(.compare(left: left, ops: [inverted], comparators: comparators), range: operand.range)
        default:
            break
        }
    }

    /// CPython: fold_iter — iterating over a literal list: it becomes a tuple (a constant one if all items are
    /// constants), unless it has a starred item; over a literal set of constants: a frozenset constant.
    func foldIter(_ e: inout Expr) {
        switch e.kind {
        case .list(let elts, let ctx):
            for x in elts { if case .starred = x.kind { return } }
            e.kind = .tuple(elts: elts, ctx: ctx)
            if let items = ConstantFolding.constTuple(elts) { e.kind = .constant(value: .tuple(items), kind: nil) }
        case .set(let elts):
            if let items = ConstantFolding.constTuple(elts) {
                e.kind = .constant(value: ConstantFolding.frozenset(items), kind: nil)
            }
        default:
            break
        }
    }
}
