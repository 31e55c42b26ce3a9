import BigInt
import KaaCore
import KaaBytecode
import KaaSyntax

extension CodeGen {
    /// CPython: get_ref_type
    func refType(_ name: String) -> ScopeInfo.Scope? {
        if u.scopeType == .classScope && name == "__class__" { return .cell }
        return u.ste.scope(of: name)
    }

    /// CPython: compiler_make_closure
    func makeClosure(_ co: CodeObject, flags: Int) throws {
        var flags = flags
        let frees = co.freevars
        if !frees.isEmpty {
            for f in frees {
                let name = f.swiftString
                let arg: Int?
                if refType(name) == .cell {
                    arg = u.cellvars[name]
                } else {
                    arg = u.freevars[name]
                }
                guard let a = arg else {
                    throw CompileError(info: SyntaxErrorInfo(message: "compiler_lookup_arg(name='\(name)') failed",
                                                             filename: filename, lineno: u.loc.line))
                }
                addop(Op.LOAD_CLOSURE, a)
            }
            flags |= 0x08
            addop(Op.BUILD_TUPLE, frees.count)
        }
        loadConst(.code(co))
        addop(Op.MAKE_FUNCTION, flags)
    }

    /// CPython: compiler_check_debug_args
    func checkDebugArgs(_ args: Arguments) throws {
        for a in args.posonlyargs + args.args { try checkForbidden(a.arg, .store) }
        if let v = args.vararg { try checkForbidden(v.arg, .store) }
        for a in args.kwonlyargs { try checkForbidden(a.arg, .store) }
        if let k = args.kwarg { try checkForbidden(k.arg, .store) }
    }

    /// CPython: compiler_default_arguments
    func defaultArguments(_ args: Arguments) throws -> Int {
        var flags = 0
        if !args.defaults.isEmpty {
            for d in args.defaults { try visitExpr(d) }
            addop(Op.BUILD_TUPLE, args.defaults.count)
            flags |= 0x01
        }
        var keys: [BytecodeConstant] = []
        for (i, a) in args.kwonlyargs.enumerated() {
            if i < args.kwDefaults.count, let d = args.kwDefaults[i] {
                let key = mangle(u.priv, a.arg)
                if key == a.arg { interned.noteIdentifier(PyString(key)) }
                keys.append(.str(PyString(key)))
                try visitExpr(d)
            }
        }
        if !keys.isEmpty {
            loadConst(.tuple(keys))
            addop(Op.BUILD_CONST_KEY_MAP, keys.count)
            flags |= 0x02
        }
        return flags
    }

    /// CPython: compiler_visit_argannotation
    func argAnnotation(_ id: String, _ annotation: Expr?, _ len: inout Int) throws {
        guard let ann = annotation else { return }
        let key = mangle(u.priv, id)
        if key == id { interned.noteIdentifier(PyString(key)) }
        loadConst(.str(PyString(key)))
        if futureAnnotations {
            loadConst(.str(unparseAnnotation(ann)))
        } else if case .starred(let v, _) = ann.kind {
            try visitExpr(v)
            addop(Op.UNPACK_SEQUENCE, 1)
        } else {
            try visitExpr(ann)
        }
        len += 2
    }

    /// CPython: compiler_visit_annotations
    func annotations(_ args: Arguments, _ returns: Expr?) throws -> Bool {
        var len = 0
        for a in args.args { try argAnnotation(a.arg, a.annotation, &len) }
        for a in args.posonlyargs { try argAnnotation(a.arg, a.annotation, &len) }
        if let v = args.vararg, v.annotation != nil { try argAnnotation(v.arg, v.annotation, &len) }
        for a in args.kwonlyargs { try argAnnotation(a.arg, a.annotation, &len) }
        if let k = args.kwarg, k.annotation != nil { try argAnnotation(k.arg, k.annotation, &len) }
        try argAnnotation("return", returns, &len)
        if len > 0 {
            addop(Op.BUILD_TUPLE, len)
            return true
        }
        return false
    }

    /// CPython: compiler_apply_decorators
    func applyDecorators(_ decos: [Expr]) {
        let saved = u.loc
        for d in decos.reversed() {
            setLoc(d.range)
            addop(Op.PRECALL, 0)
            addop(Op.CALL, 0)
        }
        u.loc = saved
    }

    // CPython: compiler_function
    func function(_ s: Stmt, name: String, args: Arguments, body: [Stmt], decos: [Expr], returns: Expr?,
                  isAsync: Bool) throws {
        try checkDebugArgs(args)
        for d in decos { try visitExpr(d) }
        let firstlineno = decos.first?.range.lineno ?? s.range.lineno
        var funcflags = try defaultArguments(args)
        if try annotations(args, returns) { funcflags |= 0x04 }
        try enterScope(name: name, scopeType: isAsync ? .asyncFunction : .function,
                       key: .init(kind: isAsync ? .asyncFunctionDef : .functionDef, range: s.range), lineno: firstlineno)
        let doc = optimize < 2 ? CodeGen.docString(body) : nil
        _ = addConst(doc.map { .str($0) } ?? .none)
        u.argcount = args.args.count
        u.posonlyargcount = args.posonlyargs.count
        u.kwonlyargcount = args.kwonlyargs.count
        for st in body.dropFirst(doc != nil ? 1 : 0) { try visitStmt(st) }
        let co = try assemble(addNone: true)
        exitScope()
        try makeClosure(co, flags: funcflags)
        applyDecorators(decos)
        try nameop(name, .store)
    }

    // CPython: compiler_class
    func classDef(_ s: Stmt, name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decos: [Expr]) throws {
        for d in decos { try visitExpr(d) }
        let firstlineno = decos.first?.range.lineno ?? s.range.lineno
        try enterScope(name: name, scopeType: .classScope, key: .init(kind: .classDef, range: s.range),
                       lineno: firstlineno)
        u.priv = name
        try nameop("__name__", .load)
        try nameop("__module__", .store)
        // A top-level class's qualname is its name's identifier object (CPython: compiler_set_qualname).
        if let q = u.qualname, q != name { loadConst(.str(PyString(q))) } else { loadIdentifierConst(name) }
        try nameop("__qualname__", .store)
        try self.body(body)
        unsetLoc()
        if u.ste.needsClassClosure {
            let i = u.cellvars["__class__"] ?? 0
            addop(Op.LOAD_CLOSURE, i)
            addop(Op.COPY, 1)
            try nameop("__classcell__", .store)
        } else {
            loadConst(.none)
        }
        addop(Op.RETURN_VALUE)
        let co = try assemble(addNone: true)
        exitScope()
        addop(Op.PUSH_NULL)
        addop(Op.LOAD_BUILD_CLASS)
        try makeClosure(co, flags: 0)
        loadIdentifierConst(name)
        try callHelper(2, bases, keywords)
        applyDecorators(decos)
        try nameop(name, .store)
    }

    // CPython: compiler_lambda
    func lambda(_ e: Expr, _ args: Arguments, _ body: Expr) throws {
        try checkDebugArgs(args)
        let funcflags = try defaultArguments(args)
        try enterScope(name: "<lambda>", scopeType: .lambda, key: .init(kind: .lambda, range: e.range),
                       lineno: e.range.lineno)
        _ = addConst(.none)
        u.argcount = args.args.count
        u.posonlyargcount = args.posonlyargs.count
        u.kwonlyargcount = args.kwonlyargs.count
        try visitExpr(body)
        let co: CodeObject
        if u.ste.isGenerator {
            co = try assemble(addNone: false)
        } else {
            addop(Op.RETURN_VALUE)
            co = try assemble(addNone: true)
        }
        exitScope()
        try makeClosure(co, flags: funcflags)
    }

    enum ComprehensionType { case genexp, listcomp, setcomp, dictcomp }

    static func compKind(_ t: ComprehensionType) -> ScopeInfo.Key.Kind {
        switch t {
        case .genexp: return .generatorExp
        case .listcomp: return .listComp
        case .setcomp: return .setComp
        case .dictcomp: return .dictComp
        }
    }

    // CPython: compiler_comprehension
    func comprehension(_ e: Expr, _ type: ComprehensionType, _ name: String, _ generators: [Comprehension],
                       _ elt: Expr, _ val: Expr?) throws {
        let outerScope = u.scopeType
        guard let outermost = generators.first else { return }
        try enterScope(name: name, scopeType: .comprehension, key: .init(kind: CodeGen.compKind(type), range: e.range),
                       lineno: e.range.lineno)
        setLoc(e.range)
        let isAsyncGenerator = u.ste.isCoroutine
        if isAsyncGenerator && type != .genexp && outerScope != .asyncFunction && outerScope != .comprehension {
            let err = error("asynchronous comprehension outside of an asynchronous function")
            exitScope()
            throw err
        }
        switch type {
        case .listcomp: addop(Op.BUILD_LIST, 0)
        case .setcomp: addop(Op.BUILD_SET, 0)
        case .dictcomp: addop(Op.BUILD_MAP, 0)
        case .genexp: break
        }
        try comprehensionGenerator(generators, 0, 0, elt, val, type)
        if type != .genexp { addop(Op.RETURN_VALUE) }
        let co = try assemble(addNone: true)
        exitScope()
        try makeClosure(co, flags: 0)
        try visitExpr(outermost.iter)
        addop(outermost.isAsync != 0 ? Op.GET_AITER : Op.GET_ITER)
        addop(Op.PRECALL, 0)
        addop(Op.CALL, 0)
        if isAsyncGenerator && type != .genexp {
            addop(Op.GET_AWAITABLE, 0)
            loadConst(.none)
            addYieldFrom(isAwait: true)
        }
    }

    func comprehensionGenerator(_ gens: [Comprehension], _ index: Int, _ depth: Int, _ elt: Expr, _ val: Expr?,
                                _ type: ComprehensionType) throws {
        if gens[index].isAsync != 0 {
            try asyncComprehensionGenerator(gens, index, depth, elt, val, type)
        } else {
            try syncComprehensionGenerator(gens, index, depth, elt, val, type)
        }
    }

    private func comprehensionElement(_ elt: Expr, _ val: Expr?, _ type: ComprehensionType, _ depth: Int) throws {
        switch type {
        case .genexp:
            try visitExpr(elt)
            addYield()
            addop(Op.POP_TOP)
        case .listcomp:
            try visitExpr(elt)
            addop(Op.LIST_APPEND, depth + 1)
        case .setcomp:
            try visitExpr(elt)
            addop(Op.SET_ADD, depth + 1)
        case .dictcomp:
            try visitExpr(elt)
            if let v = val { try visitExpr(v) }
            addop(Op.MAP_ADD, depth + 1)
        }
    }

    // CPython: compiler_sync_comprehension_generator
    func syncComprehensionGenerator(_ gens: [Comprehension], _ index: Int, _ depth: Int, _ elt: Expr,
                                    _ val: Expr?, _ type: ComprehensionType) throws {
        var depth = depth
        var start: BasicBlock? = newBlock()
        let ifCleanup = newBlock(), anchor = newBlock()
        let gen = gens[index]
        if index == 0 {
            u.argcount = 1
            addop(Op.LOAD_FAST, 0)
        } else {
            var elts: [Expr]? = nil
            switch gen.iter.kind {
            case .list(let x, _), .tuple(let x, _): elts = x
            default: break
            }
            if let elts = elts, elts.count == 1 {
                if case .starred = elts[0].kind {} else {
                    try visitExpr(elts[0])
                    start = nil
                }
            }
            if start != nil {
                try visitExpr(gen.iter)
                addop(Op.GET_ITER)
            }
        }
        if let start = start {
            depth += 1
            useNextBlock(start)
            addJump(Op.FOR_ITER, anchor)
        }
        try visitExpr(gen.target)
        for cond in gen.ifs { try jumpIf(cond, ifCleanup, false) }
        if index + 1 < gens.count {
            try comprehensionGenerator(gens, index + 1, depth, elt, val, type)
        } else {
            try comprehensionElement(elt, val, type, depth)
        }
        useNextBlock(ifCleanup)
        if let start = start {
            addJump(Op.JUMP, start)
            useNextBlock(anchor)
        }
    }

    // CPython: compiler_async_comprehension_generator
    func asyncComprehensionGenerator(_ gens: [Comprehension], _ index: Int, _ depth: Int, _ elt: Expr,
                                     _ val: Expr?, _ type: ComprehensionType) throws {
        let start = newBlock(), except = newBlock(), ifCleanup = newBlock()
        let gen = gens[index]
        if index == 0 {
            u.argcount = 1
            addop(Op.LOAD_FAST, 0)
        } else {
            try visitExpr(gen.iter)
            addop(Op.GET_AITER)
        }
        useNextBlock(start)
        try pushFBlock(FBlock(kind: .asyncComprehensionGenerator, block: start, exit: nil))
        addJump(Op.SETUP_FINALLY, except)
        addop(Op.GET_ANEXT)
        loadConst(.none)
        addYieldFrom(isAwait: true)
        addop(Op.POP_BLOCK)
        try visitExpr(gen.target)
        for cond in gen.ifs { try jumpIf(cond, ifCleanup, false) }
        let depth = depth + 1
        if index + 1 < gens.count {
            try comprehensionGenerator(gens, index + 1, depth, elt, val, type)
        } else {
            try comprehensionElement(elt, val, type, depth)
        }
        useNextBlock(ifCleanup)
        addJump(Op.JUMP, start)
        popFBlock()
        useNextBlock(except)
        addop(Op.END_ASYNC_FOR)
    }
}
