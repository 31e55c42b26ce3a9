import KaaSyntax

// The first pass: walks the AST, creates a block for each scope and records every name's DEF_*/USE flags.
// (CPython 3.11: Python/symtable.c, symtable_visit_* and symtable_add_def)

private let NAMED_EXPR_COMP_IN_CLASS = "assignment expression within a comprehension cannot be used in a class body"
private let NAMED_EXPR_COMP_ITER_EXPR = "assignment expression cannot be used in a comprehension iterable expression"
private let IMPORT_STAR_WARNING = "import * only allowed at module level"

struct SymtableBuilder {
    let filename: String
    let future: FutureFeatures
    let sourceLines: [String]
    var blocks: [BlockKey: SymbolTableEntry] = [:]
    /// The blocks being visited, innermost last. (CPython: st_stack)
    var stack: [SymbolTableEntry] = []
    /// The module's block, whose symbols CPython calls st_global.
    var global: SymbolTableEntry!
    /// Name of the innermost class, for mangling. (CPython: st_private)
    var privateName: String?
    var recursionDepth = 0
    let recursionLimit = CompilerRecursionError.defaultLimit

    init(filename: String, future: FutureFeatures, sourceLines: [String]) {
        self.filename = filename; self.future = future; self.sourceLines = sourceLines
    }

    var cur: SymbolTableEntry { stack[stack.count - 1] }

    // MARK: errors

    /// A SyntaxError at a node's range: CPython's PyErr_RangedSyntaxLocationObject with col_offset + 1 (a byte offset:
    /// CPython does not convert it to characters here) and the line's text.
    func syntaxError(_ message: String, _ range: SourceRange) -> SyntaxErrorInfo {
        makeSymtableError(message, range, filename: filename, sourceLines: sourceLines)
    }

    mutating func enterRecursion() throws {
        recursionDepth += 1
        if recursionDepth > recursionLimit { throw CompilerRecursionError() }
    }

    // MARK: blocks

    /// CPython: _PySymtable_Build (the first pass)
    mutating func buildTop(_ mod: Mod) throws -> SymbolTableEntry {
        enterBlock(name: "top", type: .module, key: .module, range: BlockKey.module.range)
        let top = cur
        switch mod {
        case .module(let body, _), .interactive(let body):
            for s in body { try visitStmt(s) }
        case .expression(let body):
            try visitExpr(body)
        case .functionType:
            // CPython raises RuntimeError("this compiler does not handle FunctionTypes"); the parser never makes one
            // for the compiler. Leave the table empty.
            break
        }
        exitBlock()
        return top
    }

    /// CPython: symtable_enter_block, ste_new
    mutating func enterBlock(name: String, type: BlockType, key: BlockKey, range: SourceRange) {
        let ste = SymbolTableEntry(name: name, type: type, key: key, range: range)
        let prev = stack.last
        if let prev, prev.isNested || prev.type == .function { ste.isNested = true }
        // bpo-37757: all assignment expressions are disallowed in a comprehension's outermost iterable, even inside a
        // nested comprehension or lambda there.
        if let prev { ste.compIterExpr = prev.compIterExpr }
        stack.append(ste)
        // Annotation blocks have no effect on the table: CPython neither registers them as children nor keeps them.
        if type == .annotation { return }
        blocks[key] = ste
        if type == .module { global = ste }
        prev?.children.append(ste)
    }

    /// CPython: symtable_exit_block
    mutating func exitBlock() {
        stack.removeLast()
    }

    // MARK: definitions

    /// CPython: symtable_lookup — the flags of `name` (mangled) in the current block.
    func lookup(_ name: String) -> Int {
        cur.symbolFlags(pyMangle(privateName: privateName, name))
    }

    /// CPython: symtable_add_def_helper
    mutating func addDef(_ name: String, _ flag: SymbolFlags, _ range: SourceRange, in ste: SymbolTableEntry? = nil)
        throws {
        let ste = ste ?? cur
        let mangled = pyMangle(privateName: privateName, name)
        var val: Int
        if ste.contains(mangled) {
            val = ste.symbolFlags(mangled)
            if flag.contains(.defParam) && val & SymbolFlags.defParam.rawValue != 0 {
                throw syntaxError("duplicate argument '\(name)' in function definition", range)
            }
            val |= flag.rawValue
        } else {
            val = flag.rawValue
        }
        if ste.compIterTarget {
            // An iteration variable of a comprehension: it may not rebind a walrus target seen earlier; mark it so a
            // later walrus can check.
            if val & (SymbolFlags.defGlobal.rawValue | SymbolFlags.defNonlocal.rawValue) != 0 {
                throw syntaxError("comprehension inner loop cannot rebind assignment expression target '\(name)'",
                                  range)
            }
            val |= SymbolFlags.defCompIter.rawValue
        }
        ste.setFlags(mangled, val)
        if flag.contains(.defParam) {
            ste.varnames.append(mangled)
        } else if flag.contains(.defGlobal) {
            global.setFlags(mangled, flag.rawValue | global.symbolFlags(mangled))
        }
    }

    /// CPython: symtable_record_directive
    mutating func recordDirective(_ name: String, _ range: SourceRange) {
        cur.directives.append((pyMangle(privateName: privateName, name), range))
    }

    // MARK: statements

    /// CPython: symtable_visit_stmt
    mutating func visitStmt(_ s: Stmt) throws {
        try enterRecursion()
        defer { recursionDepth -= 1 }
        switch s.kind {
        case .functionDef(let name, let args, let body, let decorators, let returns, _),
             .asyncFunctionDef(let name, let args, let body, let decorators, let returns, _):
            try addDef(name, .defLocal, s.range)
            for d in args.defaults { try visitExpr(d) }
            for d in args.kwDefaults { if let d { try visitExpr(d) } }
            try visitAnnotations(s, args, returns)
            for d in decorators { try visitExpr(d) }
            let isAsync: Bool
            if case .asyncFunctionDef = s.kind { isAsync = true } else { isAsync = false }
            enterBlock(name: name, type: .function, key: BlockKey(kind: isAsync ? .asyncFunctionDef : .functionDef,
                                                                  range: s.range), range: s.range)
            if isAsync { cur.isCoroutine = true }
            try visitArguments(args)
            for st in body { try visitStmt(st) }
            exitBlock()

        case .classDef(let name, let bases, let keywords, let body, let decorators):
            try addDef(name, .defLocal, s.range)
            for b in bases { try visitExpr(b) }
            for k in keywords { try visitExpr(k.value) }
            for d in decorators { try visitExpr(d) }
            enterBlock(name: name, type: .class, key: BlockKey(kind: .classDef, range: s.range), range: s.range)
            let saved = privateName
            privateName = name
            for st in body { try visitStmt(st) }
            privateName = saved
            exitBlock()

        case .return(let value):
            if let value {
                try visitExpr(value)
                cur.returnsValue = true
            }

        case .delete(let targets):
            for t in targets { try visitExpr(t) }

        case .assign(let targets, let value, _):
            for t in targets { try visitExpr(t) }
            try visitExpr(value)

        case .annAssign(let target, let annotation, let value, let simple):
            if case .name(let id, _) = target.kind {
                let curFlags = lookup(id)
                if curFlags & (SymbolFlags.defGlobal.rawValue | SymbolFlags.defNonlocal.rawValue) != 0
                    && cur !== global && simple != 0 {
                    let which = curFlags & SymbolFlags.defGlobal.rawValue != 0 ? "global" : "nonlocal"
                    throw syntaxError("annotated name '\(id)' can't be \(which)", s.range)
                }
                if simple != 0 {
                    try addDef(id, [.defAnnot, .defLocal], target.range)
                }
                if value != nil {
                    try addDef(id, .defLocal, target.range)
                }
            } else {
                try visitExpr(target)
            }
            try visitAnnotation(annotation)
            if let value { try visitExpr(value) }

        case .augAssign(let target, _, let value):
            try visitExpr(target)
            try visitExpr(value)

        case .for(let target, let iter, let body, let orelse, _),
             .asyncFor(let target, let iter, let body, let orelse, _):
            try visitExpr(target)
            try visitExpr(iter)
            for st in body { try visitStmt(st) }
            for st in orelse { try visitStmt(st) }

        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            try visitExpr(test)
            for st in body { try visitStmt(st) }
            for st in orelse { try visitStmt(st) }

        case .match(let subject, let cases):
            try visitExpr(subject)
            for c in cases {
                try visitPattern(c.pattern)
                if let g = c.guard { try visitExpr(g) }
                for st in c.body { try visitStmt(st) }
            }

        case .raise(let exc, let cause):
            if let exc {
                try visitExpr(exc)
                if let cause { try visitExpr(cause) }
            }

        case .try(let body, let handlers, let orelse, let finalbody),
             .tryStar(let body, let handlers, let orelse, let finalbody):
            for st in body { try visitStmt(st) }
            for st in orelse { try visitStmt(st) }
            for h in handlers {
                if let t = h.type { try visitExpr(t) }
                if let n = h.name { try addDef(n, .defLocal, h.range) }
                for st in h.body { try visitStmt(st) }
            }
            for st in finalbody { try visitStmt(st) }

        case .assert(let test, let msg):
            try visitExpr(test)
            if let msg { try visitExpr(msg) }

        case .import(let names), .importFrom(_, let names, _):
            for a in names { try visitAlias(a) }

        case .global(let names):
            for name in names {
                let f = lookup(name)
                if f & (SymbolFlags.defParam.rawValue | SymbolFlags.defLocal.rawValue | SymbolFlags.use.rawValue
                        | SymbolFlags.defAnnot.rawValue) != 0 {
                    let msg: String
                    if f & SymbolFlags.defParam.rawValue != 0 {
                        msg = "name '\(name)' is parameter and global"
                    } else if f & SymbolFlags.use.rawValue != 0 {
                        msg = "name '\(name)' is used prior to global declaration"
                    } else if f & SymbolFlags.defAnnot.rawValue != 0 {
                        msg = "annotated name '\(name)' can't be global"
                    } else {
                        msg = "name '\(name)' is assigned to before global declaration"
                    }
                    throw syntaxError(msg, s.range)
                }
                try addDef(name, .defGlobal, s.range)
                recordDirective(name, s.range)
            }

        case .nonlocal(let names):
            for name in names {
                let f = lookup(name)
                if f & (SymbolFlags.defParam.rawValue | SymbolFlags.defLocal.rawValue | SymbolFlags.use.rawValue
                        | SymbolFlags.defAnnot.rawValue) != 0 {
                    let msg: String
                    if f & SymbolFlags.defParam.rawValue != 0 {
                        msg = "name '\(name)' is parameter and nonlocal"
                    } else if f & SymbolFlags.use.rawValue != 0 {
                        msg = "name '\(name)' is used prior to nonlocal declaration"
                    } else if f & SymbolFlags.defAnnot.rawValue != 0 {
                        msg = "annotated name '\(name)' can't be nonlocal"
                    } else {
                        msg = "name '\(name)' is assigned to before nonlocal declaration"
                    }
                    throw syntaxError(msg, s.range)
                }
                try addDef(name, .defNonlocal, s.range)
                recordDirective(name, s.range)
            }

        case .expr(let value):
            try visitExpr(value)

        case .pass, .break, .continue:
            break

        case .with(let items, let body, _), .asyncWith(let items, let body, _):
            for item in items {
                try visitExpr(item.contextExpr)
                if let v = item.optionalVars { try visitExpr(v) }
            }
            for st in body { try visitStmt(st) }
        }
    }

    /// CPython: symtable_visit_alias
    mutating func visitAlias(_ a: Alias) throws {
        // The name actually bound: the first component of a dotted module name (`import spam.eggs` binds spam).
        let name = a.asname ?? a.name
        if name == "*" {
            if cur.type != .module {
                throw syntaxError(IMPORT_STAR_WARNING, a.range)
            }
            return
        }
        let storeName: String
        if let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) {
            storeName = String(name[..<dot])
        } else {
            storeName = name
        }
        try addDef(storeName, .defImport, a.range)
    }

    // MARK: arguments and annotations

    /// CPython: symtable_visit_arguments — parameters in varnames order: positional-only, positional, keyword-only,
    /// then *args and **kwargs.
    mutating func visitArguments(_ a: Arguments) throws {
        for p in a.posonlyargs { try addDef(p.arg, .defParam, p.range) }
        for p in a.args { try addDef(p.arg, .defParam, p.range) }
        for p in a.kwonlyargs { try addDef(p.arg, .defParam, p.range) }
        if let v = a.vararg {
            try addDef(v.arg, .defParam, v.range)
            cur.hasVarargs = true
        }
        if let k = a.kwarg {
            try addDef(k.arg, .defParam, k.range)
            cur.hasVarkeywords = true
        }
    }

    /// CPython: symtable_visit_annotation — one annotation (AnnAssign); in its own throwaway block under
    /// `from __future__ import annotations`.
    mutating func visitAnnotation(_ annotation: Expr) throws {
        let futureAnnotations = future.annotations
        if futureAnnotations {
            enterBlock(name: "_annotation", type: .annotation, key: BlockKey(kind: .module, range: annotation.range),
                       range: annotation.range)
        }
        try visitExpr(annotation)
        if futureAnnotations { exitBlock() }
    }

    /// CPython: symtable_visit_annotations — a function's annotations, in CPython's order: positional-only,
    /// positional, *args, **kwargs, keyword-only, return.
    mutating func visitAnnotations(_ s: Stmt, _ a: Arguments, _ returns: Expr?) throws {
        let futureAnnotations = future.annotations
        if futureAnnotations {
            enterBlock(name: "_annotation", type: .annotation, key: BlockKey(kind: .module, range: s.range),
                       range: s.range)
        }
        for p in a.posonlyargs { if let ann = p.annotation { try visitExpr(ann) } }
        for p in a.args { if let ann = p.annotation { try visitExpr(ann) } }
        if let ann = a.vararg?.annotation { try visitExpr(ann) }
        if let ann = a.kwarg?.annotation { try visitExpr(ann) }
        for p in a.kwonlyargs { if let ann = p.annotation { try visitExpr(ann) } }
        if let returns { try visitExpr(returns) }
        if futureAnnotations { exitBlock() }
    }

    // MARK: expressions

    /// CPython: symtable_raise_if_annotation_block
    func raiseIfAnnotationBlock(_ what: String, _ e: Expr) throws {
        if cur.type == .annotation {
            throw syntaxError("'\(what)' can not be used within an annotation", e.range)
        }
    }

    /// CPython: symtable_raise_if_comprehension_block
    func comprehensionYieldError(_ e: Expr) -> SyntaxErrorInfo {
        let msg: String
        switch cur.comprehension {
        case .list: msg = "'yield' inside list comprehension"
        case .set: msg = "'yield' inside set comprehension"
        case .dict: msg = "'yield' inside dict comprehension"
        default: msg = "'yield' inside generator expression"
        }
        return syntaxError(msg, e.range)
    }

    /// CPython: symtable_visit_expr
    mutating func visitExpr(_ e: Expr) throws {
        try enterRecursion()
        defer { recursionDepth -= 1 }
        switch e.kind {
        case .namedExpr(let target, let value):
            try raiseIfAnnotationBlock("named expression", e)
            try handleNamedExpr(e, target: target, value: value)
        case .boolOp(_, let values):
            for v in values { try visitExpr(v) }
        case .binOp(let left, _, let right):
            try visitExpr(left)
            try visitExpr(right)
        case .unaryOp(_, let operand):
            try visitExpr(operand)
        case .lambda(let args, let body):
            for d in args.defaults { try visitExpr(d) }
            for d in args.kwDefaults { if let d { try visitExpr(d) } }
            enterBlock(name: "lambda", type: .function, key: BlockKey(kind: .lambda, range: e.range), range: e.range)
            try visitArguments(args)
            try visitExpr(body)
            exitBlock()
        case .ifExp(let test, let body, let orelse):
            try visitExpr(test)
            try visitExpr(body)
            try visitExpr(orelse)
        case .dict(let keys, let values):
            for k in keys { if let k { try visitExpr(k) } }
            for v in values { try visitExpr(v) }
        case .set(let elts):
            for x in elts { try visitExpr(x) }
        case .generatorExp(let elt, let generators):
            try handleComprehension(e, name: "genexpr", kind: .generatorExp, generators: generators, elt: elt,
                                    value: nil)
        case .listComp(let elt, let generators):
            try handleComprehension(e, name: "listcomp", kind: .listComp, generators: generators, elt: elt,
                                    value: nil)
        case .setComp(let elt, let generators):
            try handleComprehension(e, name: "setcomp", kind: .setComp, generators: generators, elt: elt, value: nil)
        case .dictComp(let key, let value, let generators):
            try handleComprehension(e, name: "dictcomp", kind: .dictComp, generators: generators, elt: key,
                                    value: value)
        case .yield(let value):
            try raiseIfAnnotationBlock("yield expression", e)
            if let value { try visitExpr(value) }
            cur.isGenerator = true
            if cur.comprehension != .none { throw comprehensionYieldError(e) }
        case .yieldFrom(let value):
            try raiseIfAnnotationBlock("yield expression", e)
            try visitExpr(value)
            cur.isGenerator = true
            if cur.comprehension != .none { throw comprehensionYieldError(e) }
        case .await(let value):
            try raiseIfAnnotationBlock("await expression", e)
            try visitExpr(value)
            cur.isCoroutine = true
        case .compare(let left, _, let comparators):
            try visitExpr(left)
            for c in comparators { try visitExpr(c) }
        case .call(let fn, let args, let keywords):
            try visitExpr(fn)
            for a in args { try visitExpr(a) }
            for k in keywords { try visitExpr(k.value) }
        case .formattedValue(let value, _, let spec):
            try visitExpr(value)
            if let spec { try visitExpr(spec) }
        case .joinedStr(let values):
            for v in values { try visitExpr(v) }
        case .constant:
            break
        case .attribute(let value, _, _):
            try visitExpr(value)
        case .subscript(let value, let slice, _):
            try visitExpr(value)
            try visitExpr(slice)
        case .starred(let value, _):
            try visitExpr(value)
        case .slice(let lower, let upper, let step):
            if let lower { try visitExpr(lower) }
            if let upper { try visitExpr(upper) }
            if let step { try visitExpr(step) }
        case .name(let id, let ctx):
            try addDef(id, ctx == .load ? .use : .defLocal, e.range)
            // `super` counts as a use of __class__ in a function.
            if ctx == .load && cur.type == .function && id == "super" {
                try addDef("__class__", .use, e.range)
            }
        case .list(let elts, _), .tuple(let elts, _):
            for x in elts { try visitExpr(x) }
        }
    }

    /// CPython: symtable_handle_namedexpr
    mutating func handleNamedExpr(_ e: Expr, target: Expr, value: Expr) throws {
        if cur.compIterExpr > 0 {
            throw syntaxError(NAMED_EXPR_COMP_ITER_EXPR, e.range)
        }
        if cur.comprehension != .none {
            // Inside a comprehension body: bind the target in the nearest enclosing function or module.
            try extendNamedExprScope(target)
        }
        try visitExpr(value)
        try visitExpr(target)
    }

    /// CPython: symtable_extend_namedexpr_scope
    mutating func extendNamedExprScope(_ e: Expr) throws {
        guard case .name(let targetName, _) = e.kind else { return }
        for ste in stack.reversed() {
            // A comprehension: the target may not rebind one of its iteration variables.
            if ste.comprehension != .none {
                if ste.symbolFlags(targetName) & SymbolFlags.defCompIter.rawValue != 0 {
                    throw syntaxError("assignment expression cannot rebind comprehension iteration variable '\(targetName)'",
                                      e.range)
                }
                continue
            }
            switch ste.type {
            case .function:
                if ste.symbolFlags(targetName) & SymbolFlags.defGlobal.rawValue != 0 {
                    try addDef(targetName, .defGlobal, e.range)
                } else {
                    try addDef(targetName, .defNonlocal, e.range)
                }
                recordDirective(targetName, e.range)
                try addDef(targetName, .defLocal, e.range, in: ste)
                return
            case .module:
                try addDef(targetName, .defGlobal, e.range)
                recordDirective(targetName, e.range)
                try addDef(targetName, .defGlobal, e.range, in: ste)
                return
            case .class:
                throw syntaxError(NAMED_EXPR_COMP_IN_CLASS, e.range)
            case .annotation:
                continue
            }
        }
    }

    /// CPython: symtable_handle_comprehension — the outermost iterable is evaluated in the enclosing scope; the rest
    /// lives in a function block that receives that iterator as its parameter `.0`.
    mutating func handleComprehension(_ e: Expr, name: String, kind: BlockKey.Kind, generators: [Comprehension],
                                      elt: Expr, value: Expr?) throws {
        guard let outermost = generators.first else { return }
        let isGenerator = kind == .generatorExp
        cur.compIterExpr += 1
        try visitExpr(outermost.iter)
        cur.compIterExpr -= 1
        enterBlock(name: name, type: .function, key: BlockKey(kind: kind, range: e.range), range: e.range)
        switch kind {
        case .listComp: cur.comprehension = .list
        case .setComp: cur.comprehension = .set
        case .dictComp: cur.comprehension = .dict
        default: cur.comprehension = .generator
        }
        if outermost.isAsync != 0 { cur.isCoroutine = true }
        // CPython: symtable_implicit_arg(st, 0), at the block's location.
        try addDef(".0", .defParam, e.range)
        cur.compIterTarget = true
        try visitExpr(outermost.target)
        cur.compIterTarget = false
        for cond in outermost.ifs { try visitExpr(cond) }
        for gen in generators.dropFirst() { try visitComprehension(gen) }
        if let value { try visitExpr(value) }
        try visitExpr(elt)
        cur.isGenerator = isGenerator
        let isAsync = cur.isCoroutine && !isGenerator
        exitBlock()
        // An async comprehension makes its enclosing comprehension/function async too (bpo-33346).
        if isAsync { cur.isCoroutine = true }
    }

    /// CPython: symtable_visit_comprehension — an inner `for ... in ... if ...` clause.
    mutating func visitComprehension(_ lc: Comprehension) throws {
        cur.compIterTarget = true
        try visitExpr(lc.target)
        cur.compIterTarget = false
        cur.compIterExpr += 1
        try visitExpr(lc.iter)
        cur.compIterExpr -= 1
        for cond in lc.ifs { try visitExpr(cond) }
        if lc.isAsync != 0 { cur.isCoroutine = true }
    }

    // MARK: patterns

    /// CPython: symtable_visit_pattern
    mutating func visitPattern(_ p: Pattern) throws {
        try enterRecursion()
        defer { recursionDepth -= 1 }
        switch p.kind {
        case .matchValue(let value):
            try visitExpr(value)
        case .matchSingleton:
            break
        case .matchSequence(let patterns):
            for q in patterns { try visitPattern(q) }
        case .matchStar(let name):
            if let name { try addDef(name, .defLocal, p.range) }
        case .matchMapping(let keys, let patterns, let rest):
            for k in keys { try visitExpr(k) }
            for q in patterns { try visitPattern(q) }
            if let rest { try addDef(rest, .defLocal, p.range) }
        case .matchClass(let cls, let patterns, _, let kwdPatterns):
            try visitExpr(cls)
            for q in patterns { try visitPattern(q) }
            for q in kwdPatterns { try visitPattern(q) }
        case .matchAs(let pattern, let name):
            if let pattern { try visitPattern(pattern) }
            if let name { try addDef(name, .defLocal, p.range) }
        case .matchOr(let patterns):
            for q in patterns { try visitPattern(q) }
        }
    }
}

/// A SyntaxError raised by the symbol table at a node's range: offsets are byte columns + 1 (CPython's
/// PyErr_RangedSyntaxLocationObject does not convert them), `text` the source line when known.
func makeSymtableError(_ message: String, _ range: SourceRange, filename: String,
                       sourceLines: [String]) -> SyntaxErrorInfo {
    let line = range.lineno
    let text = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : nil
    return SyntaxErrorInfo(message: message, filename: filename, lineno: line, offset: range.colOffset + 1,
                           endLineno: range.endLineno, endOffset: range.endColOffset + 1, text: text)
}
