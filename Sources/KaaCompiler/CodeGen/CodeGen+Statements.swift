import BigInt
import KaaCore
import KaaBytecode
import KaaSyntax

extension CodeGen {
    /// CPython: find_ann
    static func findAnn(_ stmts: [Stmt]) -> Bool {
        for st in stmts {
            switch st.kind {
            case .annAssign: return true
            case .for(_, _, let body, let orelse, _), .asyncFor(_, _, let body, let orelse, _),
                 .while(_, let body, let orelse), .if(_, let body, let orelse):
                if findAnn(body) || findAnn(orelse) { return true }
            case .with(_, let body, _), .asyncWith(_, let body, _):
                if findAnn(body) { return true }
            case .try(let body, let handlers, let orelse, let finalbody),
                 .tryStar(let body, let handlers, let orelse, let finalbody):
                for h in handlers where findAnn(h.body) { return true }
                if findAnn(body) || findAnn(finalbody) || findAnn(orelse) { return true }
            case .match(_, let cases):
                for c in cases where findAnn(c.body) { return true }
            default: break
            }
        }
        return false
    }

    /// CPython: _PyAST_GetDocString
    static func docString(_ body: [Stmt]) -> PyString? {
        guard let first = body.first, case .expr(let v) = first.kind,
              case .constant(.str(let s), _) = v.kind else { return nil }
        return s
    }

    /// CPython: compiler_body
    func body(_ stmts: [Stmt]) throws {
        if u.scopeType == .module, let first = stmts.first {
            setLoc(first.range)
        }
        if CodeGen.findAnn(stmts) { addop(Op.SETUP_ANNOTATIONS) }
        if stmts.isEmpty { return }
        var i = 0
        if optimize < 2, CodeGen.docString(stmts) != nil, case .expr(let v) = stmts[0].kind {
            i = 1
            try visitExpr(v)
            unsetLoc()
            try nameop("__doc__", .store)
        }
        while i < stmts.count {
            try visitStmt(stmts[i])
            i += 1
        }
    }

    func visitStmts(_ stmts: [Stmt]) throws {
        for s in stmts { try visitStmt(s) }
    }

    /// CPython: compiler_visit_stmt
    func visitStmt(_ s: Stmt) throws {
        setLoc(s.range)
        switch s.kind {
        case .functionDef(let name, let args, let body, let decos, let returns, _):
            try function(s, name: name, args: args, body: body, decos: decos, returns: returns, isAsync: false)
        case .asyncFunctionDef(let name, let args, let body, let decos, let returns, _):
            try function(s, name: name, args: args, body: body, decos: decos, returns: returns, isAsync: true)
        case .classDef(let name, let bases, let keywords, let body, let decos):
            try classDef(s, name: name, bases: bases, keywords: keywords, body: body, decos: decos)
        case .return(let value):
            try returnStmt(s, value)
        case .delete(let targets):
            for t in targets { try visitExpr(t) }
        case .assign(let targets, let value, _):
            try visitExpr(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { addop(Op.COPY, 1) }
                try visitExpr(t)
            }
        case .augAssign(let target, let op, let value):
            try augAssign(target, op, value)
        case .annAssign(let target, let annotation, let value, let simple):
            try annAssign(target, annotation, value, simple)
        case .for(let target, let iter, let body, let orelse, _):
            try forStmt(target, iter, body, orelse)
        case .asyncFor(let target, let iter, let body, let orelse, _):
            try asyncFor(target, iter, body, orelse)
        case .while(let test, let body, let orelse):
            try whileStmt(s, test, body, orelse)
        case .if(let test, let body, let orelse):
            let end = newBlock()
            let next = orelse.isEmpty ? end : newBlock()
            try jumpIf(test, next, false)
            try visitStmts(body)
            if !orelse.isEmpty {
                addJumpNoLine(Op.JUMP, end)
                useNextBlock(next)
                try visitStmts(orelse)
            }
            useNextBlock(end)
        case .match(let subject, let cases):
            try match(subject, cases)
        case .raise(let exc, let cause):
            var n = 0
            if let exc = exc {
                try visitExpr(exc)
                n += 1
                if let cause = cause {
                    try visitExpr(cause)
                    n += 1
                }
            }
            addop(Op.RAISE_VARARGS, n)
        case .try(let body, let handlers, let orelse, let finalbody):
            if !finalbody.isEmpty {
                try tryFinally(body, handlers, orelse, finalbody, star: false)
            } else {
                try tryExcept(body, handlers, orelse)
            }
        case .tryStar(let body, let handlers, let orelse, let finalbody):
            if !finalbody.isEmpty {
                try tryFinally(body, handlers, orelse, finalbody, star: true)
            } else {
                try tryStarExcept(body, handlers, orelse)
            }
        case .assert(let test, let msg):
            try assertStmt(s, test, msg)
        case .import(let names):
            try importStmt(names)
        case .importFrom(let module, let names, let level):
            try fromImport(s, module, names, level ?? 0)
        case .global, .nonlocal:
            break
        case .expr(let value):
            if interactive && nestLevel <= 1 {
                try visitExpr(value)
                addop(Op.PRINT_EXPR)
            } else if case .constant = value.kind {
                addop(Op.NOP)
            } else {
                try visitExpr(value)
                unsetLoc()
                addop(Op.POP_TOP)
            }
        case .pass:
            addop(Op.NOP)
        case .break:
            try breakStmt()
        case .continue:
            try continueStmt()
        case .with(let items, let body, _):
            try with(s, items, body, 0)
        case .asyncWith(let items, let body, _):
            try asyncWith(s, items, body, 0)
        }
    }

    // CPython: compiler_for
    func forStmt(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let start = newBlock(), bodyBlock = newBlock(), cleanup = newBlock(), end = newBlock()
        try pushFBlock(FBlock(kind: .forLoop, block: start, exit: end))
        try visitExpr(iter)
        addop(Op.GET_ITER)
        useNextBlock(start)
        addJump(Op.FOR_ITER, cleanup)
        useNextBlock(bodyBlock)
        try visitExpr(target)
        try visitStmts(body)
        unsetLoc()
        addJump(Op.JUMP, start)
        useNextBlock(cleanup)
        popFBlock()
        try visitStmts(orelse)
        useNextBlock(end)
    }

    var isTopLevelAwait: Bool { false }

    // CPython: compiler_async_for
    func asyncFor(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        if u.scopeType != .asyncFunction {
            throw error("'async for' outside async function")
        }
        let start = newBlock(), except = newBlock(), end = newBlock()
        try visitExpr(iter)
        addop(Op.GET_AITER)
        useNextBlock(start)
        try pushFBlock(FBlock(kind: .forLoop, block: start, exit: end))
        addJump(Op.SETUP_FINALLY, except)
        addop(Op.GET_ANEXT)
        loadConst(.none)
        addYieldFrom(isAwait: true)
        addop(Op.POP_BLOCK)
        try visitExpr(target)
        try visitStmts(body)
        unsetLoc()
        addJump(Op.JUMP, start)
        popFBlock()
        useNextBlock(except)
        setLoc(iter.range)
        addop(Op.END_ASYNC_FOR)
        try visitStmts(orelse)
        useNextBlock(end)
    }

    // CPython: compiler_while
    func whileStmt(_ s: Stmt, _ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let loop = newBlock(), bodyBlock = newBlock(), anchor = newBlock(), end = newBlock()
        useNextBlock(loop)
        try pushFBlock(FBlock(kind: .whileLoop, block: loop, exit: end))
        try jumpIf(test, anchor, false)
        useNextBlock(bodyBlock)
        try visitStmts(body)
        setLoc(s.range)
        try jumpIf(test, bodyBlock, true)
        popFBlock()
        useNextBlock(anchor)
        try visitStmts(orelse)
        useNextBlock(end)
    }

    // CPython: compiler_return
    func returnStmt(_ s: Stmt, _ value: Expr?) throws {
        var isConst = false
        if let v = value, case .constant = v.kind { isConst = true }
        let preserveTOS = value != nil && !isConst
        if u.ste.type != .function { throw error("'return' outside function") }
        if value != nil && u.ste.isCoroutine && u.ste.isGenerator {
            throw error("'return' with value in async generator")
        }
        if preserveTOS, let v = value {
            try visitExpr(v)
        } else if let v = value {
            setLoc(v.range)
            addop(Op.NOP)
        }
        if value == nil || value!.range.lineno != s.range.lineno {
            setLoc(s.range)
            addop(Op.NOP)
        }
        _ = try unwindFBlockStack(preserveTOS: preserveTOS, stopAtLoop: false)
        if value == nil {
            loadConst(.none)
        } else if !preserveTOS, let v = value, case .constant(let c, _) = v.kind {
            loadConstValue(c)
        }
        addop(Op.RETURN_VALUE)
    }

    // CPython: compiler_break
    func breakStmt() throws {
        let saved = u.loc
        addop(Op.NOP)
        guard let loop = try unwindFBlockStack(preserveTOS: false, stopAtLoop: true) else {
            u.loc = saved
            throw error("'break' outside loop")
        }
        try unwindFBlock(loop, preserveTOS: false)
        addJump(Op.JUMP, loop.exit!)
    }

    // CPython: compiler_continue
    func continueStmt() throws {
        let saved = u.loc
        addop(Op.NOP)
        guard let loop = try unwindFBlockStack(preserveTOS: false, stopAtLoop: true) else {
            u.loc = saved
            throw error("'continue' not properly in loop")
        }
        addJump(Op.JUMP, loop.block!)
    }

    // CPython: compiler_import
    func importStmt(_ names: [Alias]) throws {
        for alias in names {
            loadConst(.int(BigInt(0)))
            loadConst(.none)
            addopName(Op.IMPORT_NAME, alias.name)
            if let asname = alias.asname {
                try importAs(alias.name, asname)
            } else {
                let first = alias.name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first
                try nameop(String(first ?? ""), .store)
            }
        }
    }

    // CPython: compiler_import_as
    func importAs(_ name: String, _ asname: String) throws {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1 {
            for (i, attr) in parts.dropFirst().enumerated() {
                addopNameRaw(Op.IMPORT_FROM, String(attr))
                if i == parts.count - 2 { break }
                addop(Op.SWAP, 2)
                addop(Op.POP_TOP)
            }
            try nameop(asname, .store)
            addop(Op.POP_TOP)
            return
        }
        try nameop(asname, .store)
    }

    // CPython: compiler_from_import
    func fromImport(_ s: Stmt, _ module: String?, _ names: [Alias], _ level: Int) throws {
        loadConst(.int(BigInt(level)))
        if s.range.lineno > futureLineno && module == "__future__" {
            throw error("from __future__ imports must occur at the beginning of the file")
        }
        let fromlist: [BytecodeConstant] = names.map { .str(PyString($0.name)) }
        interned.noteIdentifiers(fromlist)
        loadConst(.tuple(fromlist))
        addopName(Op.IMPORT_NAME, module ?? "")
        for (i, alias) in names.enumerated() {
            if i == 0 && alias.name.hasPrefix("*") {
                addop(Op.IMPORT_STAR)
                return
            }
            addopName(Op.IMPORT_FROM, alias.name)
            try nameop(alias.asname ?? alias.name, .store)
        }
        addop(Op.POP_TOP)
    }

    // CPython: compiler_assert
    func assertStmt(_ s: Stmt, _ test: Expr, _ msg: Expr?) throws {
        try checkAssert(test)
        if optimize > 0 { return }
        let end = newBlock()
        try jumpIf(test, end, true)
        addop(Op.LOAD_ASSERTION_ERROR)
        if let msg = msg {
            try visitExpr(msg)
            addop(Op.PRECALL, 0)
            addop(Op.CALL, 0)
        }
        // 3.11.7 raises at the statement's location (the test's location was dropped after 3.11.0).
        addop(Op.RAISE_VARARGS, 1)
        useNextBlock(end)
    }

    // CPython: compiler_augassign
    func augAssign(_ e: Expr, _ op: BinaryOperator, _ value: Expr) throws {
        let saved = u.loc
        setLoc(e.range)
        switch e.kind {
        case .attribute(let v, let attr, _):
            try visitExpr(v)
            addop(Op.COPY, 1)
            updateStartLocationToMatchAttr(e)
            addopName(Op.LOAD_ATTR, attr)
        case .subscript(let v, let slice, _):
            try visitExpr(v)
            try visitExpr(slice)
            addop(Op.COPY, 2)
            addop(Op.COPY, 2)
            addop(Op.BINARY_SUBSCR)
        case .name(let id, _):
            try nameop(id, .load)
        default:
            throw error("invalid node type for augmented assignment")
        }
        u.loc = saved
        try visitExpr(value)
        addop(Op.BINARY_OP, binaryOparg(op, inplace: true))
        setLoc(e.range)
        switch e.kind {
        case .attribute(_, let attr, _):
            updateStartLocationToMatchAttr(e)
            addop(Op.SWAP, 2)
            addopName(Op.STORE_ATTR, attr)
        case .subscript:
            addop(Op.SWAP, 3)
            addop(Op.SWAP, 2)
            addop(Op.STORE_SUBSCR)
        case .name(let id, _):
            try nameop(id, .store)
        default: break
        }
    }

    func checkAnnExpr(_ e: Expr) throws {
        try visitExpr(e)
        addop(Op.POP_TOP)
    }

    func checkAnnSubscr(_ e: Expr) throws {
        switch e.kind {
        case .slice(let lower, let upper, let step):
            if let l = lower { try checkAnnExpr(l) }
            if let x = upper { try checkAnnExpr(x) }
            if let x = step { try checkAnnExpr(x) }
        case .tuple(let elts, _):
            for x in elts { try checkAnnSubscr(x) }
        default:
            try checkAnnExpr(e)
        }
    }

    // CPython: compiler_annassign
    func annAssign(_ target: Expr, _ annotation: Expr, _ value: Expr?, _ simple: Int) throws {
        if let v = value {
            try visitExpr(v)
            try visitExpr(target)
        }
        switch target.kind {
        case .name(let id, _):
            try checkForbidden(id, .store)
            if simple != 0 && (u.scopeType == .module || u.scopeType == .classScope) {
                if futureAnnotations {
                    loadConst(.str(unparseAnnotation(annotation)))
                } else {
                    try visitExpr(annotation)
                }
                addopNameRaw(Op.LOAD_NAME, "__annotations__")
                let key = mangle(u.priv, id)
                if key == id { interned.noteIdentifier(PyString(key)) }
                loadConst(.str(PyString(key)))
                addop(Op.STORE_SUBSCR)
            }
        case .attribute(let v, let attr, _):
            try checkForbidden(attr, .store)
            if value == nil { try checkAnnExpr(v) }
        case .subscript(let v, let slice, _):
            if value == nil {
                try checkAnnExpr(v)
                try checkAnnSubscr(slice)
            }
        default:
            throw error("invalid node type for annotated assignment")
        }
        if simple == 0 && !futureAnnotations && (u.scopeType == .module || u.scopeType == .classScope) {
            try checkAnnExpr(annotation)
        }
    }
}

extension CodeGen {
    /// CPython: _PyAST_ExprAsUnicode (annotations under `from __future__ import annotations`).
    func unparseAnnotation(_ e: Expr) -> PyString {
        ASTUnparse.expr(e)
    }
}
