import KaaCore
import KaaBytecode
import KaaSyntax

extension CodeGen {
    /// CPython: compiler_call_exit_with_nones
    func callExitWithNones() {
        loadConst(.none)
        loadConst(.none)
        loadConst(.none)
        addop(Op.PRECALL, 2)
        addop(Op.CALL, 2)
    }

    /// CPython: compiler_pop_except_and_reraise
    func popExceptAndReraise() {
        addop(Op.COPY, 3)
        addop(Op.POP_EXCEPT)
        addop(Op.RERAISE, 1)
    }

    /// CPython: compiler_unwind_fblock
    func unwindFBlock(_ info: FBlock, preserveTOS: Bool) throws {
        switch info.kind {
        case .whileLoop, .exceptionHandler, .exceptionGroupHandler, .asyncComprehensionGenerator:
            return
        case .forLoop:
            if preserveTOS { addop(Op.SWAP, 2) }
            addop(Op.POP_TOP)
        case .tryExcept:
            addop(Op.POP_BLOCK)
        case .finallyTry:
            addop(Op.POP_BLOCK)
            if preserveTOS { try pushFBlock(FBlock(kind: .popValue, block: nil, exit: nil)) }
            try visitStmts(info.finalBody)
            if preserveTOS { popFBlock() }
            unsetLoc()
        case .finallyEnd:
            if preserveTOS { addop(Op.SWAP, 2) }
            addop(Op.POP_TOP)
            if preserveTOS { addop(Op.SWAP, 2) }
            addop(Op.POP_BLOCK)
            addop(Op.POP_EXCEPT)
        case .with, .asyncWith:
            if let l = info.withLoc { u.loc = l }
            addop(Op.POP_BLOCK)
            if preserveTOS { addop(Op.SWAP, 2) }
            callExitWithNones()
            if info.kind == .asyncWith {
                addop(Op.GET_AWAITABLE, 2)
                loadConst(.none)
                addYieldFrom(isAwait: true)
            }
            addop(Op.POP_TOP)
            unsetLoc()
        case .handlerCleanup:
            if info.name != nil { addop(Op.POP_BLOCK) }
            if preserveTOS { addop(Op.SWAP, 2) }
            addop(Op.POP_BLOCK)
            addop(Op.POP_EXCEPT)
            if let name = info.name {
                loadConst(.none)
                try nameop(name, .store)
                try nameop(name, .del)
            }
        case .popValue:
            if preserveTOS { addop(Op.SWAP, 2) }
            addop(Op.POP_TOP)
        }
    }

    /// CPython: compiler_unwind_fblock_stack — returns the innermost loop when `stopAtLoop`.
    func unwindFBlockStack(preserveTOS: Bool, stopAtLoop: Bool) throws -> FBlock? {
        guard let top = u.fblocks.last else { return nil }
        if top.kind == .exceptionGroupHandler {
            throw error("'break', 'continue' and 'return' cannot appear in an except* block")
        }
        if stopAtLoop && (top.kind == .whileLoop || top.kind == .forLoop) {
            return top
        }
        let copy = u.fblocks.removeLast()
        try unwindFBlock(copy, preserveTOS: preserveTOS)
        let loop = try unwindFBlockStack(preserveTOS: preserveTOS, stopAtLoop: stopAtLoop)
        u.fblocks.append(copy)
        return loop
    }

    // CPython: compiler_try_finally / compiler_try_star_finally
    func tryFinally(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt],
                    star: Bool) throws {
        let bodyBlock = newBlock(), end = newBlock(), exit = newBlock(), cleanup = newBlock()
        addJump(Op.SETUP_FINALLY, end)
        useNextBlock(bodyBlock)
        try pushFBlock(FBlock(kind: .finallyTry, block: bodyBlock, exit: end, finalBody: finalbody))
        if !handlers.isEmpty {
            if star {
                try tryStarExcept(body, handlers, orelse)
            } else {
                try tryExcept(body, handlers, orelse)
            }
        } else {
            try visitStmts(body)
        }
        addopNoLine(Op.POP_BLOCK)
        popFBlock()
        try visitStmts(finalbody)
        addJumpNoLine(Op.JUMP, exit)
        useNextBlock(end)
        unsetLoc()
        addJump(Op.SETUP_CLEANUP, cleanup)
        addop(Op.PUSH_EXC_INFO)
        try pushFBlock(FBlock(kind: .finallyEnd, block: end, exit: nil))
        try visitStmts(finalbody)
        popFBlock()
        addop(Op.RERAISE, 0)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(exit)
    }

    // CPython: compiler_try_except
    func tryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws {
        let bodyBlock = newBlock()
        var except = newBlock()
        let end = newBlock(), cleanup = newBlock()
        addJump(Op.SETUP_FINALLY, except)
        useNextBlock(bodyBlock)
        try pushFBlock(FBlock(kind: .tryExcept, block: bodyBlock, exit: nil))
        try visitStmts(body)
        popFBlock()
        addopNoLine(Op.POP_BLOCK)
        try visitStmts(orelse)
        addJumpNoLine(Op.JUMP, end)
        let n = handlers.count
        useNextBlock(except)
        unsetLoc()
        addJump(Op.SETUP_CLEANUP, cleanup)
        addop(Op.PUSH_EXC_INFO)
        try pushFBlock(FBlock(kind: .exceptionHandler, block: nil, exit: nil))
        for (i, handler) in handlers.enumerated() {
            setLoc(handler.range)
            if handler.type == nil && i < n - 1 {
                throw error("default 'except:' must be last")
            }
            except = newBlock()
            if let t = handler.type {
                try visitExpr(t)
                addop(Op.CHECK_EXC_MATCH)
                addJump(Op.POP_JUMP_IF_FALSE, except)
            }
            if let name = handler.name {
                let cleanupEnd = newBlock(), cleanupBody = newBlock()
                try nameop(name, .store)
                addJump(Op.SETUP_CLEANUP, cleanupEnd)
                useNextBlock(cleanupBody)
                try pushFBlock(FBlock(kind: .handlerCleanup, block: cleanupBody, exit: nil, name: name))
                try visitStmts(handler.body)
                popFBlock()
                unsetLoc()
                addop(Op.POP_BLOCK)
                addop(Op.POP_BLOCK)
                addop(Op.POP_EXCEPT)
                loadConst(.none)
                try nameop(name, .store)
                try nameop(name, .del)
                addJump(Op.JUMP, end)
                useNextBlock(cleanupEnd)
                unsetLoc()
                loadConst(.none)
                try nameop(name, .store)
                try nameop(name, .del)
                addop(Op.RERAISE, 1)
            } else {
                let cleanupBody = newBlock()
                addop(Op.POP_TOP)
                useNextBlock(cleanupBody)
                try pushFBlock(FBlock(kind: .handlerCleanup, block: cleanupBody, exit: nil))
                try visitStmts(handler.body)
                popFBlock()
                unsetLoc()
                addop(Op.POP_BLOCK)
                addop(Op.POP_EXCEPT)
                addJump(Op.JUMP, end)
            }
            useNextBlock(except)
        }
        unsetLoc()
        popFBlock()
        addop(Op.RERAISE, 0)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(end)
    }

    // CPython: compiler_try_star_except
    func tryStarExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws {
        let bodyBlock = newBlock(), exceptBlock = newBlock(), orelseBlock = newBlock(), end = newBlock()
        let cleanup = newBlock(), reraiseStar = newBlock()
        addJump(Op.SETUP_FINALLY, exceptBlock)
        useNextBlock(bodyBlock)
        try pushFBlock(FBlock(kind: .tryExcept, block: bodyBlock, exit: nil))
        try visitStmts(body)
        popFBlock()
        addopNoLine(Op.POP_BLOCK)
        addJumpNoLine(Op.JUMP, orelseBlock)
        let n = handlers.count
        useNextBlock(exceptBlock)
        unsetLoc()
        addJump(Op.SETUP_CLEANUP, cleanup)
        addop(Op.PUSH_EXC_INFO)
        try pushFBlock(FBlock(kind: .exceptionGroupHandler, block: nil, exit: nil))
        for (i, handler) in handlers.enumerated() {
            setLoc(handler.range)
            let except = newBlock(), exceptWithError = newBlock(), noMatch = newBlock()
            if i == 0 {
                addop(Op.COPY, 1)
                addop(Op.BUILD_LIST, 0)
                addop(Op.SWAP, 2)
            }
            if let t = handler.type {
                try visitExpr(t)
                addop(Op.CHECK_EG_MATCH)
                addop(Op.COPY, 1)
                addJump(Op.POP_JUMP_IF_NONE, noMatch)
            }
            let cleanupEnd = newBlock(), cleanupBody = newBlock()
            if let name = handler.name {
                try nameop(name, .store)
            } else {
                addop(Op.POP_TOP)
            }
            addJump(Op.SETUP_CLEANUP, cleanupEnd)
            useNextBlock(cleanupBody)
            try pushFBlock(FBlock(kind: .handlerCleanup, block: cleanupBody, exit: nil, name: handler.name))
            try visitStmts(handler.body)
            popFBlock()
            unsetLoc()
            addop(Op.POP_BLOCK)
            if let name = handler.name {
                loadConst(.none)
                try nameop(name, .store)
                try nameop(name, .del)
            }
            addJump(Op.JUMP, except)
            useNextBlock(cleanupEnd)
            unsetLoc()
            if let name = handler.name {
                loadConst(.none)
                try nameop(name, .store)
                try nameop(name, .del)
            }
            addop(Op.LIST_APPEND, 3)
            addop(Op.POP_TOP)
            addJump(Op.JUMP, exceptWithError)
            useNextBlock(except)
            addop(Op.NOP)
            addJump(Op.JUMP, exceptWithError)
            useNextBlock(noMatch)
            addop(Op.POP_TOP)
            useNextBlock(exceptWithError)
            if i == n - 1 {
                addop(Op.LIST_APPEND, 1)
                addJump(Op.JUMP, reraiseStar)
            }
        }
        unsetLoc()
        popFBlock()
        let reraise = newBlock()
        useNextBlock(reraiseStar)
        addop(Op.PREP_RERAISE_STAR)
        addop(Op.COPY, 1)
        addJump(Op.POP_JUMP_IF_NOT_NONE, reraise)
        addop(Op.POP_TOP)
        addop(Op.POP_BLOCK)
        addop(Op.POP_EXCEPT)
        addJump(Op.JUMP, end)
        useNextBlock(reraise)
        addop(Op.POP_BLOCK)
        addop(Op.SWAP, 2)
        addop(Op.POP_EXCEPT)
        addop(Op.RERAISE, 0)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(orelseBlock)
        try visitStmts(orelse)
        useNextBlock(end)
    }

    /// CPython: compiler_with_except_finish
    func withExceptFinish(_ cleanup: BasicBlock) {
        unsetLoc()
        let exit = newBlock()
        addJump(Op.POP_JUMP_IF_TRUE, exit)
        addop(Op.RERAISE, 2)
        useNextBlock(cleanup)
        popExceptAndReraise()
        useNextBlock(exit)
        addop(Op.POP_TOP)
        addop(Op.POP_BLOCK)
        addop(Op.POP_EXCEPT)
        addop(Op.POP_TOP)
        addop(Op.POP_TOP)
    }

    // CPython: compiler_with
    func with(_ s: Stmt, _ items: [WithItem], _ body: [Stmt], _ pos: Int) throws {
        let block = newBlock(), final = newBlock(), exit = newBlock(), cleanup = newBlock()
        let item = items[pos]
        try visitExpr(item.contextExpr)
        addop(Op.BEFORE_WITH)
        addJump(Op.SETUP_WITH, final)
        useNextBlock(block)
        let sLoc = Loc(line: s.range.lineno, endLine: s.range.endLineno, col: s.range.colOffset,
                       endCol: s.range.endColOffset)
        try pushFBlock(FBlock(kind: .with, block: block, exit: final, withLoc: sLoc))
        if let v = item.optionalVars {
            try visitExpr(v)
        } else {
            addop(Op.POP_TOP)
        }
        if pos + 1 == items.count {
            try visitStmts(body)
        } else {
            try with(s, items, body, pos + 1)
        }
        unsetLoc()
        addop(Op.POP_BLOCK)
        popFBlock()
        setLoc(s.range)
        callExitWithNones()
        addop(Op.POP_TOP)
        addJump(Op.JUMP, exit)
        useNextBlock(final)
        addJump(Op.SETUP_CLEANUP, cleanup)
        addop(Op.PUSH_EXC_INFO)
        addop(Op.WITH_EXCEPT_START)
        withExceptFinish(cleanup)
        useNextBlock(exit)
    }

    // CPython: compiler_async_with
    func asyncWith(_ s: Stmt, _ items: [WithItem], _ body: [Stmt], _ pos: Int) throws {
        if u.scopeType != .asyncFunction {
            throw error("'async with' outside async function")
        }
        let block = newBlock(), final = newBlock(), exit = newBlock(), cleanup = newBlock()
        let item = items[pos]
        try visitExpr(item.contextExpr)
        addop(Op.BEFORE_ASYNC_WITH)
        addop(Op.GET_AWAITABLE, 1)
        loadConst(.none)
        addYieldFrom(isAwait: true)
        addJump(Op.SETUP_WITH, final)
        useNextBlock(block)
        let sLoc = Loc(line: s.range.lineno, endLine: s.range.endLineno, col: s.range.colOffset,
                       endCol: s.range.endColOffset)
        try pushFBlock(FBlock(kind: .asyncWith, block: block, exit: final, withLoc: sLoc))
        if let v = item.optionalVars {
            try visitExpr(v)
        } else {
            addop(Op.POP_TOP)
        }
        if pos + 1 == items.count {
            try visitStmts(body)
        } else {
            try asyncWith(s, items, body, pos + 1)
        }
        popFBlock()
        addop(Op.POP_BLOCK)
        setLoc(s.range)
        callExitWithNones()
        addop(Op.GET_AWAITABLE, 2)
        loadConst(.none)
        addYieldFrom(isAwait: true)
        addop(Op.POP_TOP)
        addJump(Op.JUMP, exit)
        useNextBlock(final)
        addJump(Op.SETUP_CLEANUP, cleanup)
        addop(Op.PUSH_EXC_INFO)
        addop(Op.WITH_EXCEPT_START)
        addop(Op.GET_AWAITABLE, 2)
        loadConst(.none)
        addYieldFrom(isAwait: true)
        withExceptFinish(cleanup)
        useNextBlock(exit)
    }
}
